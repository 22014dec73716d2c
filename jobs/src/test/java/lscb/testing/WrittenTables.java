package lscb.testing;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import lscb.schema.Schemas;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Checks a written Parquet table against its schema in schemas/. */
public final class WrittenTables {
  private WrittenTables() {}

  /**
   * The Parquet at {@code path} has the declared columns in order with their types, no null in a column
   * declared not nullable, and its columns name the schema and version they were written with.
   */
  public static void assertConforms(SparkSession spark, String table, String path) {
    StructType declared = Schemas.of(table);
    Dataset<Row> written = spark.read().parquet(path);
    StructType schema = written.schema();
    assertEquals(List.of(declared.fieldNames()), List.of(schema.fieldNames()), table + ": columns and order");
    for (StructField field : declared.fields()) {
      assertTrue(schema.apply(field.name()).dataType().sameType(field.dataType()),
          table + "." + field.name() + " is " + field.dataType().simpleString());
      if (!field.nullable()) {
        assertEquals(0, written.filter(col(field.name()).isNull()).count(),
            table + "." + field.name() + " is declared not nullable: rows with a null");
      }
      assertEquals(table, schema.apply(field.name()).metadata().getString(Schemas.SCHEMA_KEY),
          table + "." + field.name() + " names its schema");
      assertEquals(Schemas.version(table), schema.apply(field.name()).metadata().getLong(Schemas.VERSION_KEY),
          table + "." + field.name() + " names its schema's version");
    }
  }
}
