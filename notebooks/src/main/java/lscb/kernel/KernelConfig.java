package lscb.kernel;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The kernel's settings from environment variables, named as JJava names them (IJava's IJAVA_ names
 * are read too): JJAVA_COMPILER_OPTS, JJAVA_CLASSPATH, JJAVA_STARTUP_SCRIPTS_PATH,
 * JJAVA_STARTUP_SCRIPT and JJAVA_TIMEOUT (milliseconds a cell may run; none by default).
 */
public record KernelConfig(List<String> compilerOptions, List<String> extraClasspath, List<String> startupScripts,
    long timeoutMs) {

  /** No options, no extra classpath, no scripts, no timeout. */
  public static KernelConfig none() {
    return new KernelConfig(List.of(), List.of(), List.of(), 0);
  }

  /** The settings in this process's environment. */
  public static KernelConfig fromEnvironment() {
    return from(System.getenv());
  }

  /** The settings in an environment; a bad value fails with a line naming the variable. */
  static KernelConfig from(Map<String, String> env) {
    List<String> options = words(get(env, "COMPILER_OPTS"));
    List<String> classpath = new ArrayList<>();
    for (String entry : paths(get(env, "CLASSPATH"))) {
      classpath.addAll(Magics.glob(entry));
    }
    List<String> scripts = new ArrayList<>();
    for (String entry : paths(get(env, "STARTUP_SCRIPTS_PATH"))) {
      for (String file : Magics.glob(entry)) {
        try {
          scripts.add(Files.readString(Path.of(file)));
        } catch (IOException e) {
          throw new UncheckedIOException("JJAVA_STARTUP_SCRIPTS_PATH: cannot read " + file, e);
        }
      }
    }
    String script = get(env, "STARTUP_SCRIPT");
    if (!script.isBlank()) {
      scripts.add(script);
    }
    String timeout = get(env, "TIMEOUT").trim();
    long ms;
    try {
      ms = timeout.isEmpty() ? 0 : Long.parseLong(timeout);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("JJAVA_TIMEOUT must be a number of milliseconds (or -1 for none), not '"
          + timeout + "'");
    }
    return new KernelConfig(options, classpath, scripts, Math.max(0, ms));
  }

  private static String get(Map<String, String> env, String name) {
    String value = env.get("JJAVA_" + name);
    return value != null ? value : env.getOrDefault("IJAVA_" + name, "");
  }

  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    for (String word : text.trim().split("\\s+")) {
      if (!word.isEmpty()) {
        words.add(word);
      }
    }
    return words;
  }

  private static List<String> paths(String text) {
    List<String> paths = new ArrayList<>();
    for (String path : text.split(File.pathSeparator)) {
      if (!path.isBlank()) {
        paths.add(path.trim());
      }
    }
    return paths;
  }
}
