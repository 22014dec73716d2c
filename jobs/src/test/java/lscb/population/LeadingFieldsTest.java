package lscb.population;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import lscb.testing.SparkTestBase;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Cutting a line to the fields the stage uses gives the same fields as parsing the whole line. */
class LeadingFieldsTest extends SparkTestBase {
  private static final int WIDTH = 3;

  @Test
  void theCutLineParsesToTheSameLeadingFieldsAsTheWholeLine() {
    List<String> lines = List.of(
        "a,b,c,d,e",
        "E01000001,\"Bristol, City of\",E06000023,7,8",
        "a,\"b \"\"q\"\", z\",c,d,e",
        "a,b\"c,d,e,f",
        "a,b",
        "\"unterminated,b,c,d",
        "a,b,c,\"d,e\",f",
        ",,,,",
        "\"\",\"\",\"x\",y",
        " a , b ,c,d");
    Dataset<Row> parsed = spark.createDataset(lines, Encoders.STRING()).toDF("value")
        .select(col("value"),
            parse(col("value"), 5).as("whole"),
            parse(PopulationReader.leading(col("value"), WIDTH, 5), WIDTH).as("cut"));
    for (Row row : parsed.collectAsList()) {
      Row whole = row.getStruct(1);
      Row cut = row.getStruct(2);
      for (int i = 0; i < WIDTH; i++) {
        assertEquals(whole.get(i), cut.get(i), "field " + i + " of line [" + row.getString(0)
            + "] should be the same whether the line is cut to " + WIDTH + " fields first or not");
      }
    }
  }

  @Test
  void aLineIsNotCutWhenEveryFieldIsUsed() {
    Row row = spark.createDataset(List.of("a,b,c"), Encoders.STRING()).toDF("value")
        .select(PopulationReader.leading(col("value"), 3, 3)).first();
    assertEquals("a,b,c", row.getString(0), "a width of the whole header should leave the line as it is");
  }

  @Test
  void linesOfOnlyWhitespaceCommasAndQuotesAreBlank() {
    List<String> lines = List.of("", " , ,\"\"", "\t,\r", ",,,,", "a,", " ,x", ",,\"0\"");
    List<Boolean> expected = List.of(true, true, true, true, false, false, false);
    List<Row> rows = spark.createDataset(lines, Encoders.STRING()).toDF("value")
        .select(PopulationReader.blank(col("value"))).collectAsList();
    for (int i = 0; i < lines.size(); i++) {
      assertEquals(expected.get(i), rows.get(i).getBoolean(0), "is [" + lines.get(i) + "] a blank line?");
    }
  }

  private static org.apache.spark.sql.Column parse(org.apache.spark.sql.Column text, int width) {
    StructType fields = new StructType();
    for (int i = 0; i < width; i++) {
      fields = fields.add("f" + i, DataTypes.StringType);
    }
    return functions.from_csv(text, lit(fields.toDDL()), Map.of("mode", "PERMISSIVE", "escape", "\""));
  }
}
