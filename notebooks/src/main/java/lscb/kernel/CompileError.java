package lscb.kernel;

/** A cell that does not compile: the compiler's messages with the cell's line numbers. */
public final class CompileError extends RuntimeException {
  public CompileError(String message) {
    super(message);
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this; // the kernel's own frames mean nothing to the notebook's reader
  }
}
