package lscb.notebook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The one place that finds a finished run's folder: OUT/LATEST -> OUT/runs/ID/, else OUT itself. */
public final class RunFolder {
  private RunFolder() {}

  /** The folder of the run OUT points at: OUT/runs/(contents of OUT/LATEST, trimmed)/ if LATEST exists, else OUT. */
  public static Path resolve(Path out) {
    Path latest = out.resolve("LATEST");
    if (!Files.isRegularFile(latest)) {
      return out;
    }
    try {
      String id = Files.readString(latest).trim();
      if (id.isEmpty() || id.contains("/") || id.contains("..")) {
        throw new IllegalStateException(latest + " should name one run folder under " + out.resolve("runs") + ", not '" + id + "'");
      }
      return out.resolve("runs").resolve(id);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + latest, e);
    }
  }

  /**
   * The output folder a notebook reads when its parameters cell does not set one: LSCB_OUT, else the working folder's
   * parent if it holds a run (an executed copy in OUT/notebooks/, whatever OUT was), else LSCB_ROOT/out, else the out/
   * of the checkout found above the working folder (the one holding the lscb launcher). The installed kernelspec sets
   * LSCB_ROOT, so an executed copy must be recognised before it: otherwise it would read the checkout's out/.
   */
  public static Path defaultOut(Map<String, String> env, Path workingDir) {
    if (notBlank(env.get("LSCB_OUT"))) {
      return Path.of(env.get("LSCB_OUT")).toAbsolutePath().normalize();
    }
    Path dir = workingDir.toAbsolutePath().normalize();
    Path parent = dir.getParent();
    if (parent != null && (Files.isRegularFile(parent.resolve("manifest.json")) || Files.isRegularFile(parent.resolve("LATEST")))) {
      return parent;
    }
    if (notBlank(env.get("LSCB_ROOT"))) {
      return Path.of(env.get("LSCB_ROOT")).resolve("out").toAbsolutePath().normalize();
    }
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("lscb")) && Files.isDirectory(d.resolve("notebooks"))) {
        return d.resolve("out");
      }
    }
    return dir.resolveSibling("out");
  }

  /** The default output folder of this JVM (its environment and working folder). */
  public static Path defaultOut() {
    return defaultOut(System.getenv(), Path.of(""));
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
