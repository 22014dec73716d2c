package lscb.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/** Spark Datasets as bounded HTML tables; only loaded when a value is a Dataset, so Spark stays optional. */
final class SparkTables {
  private SparkTables() {}

  /** The first rows of a Dataset and its total row count (counted only if there are more rows). */
  static DisplayData render(Object dataset) {
    Dataset<Row> frame = ((Dataset<?>) dataset).toDF();
    List<Row> firstRows = frame.limit(HtmlTable.MAX_ROWS + 1).collectAsList();
    long total = firstRows.size() > HtmlTable.MAX_ROWS ? frame.count() : firstRows.size();
    List<String> header = Arrays.asList(frame.columns());
    List<List<String>> rows = new ArrayList<>();
    for (Row row : firstRows.subList(0, Math.min(firstRows.size(), HtmlTable.MAX_ROWS))) {
      List<String> cells = new ArrayList<>(row.length());
      for (int i = 0; i < row.length(); i++) {
        cells.add(row.isNullAt(i) ? "null" : String.valueOf(row.get(i)));
      }
      rows.add(cells);
    }
    DisplayData data = new DisplayData(
        HtmlTable.caption("Dataset", rows.size(), total, header.size()) + "\n" + frame.schema().simpleString());
    data.putHTML(HtmlTable.html(null, header, rows, total));
    return data;
  }
}
