package lscb.cli;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import lscb.io.SparkSessions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/** Options shared by every command that starts Spark: the master and pass-through settings. */
public class SparkOptions {
  @Option(names = "--master",
      description = "Spark master URL (default: ${DEFAULT-VALUE}; under spark-submit, the one it was given).",
      defaultValue = "${env:LSCB_MASTER:-local[*]}")
  String master;

  @Option(names = "--conf", paramLabel = "KEY=VALUE",
      description = "A Spark setting, passed through (repeatable), e.g. --conf spark.driver.memory=2g.")
  Map<String, String> conf = new LinkedHashMap<>();

  /** Whether {@link #session} started its session (rather than finding one running, e.g. a test's). */
  private boolean started;

  /**
   * The run's one SparkSession; a master already set by spark-submit wins over the default. The size
   * of {@code inputs} (files or folders) chooses the local settings (see SparkSessions#SMALL_INPUT_BYTES).
   */
  public SparkSession session(String appName, String... inputs) {
    String submitted = System.getProperty("spark.master");
    String chosen = submitted != null && !master.equals(submitted) && isDefault() ? submitted : master;
    long bytes = bytes(inputs);
    if (bytes >= SparkSessions.SMALL_INPUT_BYTES && (chosen == null || chosen.startsWith("local"))) {
      System.out.printf("[spark] inputs %,d MB (at least %d MB): Spark's code generation and default caching%n",
          bytes >> 20, SparkSessions.SMALL_INPUT_BYTES >> 20);
    }
    boolean running = SparkSession.getDefaultSession().isDefined();
    SparkSession session = SparkSessions.create(appName, chosen, conf, bytes);
    started = !running;
    return session;
  }

  /** Stops the session if {@link #session} started it; one that was already running is left alone. */
  public void release(SparkSession session) {
    if (started) {
      session.stop();
    }
  }

  /** The total size of the given files or folders; missing ones count 0 (the stage reports them). */
  static long bytes(String... inputs) {
    long total = 0;
    for (String input : inputs) {
      try {
        Path path = new Path(input);
        // a file system of its own: the cached one would keep this plain configuration for the whole run
        try (FileSystem fs = FileSystem.newInstance(path.toUri(), new Configuration())) {
          if (fs.exists(path)) {
            total += fs.getContentSummary(path).getLength();
          }
        }
      } catch (IOException | IllegalArgumentException e) {
        // unknown size: treated as small
      }
    }
    return total;
  }

  private boolean isDefault() {
    return master.equals(System.getenv().getOrDefault("LSCB_MASTER", "local[*]"));
  }
}
