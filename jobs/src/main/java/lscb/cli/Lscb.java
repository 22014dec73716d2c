package lscb.cli;

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

  /** Runs the command line and returns its exit code; user errors become one plain line on stderr. */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new Lscb());
    cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      Throwable cause = ex;
      while (cause != null && !(cause instanceof UserError)) {
        cause = cause.getCause();
      }
      if (cause instanceof UserError userError) {
        commandLine.getErr().println("lscb: " + userError.getMessage());
        return userError.exitCode();
      }
      if (System.getenv("LSCB_DEBUG") != null) {
        ex.printStackTrace(commandLine.getErr());
      }
      String first = String.valueOf(ex.getMessage()).lines().findFirst().orElse("");
      commandLine.getErr().println("lscb: internal error: " + ex.getClass().getSimpleName() + ": "
          + (first.length() > 300 ? first.substring(0, 300) + "..." : first)
          + " (this is a bug; rerun with LSCB_DEBUG=1 for the stack trace and report it)");
      return 70;
    });
    return cli.execute(args);
  }
}
