package lscb.notebook;

import java.sql.Timestamp;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** A small Spark aggregate as a Tablesaw table (numbers as numbers, nulls blank, timestamps without ".0"), for {@link TableView}. */
public final class SparkRows {
  /** Most rows an aggregate may have: anything larger is not small and stays in Spark. */
  public static final int MAX_ROWS = 1000;

  private SparkRows() {}

  /** Collects a small aggregate; refuses one with more than MAX_ROWS rows. */
  public static Table table(String name, Dataset<Row> aggregate) {
    List<Row> rows = aggregate.limit(MAX_ROWS + 1).collectAsList();
    if (rows.size() > MAX_ROWS) {
      throw new IllegalStateException(name + " is not a small aggregate: more than " + MAX_ROWS + " rows");
    }
    Table table = Table.create(name);
    StructField[] fields = aggregate.schema().fields();
    for (int c = 0; c < fields.length; c++) {
      final int i = c;
      if (fields[c].dataType() instanceof NumericType) {
        table.addColumns(DoubleColumn.create(fields[c].name(), rows.stream()
            .map(r -> r.isNullAt(i) ? Double.NaN : ((Number) r.get(i)).doubleValue()).toList()));
      } else {
        table.addColumns(StringColumn.create(fields[c].name(), rows.stream().map(r -> text(r.get(i))).toList()));
      }
    }
    return table;
  }

  static String text(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Timestamp t) {
      return t.toLocalDateTime().toString().replace('T', ' ');
    }
    return String.valueOf(value);
  }
}
