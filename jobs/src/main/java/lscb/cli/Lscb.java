package lscb.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import lscb.io.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The command line: one subcommand per job, each with --help. */
@Command(name = "lscb", mixinStandardHelpOptions = true, version = "lscb 0.1.0",
    description = "LSCB survey analytics: normalise the 2006/2007 survey returns and population, "
        + "compute the report's analyses, publish and check them.",
    subcommands = {
        RunCommand.class,
        NormaliseCommand.class,
        ReconstructCommand.class,
        AnalyseCommand.class, ReportCheckCommand.class,
        PopulationCommand.class, SynthPopulationCommand.class,
        CommandLine.HelpCommand.class
    })
public final class Lscb implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** The exit code of a run that failed reading or writing storage (sysexits' EX_IOERR). */
  public static final int STORAGE_ERROR = 74;
  /** The exit code of an internal error, a bug (sysexits' EX_SOFTWARE). */
  public static final int INTERNAL_ERROR = 70;

  /** Runs the command line and returns its exit code; a failure becomes one plain line on stderr. */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new Lscb());
    cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      if (System.getenv("LSCB_DEBUG") != null) {
        ex.printStackTrace(commandLine.getErr());
      }
      Failure failure = failure(ex);
      commandLine.getErr().println(failure.line());
      return failure.exitCode();
    });
    return cli.execute(args);
  }

  /** What a failed command prints (one line) and the exit code it ends with. */
  public record Failure(String line, int exitCode) {}

  /**
   * A failure as the user sees it: a {@link UserError} anywhere in the causes as its own line and code; else
   * the outermost I/O failure (one the store or the disk gave: no space, no permission, a lost connection, a
   * file gone) as a storage error, in the words of the code that saw it; else an internal error, a bug.
   */
  public static Failure failure(Throwable ex) {
    for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
      if (cause instanceof UserError userError) {
        return new Failure("lscb: " + userError.getMessage(), userError.exitCode());
      }
    }
    for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
      if (storage(cause)) {
        return new Failure("lscb: storage error: " + firstLine(cause) + " (check the location's free space,"
            + " permissions and connection, then run again; LSCB_DEBUG=1 shows the stack trace)", STORAGE_ERROR);
      }
    }
    return new Failure("lscb: internal error: " + ex.getClass().getSimpleName() + ": " + firstLine(ex)
        + " (this is a bug; rerun with LSCB_DEBUG=1 for the stack trace and report it)", INTERNAL_ERROR);
  }

  /**
   * An I/O failure of the store or the disk; not text that failed to decode or JSON that failed to parse or
   * write, which are IOExceptions too but are about content, not storage.
   */
  private static boolean storage(Throwable e) {
    if (e instanceof UncheckedIOException) {
      return storage(e.getCause());
    }
    return e instanceof IOException && !(e instanceof CharacterCodingException)
        && !e.getClass().getName().startsWith("com.fasterxml.jackson.");
  }

  private static String firstLine(Throwable e) {
    String first = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
    return first.length() > 300 ? first.substring(0, 300) + "..." : first;
  }
}
