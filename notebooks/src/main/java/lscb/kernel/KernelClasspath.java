package lscb.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The kernel JVM's classpath from the build outputs: the kernel jar, the jobs jar and the jobs'
 * runtime classpath (Spark, Tablesaw, the project's classes), then the kernel's own dependencies.
 */
public final class KernelClasspath {
  private KernelClasspath() {}

  /** The build outputs of a checkout, or a failure naming what is missing and how to build it. */
  public static List<String> fromBuild(Path root) throws IOException {
    Path kernelTarget = root.resolve("notebooks/target");
    Path jobsTarget = root.resolve("jobs/target");
    List<String> first = new ArrayList<>();
    first.add(required(kernelTarget.resolve("lscb-kernel.jar")).toString());
    first.add(required(jobsTarget.resolve("lscb-jobs.jar")).toString());
    first.addAll(entries(required(jobsTarget.resolve("runtime-classpath.txt"))));
    return merge(first, entries(required(kernelTarget.resolve("runtime-classpath.txt"))));
  }

  /** Spark's JVM flags as the launcher wrote them (jobs/target/jvm-flags.txt). */
  public static String jvmFlags(Path root) throws IOException {
    return Files.readString(required(root.resolve("jobs/target/jvm-flags.txt")));
  }

  /**
   * The first list, then the entries of the second whose artifact the first does not already hold
   * (the jobs' versions win; Spark is the fussier library). slf4j-simple/nop never: Spark binds log4j.
   */
  static List<String> merge(List<String> first, List<String> then) {
    List<String> merged = new ArrayList<>();
    Set<String> artifacts = new HashSet<>();
    for (String entry : first) {
      if (!merged.contains(entry) && !isStraySlf4jBinding(entry)) {
        merged.add(entry);
        artifacts.add(artifact(entry));
      }
    }
    for (String entry : then) {
      if (!merged.contains(entry) && !isStraySlf4jBinding(entry) && artifacts.add(artifact(entry))) {
        merged.add(entry);
      }
    }
    return merged;
  }

  /** A Maven repository jar's artifact folder (.../group/artifact), or the entry itself. */
  static String artifact(String entry) {
    Path path = Path.of(entry);
    Path version = path.getParent();
    return version != null && version.getParent() != null && path.getFileName().toString().endsWith(".jar")
        && path.getFileName().toString().startsWith(version.getParent().getFileName() + "-")
        ? version.getParent().toString() : entry;
  }

  private static boolean isStraySlf4jBinding(String entry) {
    String name = Path.of(entry).getFileName().toString();
    return name.startsWith("slf4j-simple-") || name.startsWith("slf4j-nop-");
  }

  private static List<String> entries(Path classpathFile) throws IOException {
    List<String> entries = new ArrayList<>();
    for (String entry : Files.readString(classpathFile).trim().split(":")) {
      if (!entry.isBlank()) {
        entries.add(entry);
      }
    }
    return entries;
  }

  private static Path required(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new CommandFailure(file + " is missing: build with ./lscb kernel install (it builds both modules)", 2);
    }
    return file.toAbsolutePath();
  }
}
