package lscb.synth;

import java.util.List;
import lscb.io.CsvText;

/** Excel-style CSV for the generator: quoting a field for writing; reading goes through {@link CsvText}. */
final class Csv {
  private Csv() {}

  /** A field as Excel writes it: quoted only when it holds a comma, quote or line break. */
  static String quote(String value) {
    if (value == null) {
      return "";
    }
    if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }

  /** The data lines of a CSV text (header dropped, blank lines skipped), each split into fields. */
  static List<List<String>> rows(String text) {
    return CsvText.rows(text);
  }
}
