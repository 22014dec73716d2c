package lscb.kernel;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The lscb-java kernelspec: kernel.json and the log configuration it names, in a Jupyter data folder. */
public record KernelSpec(String java, List<String> jvmOptions, List<String> classpath, Map<String, String> env) {

  /** The kernel's folder under a Jupyter data folder (one JUPYTER_PATH entry): DIR/kernels/lscb-java. */
  public static Path kernelDir(Path dataDir) {
    return dataDir.resolve("kernels").resolve(Kernel.NAME);
  }

  /** Jupyter's user data folder: $JUPYTER_DATA_DIR, else $XDG_DATA_HOME/jupyter, else ~/.local/share/jupyter. */
  public static Path userDataDir() {
    String jupyterData = System.getenv("JUPYTER_DATA_DIR");
    if (jupyterData != null && !jupyterData.isBlank()) {
      return Path.of(jupyterData);
    }
    String xdg = System.getenv("XDG_DATA_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
    return base.resolve("jupyter");
  }

  /** The java of the running JVM, so the kernel runs on the same Java as the build. */
  public static String currentJava() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** kernel.json for a kernel folder (the log configuration's path is inside it). */
  public String kernelJson(Path kernelDir) {
    JsonArray argv = new JsonArray();
    argv.add(java);
    jvmOptions.forEach(argv::add);
    argv.add("-Dlog4j2.configurationFile=" + kernelDir.resolve("log4j2.properties").toAbsolutePath());
    if (!jvmOptions.contains("-Djava.awt.headless=true")) {
      argv.add("-Djava.awt.headless=true");
    }
    argv.add("-cp");
    argv.add(String.join(":", classpath));
    argv.add(Launch.class.getName());
    argv.add("{connection_file}");
    JsonObject spec = new JsonObject();
    spec.add("argv", argv);
    spec.addProperty("display_name", Kernel.DISPLAY_NAME);
    spec.addProperty("language", "java");
    // "message": a SIGINT would end the JVM; the kernel answers interrupt requests instead.
    spec.addProperty("interrupt_mode", "message");
    JsonObject environment = new JsonObject();
    env.forEach(environment::addProperty);
    spec.add("env", environment);
    return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(spec) + "\n";
  }

  /** True if the kernelspec in this data folder is exactly the one {@link #install} would write. */
  public boolean isInstalled(Path dataDir) throws IOException {
    Path dir = kernelDir(dataDir);
    Path json = dir.resolve("kernel.json");
    Path log = dir.resolve("log4j2.properties");
    return Files.isRegularFile(json) && Files.isRegularFile(log)
        && Files.readString(json).equals(kernelJson(dir)) && Files.readString(log).equals(logConfig());
  }

  /** Writes the kernelspec into DIR/kernels/lscb-java and returns that folder. */
  public Path install(Path dataDir) throws IOException {
    Path dir = kernelDir(dataDir).toAbsolutePath();
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("log4j2.properties"), logConfig());
    Files.writeString(dir.resolve("kernel.json"), kernelJson(dir));
    return dir;
  }

  private static String logConfig() throws IOException {
    try (InputStream in = KernelSpec.class.getResourceAsStream("log4j2.properties")) {
      if (in == null) {
        throw new IOException("log4j2.properties is missing from the kernel jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** JVM options from a whitespace-separated flags file's text plus a heap size. */
  public static List<String> jvmOptions(String flags, String heap) {
    List<String> options = new ArrayList<>(List.of(flags.trim().split("\\s+")));
    options.removeIf(String::isBlank);
    options.add("-Xmx" + heap);
    return options;
  }
}
