package lscb.run;

import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** Builds the one SparkSession a run uses; the master comes from the caller, never from code. */
public final class SparkSessions {
  private SparkSessions() {}

  /**
   * A session for the given master (null = whatever spark-submit configured) and extra settings.
   * Local masters get a small shuffle partition count and interpreted (not generated) code; the UI
   * is off unless a setting turns it on. Settings passed in {@code conf} win over these defaults.
   */
  public static SparkSession create(String appName, String master, Map<String, String> conf) {
    SparkSession.Builder builder = SparkSession.builder().appName(appName)
        .config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.parquet.compression.codec", "snappy")
        .config("spark.sql.sources.partitionOverwriteMode", "static")
        .config("spark.sql.debug.maxToStringFields", "1000");
    if (master != null && !master.isBlank()) {
      builder.master(master);
    }
    boolean local = master == null || master.startsWith("local");
    if (local) {
      // The survey's few hundred returns make every plan tiny: compiling generated code for its
      // wide validation expressions costs more than it saves (measured: the run 51 s -> 37 s).
      // A large local input can turn code generation back on with --conf.
      builder.config("spark.sql.codegen.wholeStage", "false")
          .config("spark.sql.codegen.factoryMode", "NO_CODEGEN")
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
