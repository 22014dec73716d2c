package lscb.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lscb.io.TextSplits;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Raw input files as records with their file name and line number, decoded in the encoding the
 * survey's export uses. A file in the wrong encoding or with the wrong header is not guessed at:
 * every record of it carries a file problem and is rejected.
 */
public final class RawRecords {
  /** One record: where it came from, its text, and any problem with the file as a whole. */
  public static final StructType SCHEMA = new StructType()
      .add("survey_year", DataTypes.IntegerType, false)
      .add("source_file", DataTypes.StringType, false)
      .add("source_line", DataTypes.LongType, false)
      .add("text", DataTypes.StringType, false)
      .add("file_problem", DataTypes.StringType, true);

  /** How a survey's files are written. */
  public enum Layout {
    /** 2006: Windows-1252 CSV with a header row; quoted fields may span lines. */
    CSV_WINDOWS_1252("windows-1252", true),
    /** 2007: UTF-8 JSON Lines, one object per line. */
    JSONL_UTF8("UTF-8", false);

    final String charset;
    final boolean csv;

    Layout(String charset, boolean csv) {
      this.charset = charset;
      this.csv = csv;
    }
  }

  private RawRecords() {}

  /**
   * The records of the given files; {@code header} is the exact header a CSV layout must start with.
   * JSON Lines files are read in splits by several tasks; 2006 CSV files, whose quoted fields may
   * span lines, are each read by one task, streamed record by record (see {@link TextSplits}).
   */
  public static Dataset<Row> read(SparkSession spark, List<String> files, int surveyYear, Layout layout,
      String header) {
    TextSplits splits = TextSplits.scan(spark, files, layout.charset,
        layout.csv ? TextSplits.Mode.QUOTED_CSV : TextSplits.Mode.LINES);
    Map<String, String> problems = new HashMap<>();
    Map<String, Long> skip = new HashMap<>();
    for (TextSplits.FileScan file : splits.files()) {
      String problem = encodingProblem(file, layout);
      if (layout.csv) {
        skip.put(file.path(), 1L);
        if (problem == null && !sameHeader(file.firstLine(), header)) {
          problem = "the header row is not the 2006 layout; expected the columns " + header + " in that order";
        }
      }
      if (problem != null) {
        problems.put(file.path(), problem);
      }
    }
    return splits.records(problems, skip)
        .select(lit(surveyYear).as("survey_year"), col("source_file"), col("source_line"), col("text"),
            col("file_problem"))
        .to(SCHEMA);
  }

  private static boolean sameHeader(String found, String expected) {
    String[] a = found.split(",", -1);
    String[] b = expected.split(",", -1);
    if (a.length != b.length) {
      return false;
    }
    for (int i = 0; i < a.length; i++) {
      if (!a[i].replace("\"", "").trim().equalsIgnoreCase(b[i])) {
        return false;
      }
    }
    return true;
  }

  /** Why a file is not in the layout's encoding, or null when it is (from the scan of all its lines). */
  static String encodingProblem(TextSplits.FileScan file, Layout layout) {
    if (file.nul()) {
      return "the file looks like UTF-16 (it has NUL bytes); save it as " + expected(layout);
    }
    if (layout == Layout.JSONL_UTF8) {
      return file.utf8() ? null : "the file is not valid UTF-8 (perhaps Windows-1252); save it as UTF-8";
    }
    if (file.utf8Bom()) {
      return "the file starts with a UTF-8 byte-order mark; save it as Windows-1252 (Excel: CSV, not CSV UTF-8)";
    }
    if (file.nonAscii() && file.utf8()) {
      return "the file is UTF-8, not Windows-1252 (a pound sign would read as 'Â£'); save it as "
          + "Windows-1252 (Excel: CSV, not CSV UTF-8)";
    }
    return file.windows1252() ? null : "the file has bytes that are not Windows-1252 text; save it as Windows-1252";
  }

  private static String expected(Layout layout) {
    return layout == Layout.JSONL_UTF8 ? "UTF-8" : "Windows-1252";
  }
}
