package lscb.cluster;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import lscb.run.Pipeline;

/** Where this build put its jars and the repository the tests run in. */
final class Builds {
  private Builds() {}

  /** The build folder (target/ or -Dlscb.build.dir): the parent of the compiled classes. */
  static Path dir() {
    try {
      return Path.of(Pipeline.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The repository root (the tests run in jobs/). */
  static Path repo() {
    return Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
  }

  /** The Spark runtime jars alone, as listed by the build (spark-classpath.txt). */
  static List<Path> sparkJars() {
    return LocalCluster.classpathFile(dir().resolve("spark-classpath.txt"));
  }
}
