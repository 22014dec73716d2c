package lscb.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import lscb.io.Outputs;
import lscb.testing.Fixtures;
import lscb.testing.SparkTestBase;
import lscb.testing.WrittenTables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schemas in schemas/ load, and conform() refuses a table that drifts from them. */
class SchemasTest extends SparkTestBase {
  @TempDir Path dir;

  @Test
  void everySchemaFileLoadsWithAVersion() throws IOException {
    try (Stream<Path> files = Files.list(Fixtures.repository().resolve("schemas"))) {
      List<String> tables = files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".schema.json")).map(n -> n.replace(".schema.json", "")).toList();
      assertTrue(tables.size() >= 10, "schemas declared: " + tables);
      for (String table : tables) {
        assertTrue(Schemas.of(table).size() > 0, table + " has columns");
        assertTrue(Schemas.version(table) >= 1, table + " has a version");
      }
    }
  }

  @Test
  void conformRefusesMissingExtraAndRetypedColumns() {
    Dataset<Row> ok = spark.createDataFrame(List.of(), Schemas.of("board_subgroup"));
    assertEquals(List.of(Schemas.of("board_subgroup").fieldNames()),
        List.of(Schemas.conform(ok.select("subgroup", "return_ref", "board_code", "survey_year"),
            "board_subgroup").columns()), "conform puts columns in declared order");
    assertThrows(IllegalStateException.class, () -> Schemas.conform(ok.drop("subgroup"), "board_subgroup"),
        "a missing column");
    assertThrows(IllegalStateException.class, () -> Schemas.conform(ok.withColumn("x", lit(1)), "board_subgroup"),
        "an undeclared column");
    assertThrows(IllegalStateException.class,
        () -> Schemas.conform(ok.withColumn("survey_year", col("survey_year").cast("string")), "board_subgroup"),
        "a column of another type");
  }

  @Test
  void aNullInAColumnDeclaredNotNullableFailsTheWrite() {
    Dataset<Row> nullable = spark.createDataFrame(List.of(RowFactory.create(2007, null, "R1", "Child deaths")),
        new StructType().add("survey_year", "int").add("board_code", "string").add("return_ref", "string")
            .add("subgroup", "string"));
    assertFalse(Schemas.of("board_subgroup").apply("board_code").nullable(), "the schema declares board_code not null");
    Exception failure = assertThrows(Exception.class,
        () -> Outputs.parquet(Schemas.conform(nullable, "board_subgroup"), dir.resolve("nulls").toString()),
        "writing a null board_code fails");
    assertTrue(String.valueOf(failure.getMessage()).contains("a null in column board_code"),
        "the failure names the column: " + failure.getMessage());
    Outputs.parquet(Schemas.conform(nullable.na().fill("B1"), "board_subgroup"), dir.resolve("ok").toString());
    WrittenTables.assertConforms(spark, "board_subgroup", dir.resolve("ok").toString());
  }
}
