package lscb.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A plain reader of the published CSV files (RFC 4180 quoting), independent of Spark. */
final class EesCsv {
  final List<String> header;
  final List<List<String>> rows;

  private EesCsv(List<String> header, List<List<String>> rows) {
    this.header = header;
    this.rows = rows;
  }

  static EesCsv read(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
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
        record.add(field.toString());
        field.setLength(0);
      } else if (c == '\n') {
        record.add(field.toString());
        field.setLength(0);
        records.add(record);
        record = new ArrayList<>();
      } else {
        field.append(c);
      }
    }
    if (field.length() > 0 || !record.isEmpty()) {
      record.add(field.toString());
      records.add(record);
    }
    return new EesCsv(records.get(0), records.subList(1, records.size()));
  }

  int column(String name) {
    return header.indexOf(name);
  }

  List<String> values(String name) {
    int at = column(name);
    return rows.stream().map(r -> r.get(at)).toList();
  }
}
