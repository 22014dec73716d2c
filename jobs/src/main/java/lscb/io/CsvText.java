package lscb.io;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Small CSV texts read on the driver (a header line, a reference table), parsed with univocity,
 * the parser Spark's own CSV source uses: Excel quoting, doubled quotes, quoted line breaks.
 */
public final class CsvText {
  /** The most fields a line may split into (the parser needs a bound, and throws beyond it). */
  public static final int MAX_FIELDS = 100_000;

  private CsvText() {}

  /** True when a line has {@link #MAX_FIELDS} commas or more, so might split into more fields than it may. */
  public static boolean tooManyFields(String line) {
    return line.length() >= MAX_FIELDS && line.chars().filter(c -> c == ',').count() >= MAX_FIELDS;
  }

  /** The fields of one CSV line; a leading byte-order mark is dropped, empty fields are "". */
  public static List<String> fields(String line) {
    String text = line.startsWith("\uFEFF") ? line.substring(1) : line;
    String[] fields = parser().parseLine(text);
    return fields == null ? List.of("") : Arrays.asList(fields);
  }

  /** The data rows of a CSV text: header dropped, blank lines skipped, each split into fields. */
  public static List<List<String>> rows(String text) {
    List<String[]> all = parser().parseAll(new StringReader(text));
    List<List<String>> rows = new ArrayList<>();
    for (String[] row : all.subList(Math.min(1, all.size()), all.size())) {
      if (!(row.length == 1 && row[0].isBlank())) {
        rows.add(Arrays.asList(row));
      }
    }
    return rows;
  }

  private static CsvParser parser() {
    CsvParserSettings settings = new CsvParserSettings();
    settings.setNullValue("");
    settings.setEmptyValue("");
    settings.setIgnoreLeadingWhitespaces(false);
    settings.setIgnoreTrailingWhitespaces(false);
    settings.setSkipEmptyLines(true);
    settings.setMaxColumns(MAX_FIELDS);
    // No limit on a field's length (univocity's default, 4,096 characters, threw on a long cell: a bug, not a reject).
    settings.setMaxCharsPerColumn(-1);
    settings.getFormat().setLineSeparator("\n");
    settings.setLineSeparatorDetectionEnabled(true);
    return new CsvParser(settings);
  }
}
