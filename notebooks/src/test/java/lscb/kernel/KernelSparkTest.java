package lscb.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.SparkSession;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Spark Datasets in cells, with a real local[2] session shared with the kernel's JVM. */
class KernelSparkTest {
  private static SparkSession spark;
  private static Kernel kernel;

  @BeforeAll
  static void start() {
    spark = SparkSession.builder().appName("kernel-test").master("local[2]")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    kernel = TestKernels.start();
  }

  @AfterAll
  static void stop() {
    kernel.close();
    spark.stop();
  }

  @Test
  void rendersADatasetAsABoundedHtmlTableWithItsRowCount() {
    kernel.eval("import org.apache.spark.sql.*;\nimport static org.apache.spark.sql.functions.*;");
    DisplayData data = kernel.eval("SparkSession spark = SparkSession.active();\n"
        + "Dataset<Row> boards = spark.range(1, 145).withColumn(\"region\","
        + " when(col(\"id\").mod(2).equalTo(0), lit(\"North\")).otherwise(lit(\"South\")));\n"
        + "boards");
    String html = (String) data.getData(MIMEType.TEXT_HTML);
    assertNotNull(html, "a Dataset has an HTML view");
    assertTrue(html.contains("20 of 144 rows, 2 columns"), "caption with the total row count: " + html);
    assertTrue(html.contains("<th>id</th><th>region</th>"), "the Dataset's columns as header");
    assertEquals(20, html.split("<tr><td>", -1).length - 1, "at most 20 body rows");
    assertTrue(html.contains("<tr><td>1</td><td>South</td></tr>"), "the first row's values");
  }

  @Test
  void smallDatasetsShowAllTheirRowsWithoutCounting() {
    DisplayData data = kernel.eval("org.apache.spark.sql.SparkSession.active()"
        + ".sql(\"SELECT 'a' AS board, 2 AS returns UNION ALL SELECT 'b', 3\")");
    String html = (String) data.getData(MIMEType.TEXT_HTML);
    assertTrue(html.contains("2 rows, 2 columns") && html.contains("<td>b</td><td>3</td>"), html);
  }

  @Test
  void sparkErrorsKeepTheirType() {
    AnalysisException error = assertThrows(AnalysisException.class,
        () -> kernel.eval("org.apache.spark.sql.SparkSession.active().range(3).select(\"no_such_column\")"));
    assertTrue(error.getMessage().contains("no_such_column"), "Spark's own message: " + error.getMessage());
  }
}
