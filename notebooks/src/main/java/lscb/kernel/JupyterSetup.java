package lscb.kernel;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Debian packages headless notebook runs need (jupyter-nbconvert, jupyter-client), and those the
 * kernel's tests and inspection use: Jupyter's kernel test suite, the JDK's sources (for javadoc), and
 * chromium (the report's page check renders the HTML in it).
 */
public final class JupyterSetup {
  /** Debian's jupyter; the pyenv python on PATH has no nbconvert. */
  public static final Path JUPYTER = Path.of("/usr/bin/jupyter");
  static final List<String> PACKAGES = List.of("jupyter-nbconvert", "jupyter-client",
      "python3-jupyter-kernel-test", "openjdk-17-source", lscb.notebook.BrowserCheck.PACKAGE);
  /** Exactly what to run as root when the packages are missing. */
  public static final String INSTALL_COMMAND =
      "apt-get update && apt-get install -y --no-install-recommends " + String.join(" ", PACKAGES);

  private JupyterSetup() {}

  /** True if /usr/bin/jupyter runs nbconvert. */
  public static boolean isInstalled() {
    if (!Files.isExecutable(JUPYTER)) {
      return false;
    }
    try {
      Process process = new ProcessBuilder(JUPYTER.toString(), "nbconvert", "--version")
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** A failure telling how to install Jupyter, unless it is installed. */
  public static void require() {
    if (!isInstalled()) {
      throw new CommandFailure(JUPYTER + " with nbconvert is missing: run ./lscb kernel setup as root, or: "
          + INSTALL_COMMAND, 2);
    }
  }

  /** Installs the packages with apt-get when missing and allowed (root on Debian); otherwise says what to run. */
  public static void ensure(PrintStream out) throws IOException, InterruptedException {
    List<String> missing = missingPackages();
    if (isInstalled() && missing.isEmpty()) {
      out.println("[jupyter] " + JUPYTER + " nbconvert and " + String.join(", ", PACKAGES.subList(2, PACKAGES.size()))
          + " are installed");
      return;
    }
    if (!Files.isRegularFile(Path.of("/etc/debian_version")) || !isRoot()) {
      throw new CommandFailure(String.join(", ", missing.isEmpty() ? PACKAGES : missing)
          + " missing; as root on Debian run: " + INSTALL_COMMAND, 2);
    }
    out.println("[jupyter] installing " + String.join(" ", missing) + " with apt-get ...");
    run(List.of("apt-get", "update"));
    List<String> install = new ArrayList<>(List.of("apt-get", "install", "-y", "--no-install-recommends"));
    install.addAll(missing.isEmpty() ? PACKAGES : missing);
    run(install);
    if (!isInstalled()) {
      throw new CommandFailure("apt-get finished but " + JUPYTER + " nbconvert still does not run", 1);
    }
    out.println("[jupyter] installed");
  }

  /** The packages dpkg does not list as installed (all of them where there is no dpkg). */
  static List<String> missingPackages() {
    List<String> missing = new ArrayList<>();
    for (String name : PACKAGES) {
      try {
        Process query = new ProcessBuilder("dpkg-query", "-W", "-f=${Status}", name).redirectErrorStream(true).start();
        String status = new String(query.getInputStream().readAllBytes());
        if (!query.waitFor(60, TimeUnit.SECONDS) || !status.contains("install ok installed")) {
          missing.add(name);
        }
      } catch (IOException e) {
        missing.add(name);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        missing.add(name);
      }
    }
    return missing;
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
    builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
    int exit = builder.start().waitFor();
    if (exit != 0) {
      throw new CommandFailure(String.join(" ", command) + " failed (exit " + exit + ")", 1);
    }
  }

  private static boolean isRoot() throws IOException {
    return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
  }
}
