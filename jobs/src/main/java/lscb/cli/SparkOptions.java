package lscb.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import lscb.run.SparkSessions;
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

  /** The run's one SparkSession; a master already set by spark-submit wins over the default. */
  public SparkSession session(String appName) {
    String submitted = System.getProperty("spark.master");
    String chosen = submitted != null && !master.equals(submitted) && isDefault() ? submitted : master;
    boolean running = SparkSession.getDefaultSession().isDefined();
    SparkSession session = SparkSessions.create(appName, chosen, conf);
    started = !running;
    return session;
  }

  /** Stops the session if {@link #session} started it; one that was already running is left alone. */
  public void release(SparkSession session) {
    if (started) {
      session.stop();
    }
  }

  private boolean isDefault() {
    return master.equals(System.getenv().getOrDefault("LSCB_MASTER", "local[*]"));
  }
}
