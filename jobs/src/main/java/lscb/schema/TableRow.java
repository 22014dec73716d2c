package lscb.schema;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/** One row of a declared table, set column by column by name, so it cannot drift from the schema's order. */
public final class TableRow {
  private final String table;
  private final StructType schema;
  private final Object[] values;
  private final boolean[] given;

  TableRow(String table, StructType schema) {
    this.table = table;
    this.schema = schema;
    this.values = new Object[schema.size()];
    this.given = new boolean[schema.size()];
  }

  /** Sets a column (null allowed); a name the schema lacks fails. */
  public TableRow set(String column, Object value) {
    int at = java.util.Arrays.asList(schema.fieldNames()).indexOf(column);
    if (at < 0) {
      throw new IllegalArgumentException("table " + table + " has no column " + column);
    }
    values[at] = value;
    given[at] = true;
    return this;
  }

  /** The row in the schema's column order; a column left unset fails. */
  public Row build() {
    for (int i = 0; i < given.length; i++) {
      if (!given[i]) {
        throw new IllegalStateException("table " + table + ": column " + schema.fields()[i].name() + " not set");
      }
    }
    return RowFactory.create(values.clone());
  }
}
