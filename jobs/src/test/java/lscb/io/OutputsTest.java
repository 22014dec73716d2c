package lscb.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import lscb.testing.SparkTestBase;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver-side CSV writer for metadata writes the same bytes as Spark's CSV writer does. */
class OutputsTest extends SparkTestBase {
  @TempDir Path dir;

  @Test
  void smallCsvWritesWhatSparkWrites() throws Exception {
    List<String> header = List.of("n", "col_name", "label", "unit");
    List<List<String>> rows = List.of(
        Arrays.asList("1", "plain", "Boards responding", null),
        Arrays.asList("2", "comma", "Spend, per child", "£"),
        Arrays.asList("3", "quote", "the \"lead\" member", ""),
        Arrays.asList("4", "newline", "two\nlines", "%"),
        Arrays.asList("5", "", " spaced ", null));
    StructType schema = new StructType();
    for (String name : header) {
      schema = schema.add(name, DataTypes.StringType);
    }
    List<Row> sparkRows = new ArrayList<>();
    rows.forEach(r -> sparkRows.add(RowFactory.create(r.toArray())));
    Dataset<Row> table = spark.createDataFrame(sparkRows, schema);

    Path bySpark = dir.resolve("spark.csv");
    Path byDriver = dir.resolve("driver.csv");
    Outputs.csvAsIs(table, bySpark.toUri().toString(), functions.col("n"));
    Outputs.smallCsv(spark, byDriver.toUri().toString(), header, rows);
    assertEquals(Files.readString(bySpark), Files.readString(byDriver),
        "nulls, empty strings, commas, quotes, newlines and spaces should be written as Spark writes them");
  }
}
