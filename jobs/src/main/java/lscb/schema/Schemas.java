package lscb.schema;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.raise_error;
import static org.apache.spark.sql.functions.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The canonical table schemas declared in schemas/*.schema.json, loaded and enforced by the jobs. */
public final class Schemas {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Schemas() {}

  private static final Map<String, StructType> LOADED = new ConcurrentHashMap<>();

  /** The Spark schema of a canonical table, read from schemas/TABLE.schema.json on the classpath. */
  public static StructType of(String table) {
    return LOADED.computeIfAbsent(table, Schemas::load);
  }

  /** A new row of a declared table, to be set by column name. */
  public static TableRow row(String table) {
    return new TableRow(table, of(table));
  }

  private static StructType load(String table) {
    JsonNode doc = read(table);
    List<StructField> fields = new ArrayList<>();
    for (JsonNode column : doc.get("columns")) {
      DataType type = DataType.fromDDL(column.get("type").asText());
      fields.add(DataTypes.createStructField(column.get("name").asText(), type,
          column.path("nullable").asBoolean(true), Metadata.empty()));
    }
    return DataTypes.createStructType(fields);
  }

  /** The declared version of a table's schema. */
  public static int version(String table) {
    return read(table).get("version").asInt();
  }

  /** Column metadata key naming the schema a table was conformed to (kept in Parquet footers). */
  public static final String SCHEMA_KEY = "lscb.schema";
  /** Column metadata key holding that schema's declared version. */
  public static final String VERSION_KEY = "lscb.schema_version";

  /**
   * The rows in the declared column order, each column tagged with the schema's name and version; fails
   * when a column is missing, extra or of another type, so a job cannot write a table that drifts from
   * schemas/. A null in a column declared {@code "nullable": false} fails the job that computes it.
   */
  public static Dataset<Row> conform(Dataset<Row> rows, String table) {
    StructType declared = of(table);
    StructType actual = rows.schema();
    List<String> problems = new ArrayList<>();
    for (StructField field : declared.fields()) {
      if (!List.of(actual.fieldNames()).contains(field.name())) {
        problems.add("missing column " + field.name());
      } else if (!actual.apply(field.name()).dataType().sameType(field.dataType())) {
        problems.add(field.name() + " is " + actual.apply(field.name()).dataType().simpleString()
            + ", declared " + field.dataType().simpleString());
      }
    }
    for (String name : actual.fieldNames()) {
      if (declared.getFieldIndex(name).isEmpty()) {
        problems.add("undeclared column " + name);
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("table " + table + " does not match schemas/" + table
          + ".schema.json: " + String.join("; ", problems));
    }
    Metadata tag = new MetadataBuilder().putString(SCHEMA_KEY, table).putLong(VERSION_KEY, version(table)).build();
    Column[] columns = new Column[declared.size()];
    for (int i = 0; i < columns.length; i++) {
      StructField field = declared.fields()[i];
      Column column = rows.col(field.name());
      if (!field.nullable() && actual.apply(field.name()).nullable()) {
        column = when(column.isNull(), raise_error(lit("table " + table + ": a null in column " + field.name()
            + ", which schemas/" + table + ".schema.json declares not nullable"))).otherwise(column);
      }
      columns[i] = column.as(field.name(), tag);
    }
    return rows.select(columns);
  }

  private static JsonNode read(String table) {
    String resource = "schemas/" + table + ".schema.json";
    try (InputStream in = Schemas.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no schema " + resource + " on the classpath");
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
