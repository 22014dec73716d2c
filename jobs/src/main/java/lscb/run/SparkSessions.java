package lscb.run;

import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** Builds the one SparkSession a run uses; the master comes from the caller, never from code. */
public final class SparkSessions {
  private SparkSessions() {}

  /**
   * A session for the given master (null = whatever spark-submit configured) and extra settings.
   * Local masters get a small shuffle partition count and interpreted (not generated) code; the UI
   * is off unless a setting turns it on. {@code file:} paths go through {@link LocalFiles}. Settings passed in {@code conf} win over these defaults.
   */
  public static SparkSession create(String appName, String master, Map<String, String> conf) {
    SparkSession.Builder builder = SparkSession.builder().appName(appName)
        .config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.parquet.compression.codec", "snappy")
        .config("spark.sql.sources.partitionOverwriteMode", "static")
        .config("spark.sql.debug.maxToStringFields", "1000")
        .config(LocalFiles.SETTING, LocalFiles.class.getName());
    if (master != null && !master.isBlank()) {
      builder.master(master);
    }
    String effective = master == null || master.isBlank() ? System.getProperty("spark.master", "") : master;
    boolean local = effective.isEmpty() || effective.startsWith("local");
    if (local) {
      // The survey's few hundred returns make every plan tiny: compiling generated code for its
      // wide validation expressions costs more than it saves (measured: the run 51 s -> 37 s).
      // A large local input can turn code generation back on with --conf.
      // Also measured on the shipped data: the optimizer's constraint propagation over those
      // expressions, JDK case mapping instead of ICU's (the same for the survey's English text),
      // uncompressed cached batches, and the simple plan description each query hands its listeners
      // (not the formatted one) each save a little of every run's plan or task time.
      builder.config("spark.sql.codegen.wholeStage", "false")
          .config("spark.sql.codegen.factoryMode", "NO_CODEGEN")
          .config("spark.sql.constraintPropagation.enabled", "false")
          .config("spark.sql.icu.caseMappings.enabled", "false")
          .config("spark.sql.inMemoryColumnarStorage.compressed", "false")
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
}
