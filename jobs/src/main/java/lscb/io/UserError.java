package lscb.io;

/** A mistake the user can fix (missing folder, wrong encoding, bad option): printed as one line, no stack trace. */
public class UserError extends RuntimeException {
  private final int exitCode;

  public UserError(String message) {
    this(message, 2);
  }

  public UserError(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
