package lscb.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/** Writes outputs: Parquet folders, and single deterministic CSV files a person can open. */
public final class Outputs {
  private Outputs() {}

  /** Writes (replacing) a Parquet folder. */
  public static void parquet(Dataset<Row> rows, String path) {
    rows.write().mode(SaveMode.Overwrite).parquet(path);
  }

  /**
   * Writes one UTF-8 CSV file with a header at exactly {@code path}, rows sorted by {@code orderBy}
   * so that the same inputs give the same bytes.
   */
  public static void csv(Dataset<Row> rows, String path, Column... orderBy) {
    SparkSession spark = rows.sparkSession();
    String staging = path + ".parts";
    rows.coalesce(1).sortWithinPartitions(orderBy).write().mode(SaveMode.Overwrite)
        .option("header", "true").option("encoding", "UTF-8").option("lineSep", "\n")
        .option("quoteAll", "false").option("escape", "\"").option("nullValue", "")
        .option("emptyValue", "\"\"").csv(staging);
    try {
      Path dir = new Path(staging);
      FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
      Path target = new Path(path);
      FileStatus[] parts = fs.globStatus(new Path(dir, "part-*.csv"));
      if (parts == null || parts.length != 1) {
        throw new IllegalStateException("expected one CSV part in " + staging);
      }
      fs.delete(target, false);
      if (!fs.rename(parts[0].getPath(), target)) {
        throw new IOException("cannot move " + parts[0].getPath() + " to " + target);
      }
      fs.delete(dir, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }
}
