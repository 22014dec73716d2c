package lscb.synth;

import java.util.ArrayList;
import java.util.List;

/** Minimal Excel-style CSV: splits one line into fields and quotes a field for writing. */
final class Csv {
  private Csv() {}

  /** The fields of one CSV line (double-quoted fields may hold commas and doubled quotes). */
  static List<String> fields(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    out.add(field.toString());
    return out;
  }

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
    List<List<String>> rows = new ArrayList<>();
    String[] lines = text.split("\r?\n");
    for (int i = 1; i < lines.length; i++) {
      if (!lines[i].isBlank()) {
        rows.add(fields(lines[i]));
      }
    }
    return rows;
  }
}
