package lscb.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import lscb.io.Outputs;
import lscb.schema.Schemas;
import lscb.testing.SparkTestBase;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest's list of outputs: each Parquet table with the schema and version it was written with. */
class ManifestFilesTest extends SparkTestBase {
  @TempDir Path dir;

  @Test
  void eachWrittenTableNamesItsSchemaAndVersion() {
    Dataset<Row> rows = spark.createDataFrame(List.of(RowFactory.create(2007, "B1", "R1", "Child deaths")),
        Schemas.of("board_subgroup"));
    Outputs.parquet(Schemas.conform(rows, "board_subgroup"), dir.resolve("staged/processed/board_subgroup").toString());
    Outputs.parquet(rows, dir.resolve("staged/processed/unconformed").toString());
    JsonNode outputs = ManifestFiles.outputs(new ObjectMapper(), spark.sparkContext().hadoopConfiguration(),
        new org.apache.hadoop.fs.Path(dir.resolve("staged").toUri()));
    assertEquals(2, outputs.size(), "two tables: " + outputs);
    assertEquals("processed/board_subgroup", outputs.get(0).path("path").asText(), "in name order: " + outputs);
    assertEquals("board_subgroup", outputs.get(0).path("schema").asText(), "the schema it was conformed to: " + outputs);
    assertEquals(Schemas.version("board_subgroup"), outputs.get(0).path("schema_version").asInt(), "its version");
    assertEquals(false, outputs.get(1).has("schema"), "a table written without a schema names none: " + outputs);
  }
}
