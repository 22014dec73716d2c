package lscb.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Small aggregates from a real local[2] session, shown without .0, E-notation or "null". */
@Tag("slow") // left out by ./lscb test --fast (needs a Spark session)
class SparkRowsTest {
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = SparkSession.builder().appName("spark-rows-test").master("local[2]")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void numbersStayNumbersAndNullsAndTimestampsReadWell() {
    Table t = SparkRows.table("t", spark.sql("SELECT 'North East' AS region_name, CAST(393857 AS DOUBLE) AS spend, 913997L AS children,"
        + " CAST(NULL AS STRING) AS note, TIMESTAMP'2007-06-01 10:15:00' AS submitted"));
    String html = TableView.of(t).caption("c").html();
    assertTrue(html.contains(">393,857</td>") && html.contains(">913,997</td>"), "grouped, no .0: " + html);
    assertTrue(!html.contains("null") && html.contains(">2007-06-01 10:15</td>"), "no null, no .0 on timestamps: " + html);
  }

  @Test
  void onlySmallAggregatesAreCollected() {
    assertThrows(IllegalStateException.class, () -> SparkRows.table("big", spark.range(SparkRows.MAX_ROWS + 5).toDF()),
        "more than MAX_ROWS rows is refused");
    assertEquals(3, SparkRows.table("small", spark.range(3).toDF()).rowCount());
  }
}
