package lscb.kernel;

/** A java.lang.Error a cell threw (StackOverflowError, AssertionError, ...), carried as an exception. */
public final class JavaError extends RuntimeException {
  public JavaError(Error error) {
    super(error.getClass().getName() + (error.getMessage() == null ? "" : ": " + error.getMessage()), error);
    setStackTrace(error.getStackTrace());
  }
}
