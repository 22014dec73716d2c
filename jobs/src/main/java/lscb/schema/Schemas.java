package lscb.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The canonical table schemas declared in schemas/*.schema.json, loaded and enforced by the jobs. */
public final class Schemas {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Schemas() {}

  /** The Spark schema of a canonical table, read from schemas/TABLE.schema.json on the classpath. */
  public static StructType of(String table) {
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

  /**
   * The rows in the declared column order; fails when a column is missing, extra or of another type,
   * so a job cannot write a table that drifts from schemas/.
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
    Column[] columns = new Column[declared.size()];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = rows.col(declared.fields()[i].name());
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
