package lscb.kernel;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** `./lscb kernel ...` and `./lscb notebooks ...`: install the Java kernel and run the notebooks. */
@Command(name = "lscb", mixinStandardHelpOptions = true, version = "lscb kernel " + Kernel.VERSION,
    description = "The project's Java Jupyter kernel and headless notebook runs.",
    subcommands = {KernelCommand.class, NotebooksCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** The checkout the launcher runs from (-Dlscb.root), else the current folder. */
  static Path root() {
    return Path.of(System.getProperty("lscb.root", ".")).toAbsolutePath().normalize();
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line; failures the user can fix become one plain line on stderr. */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new Main()).setUsageHelpWidth(100);
    cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      if (ex instanceof CommandFailure failure) {
        commandLine.getErr().println("lscb: " + failure.getMessage());
        return failure.exitCode();
      }
      if (System.getenv("LSCB_DEBUG") != null) {
        ex.printStackTrace(commandLine.getErr());
      }
      commandLine.getErr().println("lscb: internal error: " + ex
          + " (this is a bug; rerun with LSCB_DEBUG=1 for the stack trace and report it)");
      return 70;
    });
    return cli.execute(args);
  }
}
