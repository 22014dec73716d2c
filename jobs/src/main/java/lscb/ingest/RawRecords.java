package lscb.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
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

  /** The records of the given files; {@code header} is the exact header a CSV layout must start with. */
  public static Dataset<Row> read(SparkSession spark, List<String> files, int surveyYear, Layout layout,
      String header) {
    return spark.read().format("binaryFile").load(files.toArray(String[]::new))
        .select("path", "content")
        .flatMap(new Split(surveyYear, layout, header), Encoders.row(SCHEMA));
  }

  /** Splits one file's bytes into records. */
  static final class Split implements FlatMapFunction<Row, Row> {
    private final int surveyYear;
    private final Layout layout;
    private final String header;

    Split(int surveyYear, Layout layout, String header) {
      this.surveyYear = surveyYear;
      this.layout = layout;
      this.header = header;
    }

    @Override
    public Iterator<Row> call(Row file) {
      String path = file.getString(0);
      String name = path.substring(path.lastIndexOf('/') + 1);
      byte[] bytes = file.getAs(1);
      String problem = encodingProblem(bytes, layout);
      String text = new String(bytes, Charset.forName(layout.charset));
      if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
        text = text.substring(1);
      }
      String[] lines = text.split("\n", -1);
      List<Row> records = new ArrayList<>();
      int first = 0;
      if (layout.csv) {
        String found = lines.length > 0 ? stripCr(lines[0]) : "";
        if (problem == null && !sameHeader(found, header)) {
          problem = "the header row is not the 2006 layout; expected the columns " + header
              + " in that order";
        }
        first = 1;
      }
      for (int i = first; i < lines.length; i++) {
        StringBuilder record = new StringBuilder(stripCr(lines[i]));
        int start = i;
        while (layout.csv && quotes(record) % 2 == 1 && i + 1 < lines.length) {
          record.append('\n').append(stripCr(lines[++i]));
        }
        if (!record.toString().isBlank()) {
          records.add(RowFactory.create(surveyYear, name, (long) start + 1, record.toString(), problem));
        }
      }
      return records.iterator();
    }

    private static String stripCr(String line) {
      return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static int quotes(CharSequence text) {
      int count = 0;
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == '"') {
          count++;
        }
      }
      return count;
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
  }

  /** Why these bytes are not in the layout's encoding, or null when they are. */
  static String encodingProblem(byte[] bytes, Layout layout) {
    for (byte b : bytes) {
      if (b == 0) {
        return "the file looks like UTF-16 (it has NUL bytes); save it as " + expected(layout);
      }
    }
    if (layout == Layout.JSONL_UTF8) {
      return decodes(bytes, StandardCharsets.UTF_8) ? null
          : "the file is not valid UTF-8 (perhaps Windows-1252); save it as UTF-8";
    }
    if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF) {
      return "the file starts with a UTF-8 byte-order mark; save it as Windows-1252 (Excel: CSV, not CSV UTF-8)";
    }
    if (hasNonAscii(bytes) && decodes(bytes, StandardCharsets.UTF_8)) {
      return "the file is UTF-8, not Windows-1252 (a pound sign would read as 'Â£'); save it as "
          + "Windows-1252 (Excel: CSV, not CSV UTF-8)";
    }
    return decodes(bytes, Charset.forName("windows-1252")) ? null
        : "the file has bytes that are not Windows-1252 text; save it as Windows-1252";
  }

  private static String expected(Layout layout) {
    return layout == Layout.JSONL_UTF8 ? "UTF-8" : "Windows-1252";
  }

  private static boolean hasNonAscii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean decodes(byte[] bytes, Charset charset) {
    try {
      charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
