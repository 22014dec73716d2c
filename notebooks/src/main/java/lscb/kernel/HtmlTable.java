package lscb.kernel;

import java.util.List;
import java.util.Locale;

/** A bounded HTML table with a caption stating how many of how many rows it shows. */
final class HtmlTable {
  /** Rows a table shows at most. */
  static final int MAX_ROWS = 20;

  private HtmlTable() {}

  /** The HTML of a header row and body rows (already cut to at most MAX_ROWS) out of totalRows. */
  static String html(String title, List<String> header, List<List<String>> rows, long totalRows) {
    StringBuilder html = new StringBuilder("<table class=\"dataframe\">\n<caption>")
        .append(escape(caption(title, rows.size(), totalRows, header.size()))).append("</caption>\n<thead><tr>");
    header.forEach(name -> html.append("<th>").append(escape(name)).append("</th>"));
    html.append("</tr></thead>\n<tbody>\n");
    for (List<String> row : rows) {
      html.append("<tr>");
      row.forEach(cell -> html.append("<td>").append(escape(cell)).append("</td>"));
      html.append("</tr>\n");
    }
    return html.append("</tbody>\n</table>").toString();
  }

  /** E.g. "boards: 20 of 144 rows, 5 columns" or "3 rows, 2 columns". */
  static String caption(String title, int shown, long total, int columns) {
    String rows = shown < total
        ? String.format(Locale.ROOT, "%,d of %,d rows", shown, total)
        : String.format(Locale.ROOT, "%,d row%s", total, total == 1 ? "" : "s");
    String prefix = title == null || title.isBlank() ? "" : title + ": ";
    return prefix + rows + ", " + columns + " column" + (columns == 1 ? "" : "s");
  }

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
