package lscb.kernel;

/** Something the user can fix (Jupyter missing, a notebook's cell failed): one plain line, non-zero exit. */
public final class CommandFailure extends RuntimeException {
  private final int exitCode;

  public CommandFailure(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
