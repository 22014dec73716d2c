package lscb.kernel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `kernel install` and `kernel setup`: register the lscb-java kernelspec, install Jupyter. */
@Command(name = "kernel", mixinStandardHelpOptions = true,
    description = "Install the project's Java kernel (lscb-java) for Jupyter.",
    subcommands = {KernelCommand.Install.class, KernelCommand.Setup.class})
public final class KernelCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Where the kernelspec goes. */
  static final class Target {
    @Option(names = "--user", description = "Jupyter's user data folder (default): ~/.local/share/jupyter.")
    boolean user;

    @Option(names = "--prefix", paramLabel = "DIR",
        description = "A JUPYTER_PATH folder instead: the kernelspec goes to DIR/kernels/lscb-java.")
    Path prefix;
  }

  /** Options shared by install and setup (a picocli mixin). */
  static final class SpecOptions {
    @ArgGroup(exclusive = true)
    Target target;

    @Option(names = "--heap", paramLabel = "SIZE", defaultValue = "2g",
        description = "The kernel JVM's maximum heap (default: ${DEFAULT-VALUE}).")
    String heap;

    @Option(names = "--jvm-option", paramLabel = "OPTION",
        description = "An extra option for the kernel's JVM, e.g. --jvm-option=-Dspark.driver.host=10.0.0.5 (repeatable).")
    List<String> jvmOptions = new ArrayList<>();

    @Option(names = "--env", paramLabel = "NAME=VALUE",
        description = "An environment variable for the kernel, e.g. --env JJAVA_TIMEOUT=600000 (repeatable).")
    Map<String, String> env = new LinkedHashMap<>();

    Path dataDir() {
      return target != null && target.prefix != null ? target.prefix : KernelSpec.userDataDir();
    }

    Path prefix() {
      return target == null ? null : target.prefix;
    }
  }

  /** The kernelspec for this checkout's build outputs. */
  static KernelSpec specFromBuild(Path root, String heap) throws Exception {
    return specFromBuild(root, heap, List.of(), Map.of());
  }

  /** The same with extra JVM options and environment variables (JJAVA_TIMEOUT, JJAVA_CLASSPATH, ...). */
  static KernelSpec specFromBuild(Path root, String heap, List<String> jvmOptions, Map<String, String> env)
      throws Exception {
    List<String> options = new ArrayList<>(KernelSpec.jvmOptions(KernelClasspath.jvmFlags(root), heap));
    options.addAll(jvmOptions);
    Map<String, String> environment = new LinkedHashMap<>(env);
    environment.put("LSCB_ROOT", root.toString());
    return new KernelSpec(KernelSpec.currentJava(), options, KernelClasspath.fromBuild(root), environment);
  }

  /** Writes the kernelspec and says where. */
  static void install(SpecOptions options) throws Exception {
    KernelSpec spec = specFromBuild(Main.root(), options.heap, options.jvmOptions, options.env);
    Path dir = spec.install(options.dataDir());
    System.out.println("[kernel] " + Kernel.NAME + " (\"" + Kernel.DISPLAY_NAME + "\") installed in " + dir
        + " (" + spec.classpath().size() + " classpath entries)");
    if (options.prefix() != null) {
      System.out.println("[kernel] Jupyter finds it with JUPYTER_PATH=" + options.prefix().toAbsolutePath());
    }
  }

  @Command(name = "install", mixinStandardHelpOptions = true,
      description = "Write the lscb-java kernelspec (kernel.json with the kernel's classpath and JVM flags).")
  static final class Install implements Callable<Integer> {
    @CommandLine.Mixin
    SpecOptions options;

    @Option(names = "--with-jupyter", description = "Also install Jupyter's Debian packages (as `kernel setup`).")
    boolean withJupyter;

    @Override
    public Integer call() throws Exception {
      if (withJupyter) {
        JupyterSetup.ensure(System.out);
      }
      install(options);
      return 0;
    }
  }

  @Command(name = "setup", mixinStandardHelpOptions = true,
      description = "Install jupyter-nbconvert and jupyter-client with apt-get when missing (as root on Debian;"
          + " otherwise prints the command to run), then the kernelspec.")
  static final class Setup implements Callable<Integer> {
    @CommandLine.Mixin
    SpecOptions options;

    @Override
    public Integer call() throws Exception {
      JupyterSetup.ensure(System.out);
      install(options);
      return 0;
    }
  }
}
