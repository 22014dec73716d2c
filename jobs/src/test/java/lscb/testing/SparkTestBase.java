package lscb.testing;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import lscb.io.SparkSessions;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One real local[2] SparkSession per test class, UI off, with tiny helpers in Iceberg's style. */
public abstract class SparkTestBase {
  protected static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark = SparkSessions.create("lscb-test", "local[2]", Map.of("spark.sql.shuffle.partitions", "2"));
  }

  @AfterAll
  static void stopSpark() {
    if (spark != null) {
      spark.stop();
      spark = null;
    }
  }

  /** Runs SQL and returns its rows. */
  protected static List<Row> sql(String query, Object... args) {
    return spark.sql(String.format(query, args)).collectAsList();
  }

  /** A row of the given values, for comparing with results. */
  protected static Row row(Object... values) {
    return RowFactory.create(values);
  }

  /** The rows of a dataset as a list. */
  protected static List<Row> rows(Dataset<Row> rows) {
    return Arrays.asList((Row[]) rows.collect());
  }
}
