package lscb.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Writes outputs: Parquet folders, and single deterministic CSV files a person can open. Each carries the
 * session's {@link DataStatus}: Parquet in every file's footer, CSV files in their last columns.
 */
public final class Outputs {
  private Outputs() {}

  /** Writes (replacing) a Parquet folder, the session's data status and run id in each file's footer. */
  public static void parquet(Dataset<Row> rows, String path) {
    DataFrameWriter<Row> writer = rows.write().mode(SaveMode.Overwrite).format(StatusParquet.class.getName());
    DataStatus.of(rows.sparkSession()).footer().forEach(writer::option);
    writer.save(path);
  }

  /** The rows of a Parquet folder written by {@link #parquet}, from its files' footers (no Spark job). */
  public static long parquetRows(SparkSession spark, String path) {
    try {
      Configuration hadoop = spark.sparkContext().hadoopConfiguration();
      Path dir = new Path(path);
      long rows = 0;
      for (FileStatus part : dir.getFileSystem(hadoop).listStatus(dir)) {
        if (part.isFile() && part.getPath().getName().endsWith(".parquet")) {
          rows += footerRows(hadoop, part.getPath());
        }
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot count the rows of " + path, e);
    }
  }

  /** The rows of one Parquet file, from its footer. */
  public static long footerRows(Configuration hadoop, Path file) throws IOException {
    try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(file, hadoop))) {
      return reader.getRecordCount();
    }
  }

  /**
   * Writes a few rows made in the driver (metadata, not data) as one UTF-8 CSV file at {@code path},
   * without a Spark job, in the same dialect as {@link #csv}: null as nothing, the empty string as "",
   * surrounding spaces trimmed, quotes only where a value needs them.
   */
  public static void smallCsv(SparkSession spark, String path, List<String> header, List<List<String>> rows) {
    StringBuilder text = new StringBuilder();
    line(text, header);
    rows.forEach(row -> line(text, row));
    try {
      Path target = new Path(path);
      FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
      try (OutputStream out = fs.create(target, true)) {
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }

  /** As {@link #smallCsv}, each row ending with the session's data status columns, as {@link #csv} writes them. */
  public static void smallCsvWithStatus(SparkSession spark, String path, List<String> header, List<List<String>> rows) {
    List<String> status = DataStatus.of(spark).csvValues();
    List<String> columns = new ArrayList<>(header);
    columns.addAll(DataStatus.CSV_COLUMNS);
    List<List<String>> withStatus = rows.stream().map(row -> {
      List<String> values = new ArrayList<>(row);
      values.addAll(status);
      return values;
    }).toList();
    smallCsv(spark, path, columns, withStatus);
  }

  private static void line(StringBuilder text, List<String> values) {
    for (int i = 0; i < values.size(); i++) {
      String value = values.get(i) == null || values.get(i).isEmpty() ? values.get(i) : values.get(i).trim();
      if (i > 0) {
        text.append(',');
      }
      if (value == null) {
        continue;
      }
      boolean quote = value.isEmpty() || value.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
      text.append(quote ? '"' + value.replace("\"", "\"\"") + '"' : value);
    }
    text.append('\n');
  }

  /**
   * Writes one UTF-8 CSV file with a header at exactly {@code path}, rows sorted by {@code orderBy}
   * so that the same inputs give the same bytes, ending with the session's data status columns
   * ({@link DataStatus#CSV_COLUMNS}; never the run id, which would make every run's bytes differ).
   */
  public static void csv(Dataset<Row> rows, String path, Column... orderBy) {
    Dataset<Row> withStatus = rows;
    List<String> values = DataStatus.of(rows.sparkSession()).csvValues();
    for (int i = 0; i < DataStatus.CSV_COLUMNS.size(); i++) {
      withStatus = withStatus.withColumn(DataStatus.CSV_COLUMNS.get(i), functions.lit(values.get(i)));
    }
    csvAsIs(withStatus, path, orderBy);
  }

  /** As {@link #csv}, without adding the status columns: for files that carry the status their own way (EES). */
  public static void csvAsIs(Dataset<Row> rows, String path, Column... orderBy) {
    SparkSession spark = rows.sparkSession();
    String staging = path + ".parts";
    rows.coalesce(1).sortWithinPartitions(orderBy).write().mode(SaveMode.Overwrite)
        .option("header", "true").option("encoding", "UTF-8").option("lineSep", "\n")
        .option("quoteAll", "false").option("escape", "\"").option("nullValue", "")
        .option("emptyValue", "\"\"").csv(staging);
    try {
      Path dir = new Path(staging);
      FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
      Path target = new Path(path);
      FileStatus[] parts = fs.globStatus(new Path(dir, "part-*.csv"));
      if (parts == null || parts.length != 1) {
        throw new IllegalStateException("expected one CSV part in " + staging);
      }
      fs.delete(target, false);
      if (!fs.rename(parts[0].getPath(), target)) {
        throw new IOException("cannot move " + parts[0].getPath() + " to " + target);
      }
      fs.delete(dir, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }
}
