package lscb.io;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** Builds the one SparkSession a run uses; the master comes from the caller, never from code. */
public final class SparkSessions {
  /**
   * 16 MiB: on a local master, inputs smaller than this get the small-data settings below. The shipped
   * data is about 4.4 MB; the synthetic small-area sets are about 3 MB at 1M values, 29 MB at 10M and
   * 334 MB at 120M.
   */
  public static final long SMALL_INPUT_BYTES = 16L << 20;

  /** Interpreted, not generated, code: for small inputs' sessions and {@link #smallDataFromHere}. */
  private static final Map<String, String> INTERPRETED = Map.of(
      "spark.sql.codegen.wholeStage", "false", "spark.sql.codegen.factoryMode", "NO_CODEGEN");

  private SparkSessions() {}

  /** A session with the small-data settings on a local master (as for the shipped data); see below. */
  public static SparkSession create(String appName, String master, Map<String, String> conf) {
    return create(appName, master, conf, 0);
  }

  /**
   * A session for the given master (null = whatever spark-submit configured) and extra settings.
   * A local master with inputs under {@link #SMALL_INPUT_BYTES} gets a small shuffle partition count
   * and interpreted (not generated) code; a larger local input keeps Spark's code generation and
   * compressed caches. The UI is off unless a setting turns it on. {@code file:} paths go through
   * {@link LocalFiles}. Settings passed in {@code conf} win over these defaults.
   *
   * @param inputBytes the size of the run's inputs (0 when unknown or small)
   */
  public static SparkSession create(String appName, String master, Map<String, String> conf, long inputBytes) {
    SparkSession.Builder builder = SparkSession.builder().appName(appName)
        .config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.parquet.compression.codec", "snappy")
        .config("spark.sql.sources.partitionOverwriteMode", "static")
        .config("spark.sql.debug.maxToStringFields", "1000")
        // JDK case mapping instead of ICU's (the same for the codes and English text upper() and lower() see;
        // ICU's start-up alone is about a second), and no constraint propagation (the optimizer's inferred
        // filters over the wide check expressions). Measured on 120M small-area values, runs taken in turn:
        // 23.9 s -> 22.9-23.4 s.
        .config("spark.sql.icu.caseMappings.enabled", "false")
        .config("spark.sql.constraintPropagation.enabled", "false")
        // Kryo, not Java serialization, for the rows the stages keep on disk (the population's checked
        // rows and per-area summary): about a second of a 120M-value run. KryoRecords covers our records.
        .config("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
        .config("spark.kryo.registrator", KryoRecords.class.getName())
        .config("spark.kryo.referenceTracking", "false") // rows hold no shared or cyclic references
        .config(LocalFiles.SETTING, LocalFiles.class.getName());
    if (master != null && !master.isBlank()) {
      builder.master(master);
    }
    String effective = master == null || master.isBlank() ? System.getProperty("spark.master", "") : master;
    boolean local = effective.isEmpty() || effective.startsWith("local");
    if (local && inputBytes >= SMALL_INPUT_BYTES) {
      // A large local input: Spark's own code generation pays for itself; a few more shuffle partitions
      // than cores keep each task's share of a shuffle small enough not to spill.
      int cores = Runtime.getRuntime().availableProcessors();
      String partitions = String.valueOf(Math.max(8, Math.min(64, inputBytes / (32L << 20))));
      builder.config("spark.sql.shuffle.partitions", partitions)
          .config("spark.default.parallelism", String.valueOf(Math.max(2, cores)))
          .config("spark.sql.ui.explainMode", "simple");
    } else if (local) {
      // The survey's few hundred returns make every plan tiny: compiling generated code for its
      // wide validation expressions costs more than it saves (measured: the run 51 s -> 37 s).
      // A large local input can turn code generation back on with --conf.
      // Also measured on the shipped data: uncompressed cached batches, and the simple plan description
      // each query hands its listeners (not the formatted one) each save a little of every run's time.
      INTERPRETED.forEach(builder::config);
      builder.config("spark.sql.inMemoryColumnarStorage.compressed", "false")
          .config("spark.sql.ui.explainMode", "simple")
          .config("spark.sql.shuffle.partitions", "4")
          .config("spark.default.parallelism", "4")
          .config("spark.sql.adaptive.coalescePartitions.initialPartitionNum", "4");
    }
    conf.forEach(builder::config);
    SparkSession spark = builder.getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    return spark;
  }

  /**
   * On a local master, interpreted (not generated) code until the returned scope is closed, as for small
   * inputs: for a stage whose remaining work is small whatever its input (the population stage after its
   * per-area summary), compiling generated code for a few thousand rows costs more than it saves (measured
   * on 120M small-area values, runs taken in turn: 18.0 s -> 17.0 s). Closing restores the settings. They
   * are the session's, so a stage running beside (the pipeline's normalise) plans without generated code
   * meanwhile too: that changes its speed, never its results.
   */
  public static Scope smallDataFromHere(SparkSession spark) {
    if (!spark.sparkContext().isLocal()) {
      return () -> { };
    }
    Map<String, String> before = new HashMap<>();
    INTERPRETED.forEach((key, value) -> {
      before.put(key, spark.conf().contains(key) ? spark.conf().get(key) : null);
      spark.conf().set(key, value);
    });
    return () -> before.forEach((key, value) -> {
      if (value == null) {
        spark.conf().unset(key);
      } else {
        spark.conf().set(key, value);
      }
    });
  }

  /** Settings changed until closed (no checked exception). */
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }
}
