package lscb.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `notebooks`: execute every notebook headless into OUT/notebooks/NAME.html and NAME.ipynb. */
@Command(name = "notebooks", mixinStandardHelpOptions = true,
    description = {"Execute the notebooks (notebooks/*.ipynb) headless with Jupyter's nbconvert and the lscb-java"
        + " kernel, into OUT/notebooks/NAME.html with the executed NAME.ipynb and nbconvert's NAME.log beside it.",
        "Notebooks run in the notebooks folder and get LSCB_ROOT (the checkout) and LSCB_OUT (the finished run they"
        + " read: OUT/runs/ID when OUT/LATEST names ID, else OUT) in their environment. A failing cell stops nothing"
        + " else but makes the exit code non-zero."})
public final class NotebooksCommand implements Callable<Integer> {
  @Option(names = "--out", paramLabel = "DIR", defaultValue = "out",
      description = "Output root; results go to DIR/notebooks (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "1200",
      description = "Longest a single cell may run (default: ${DEFAULT-VALUE}).")
  int timeout;

  @Option(names = "--dir", paramLabel = "DIR", description = "Folder of notebooks (default: notebooks/ of the checkout).")
  Path dir;

  @Option(names = "--heap", paramLabel = "SIZE", defaultValue = "2g",
      description = "The kernel JVM's maximum heap if the kernelspec is (re)installed (default: ${DEFAULT-VALUE}).")
  String heap;

  @Parameters(paramLabel = "NOTEBOOK", arity = "0..*", description = "Only these notebooks (names or paths).")
  List<String> only = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    JupyterSetup.require();
    Path root = Main.root();
    Path folder = dir != null ? dir : root.resolve("notebooks");
    List<Path> notebooks = notebooks(folder);
    if (notebooks.isEmpty()) {
      System.out.println("[notebooks] none to run in " + folder);
      return 0;
    }
    KernelSpec spec = KernelCommand.specFromBuild(root, heap);
    Path dataDir = KernelSpec.userDataDir();
    if (!spec.isInstalled(dataDir)) {
      System.out.println("[kernel] installed " + spec.install(dataDir));
    }
    Path results = out.resolve("notebooks");
    NotebookRunner runner = new NotebookRunner(results, timeout, NotebookRunner.notebookEnv(root, finishedRun(out)));
    List<String> failures = new ArrayList<>();
    for (Path notebook : notebooks) {
      NotebookRunner.Result result = runner.run(notebook);
      if (result.ok()) {
        System.out.printf(Locale.ROOT, "[notebook %s] %d code cells ok -> %s%s (%.1f s)%n",
            result.notebook(), result.codeCells(), result.html(),
            result.report() == null ? "" : ", code-free report " + result.report(), result.seconds());
      } else {
        System.out.printf(Locale.ROOT, "[notebook %s] FAILED -> %s (%.1f s)%n", result.notebook(),
            result.html() != null ? result.html() : results.resolve(result.notebook().replace(".ipynb", ".log")),
            result.seconds());
        System.err.println("lscb: notebook " + result.failure());
        failures.add(result.notebook());
      }
      System.out.flush();
    }
    return failures.isEmpty() ? 0 : 1;
  }

  /**
   * The folder of the finished run under {@code out}: OUT/runs/ID when OUT/LATEST names ID, else OUT. The
   * rule of the jobs' lscb.run.RunFolders.resolve, which this module does not link to (it runs without Spark).
   */
  static Path finishedRun(Path out) throws IOException {
    Path latest = out.resolve("LATEST");
    if (!Files.isRegularFile(latest)) {
      return out;
    }
    Path run = out.resolve("runs").resolve(Files.readString(latest).trim());
    if (!Files.isDirectory(run)) {
      throw new CommandFailure(latest + " names " + run + ", which does not exist", 2);
    }
    return run;
  }

  private List<Path> notebooks(Path folder) throws IOException {
    if (!only.isEmpty()) {
      List<Path> chosen = new ArrayList<>();
      for (String name : only) {
        Path path = Files.isRegularFile(Path.of(name)) ? Path.of(name)
            : folder.resolve(name.endsWith(".ipynb") ? name : name + ".ipynb");
        if (!Files.isRegularFile(path)) {
          throw new CommandFailure("no such notebook: " + name + " (looked in " + folder + ")", 2);
        }
        chosen.add(path);
      }
      return chosen;
    }
    if (!Files.isDirectory(folder)) {
      throw new CommandFailure("no notebooks folder: " + folder, 2);
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".ipynb")).sorted().toList();
    }
  }
}
