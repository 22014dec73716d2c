package lscb.notebook;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.api.NumericColumn;

/** A whole table as HTML for a reader: a caption saying what it shows, labelled headers, text left, numbers right with units. */
public final class TableView {
  /** Fits the table to the page: headers wrap, numbers do not, text cells wrap. */
  static final String STYLE = "<style>table.lscb{border-collapse:collapse;margin:0.4em 0 1.2em 0;max-width:100%;"
      + "table-layout:auto;font-size:13px}table.lscb caption{caption-side:top;text-align:left;font-weight:bold;"
      + "padding:0 0 0.4em 0}table.lscb th{vertical-align:bottom;white-space:normal;font-weight:bold;max-width:10em;"
      + "border-bottom:1px solid #444;padding:0.3em 0.5em}table.lscb td{padding:0.25em 0.5em;vertical-align:top;"
      + "border-bottom:1px solid #ddd}table.lscb td.n{white-space:nowrap}table.lscb p.note{font-size:12px}</style>";

  private final Table table;
  private final List<String> columns = new ArrayList<>();
  private final Map<String, String> labels = new HashMap<>();
  private final Map<String, String> units = new HashMap<>();
  private final Map<String, Integer> decimals = new HashMap<>();
  private final java.util.Set<String> rightAligned = new java.util.HashSet<>();
  private String caption;
  private String note;

  private TableView(Table table) {
    this.table = table;
  }

  /** A view of a Tablesaw table; every visible column until {@link #columns} chooses. */
  public static TableView of(Table table) {
    TableView view = new TableView(table);
    view.columns.addAll(Ees.visible(table));
    return view;
  }

  /** What the table shows, in words (required). */
  public TableView caption(String caption) {
    this.caption = caption;
    return this;
  }

  /** A note under the table (e.g. what a row leaves out). */
  public TableView note(String note) {
    this.note = note;
    return this;
  }

  /** The columns to show, in order. */
  public TableView columns(String... names) {
    columns.clear();
    columns.addAll(List.of(names));
    return this;
  }

  public TableView label(String column, String label) {
    labels.put(column, label);
    return this;
  }

  /** The unit of a number column: %, £, pp, or any word shown after the number. */
  public TableView unit(String column, String unit) {
    units.put(column, unit);
    return this;
  }

  /** Aligns a text column of already formatted numbers to the right. */
  public TableView alignRight(String column) {
    rightAligned.add(column);
    return this;
  }

  public TableView decimals(String column, Integer dp) {
    if (dp != null) {
      decimals.put(column, dp);
    }
    return this;
  }

  /** The HTML table, its caption and the EES symbols used, explained. */
  public String html() {
    if (caption == null || caption.isBlank()) {
      throw new IllegalStateException("a table needs a caption saying what it shows");
    }
    StringBuilder html = new StringBuilder(STYLE).append("<table class=\"lscb\">\n<caption>")
        .append(escape(caption)).append("</caption>\n<thead><tr>");
    for (String c : columns) {
      html.append("<th style=\"text-align:").append(numeric(c) || rightAligned.contains(c) ? "right" : "left").append("\">")
          .append(escape(labels.getOrDefault(c, headerWords(c)))).append("</th>");
    }
    html.append("</tr></thead>\n<tbody>\n");
    Map<String, String> symbolsUsed = new TreeMap<>();
    for (int r = 0; r < table.rowCount(); r++) {
      html.append("<tr>");
      for (String c : columns) {
        boolean number = numeric(c) || rightAligned.contains(c);
        String cell = numeric(c) ? numberCell(c, r, symbolsUsed) : textCell(c, r);
        if (rightAligned.contains(c) && Format.symbol(cell) != null) {
          symbolsUsed.put(cell, Format.symbol(cell));
        }
        html.append("<td class=\"").append(number ? "n" : "t").append("\" style=\"text-align:")
            .append(number ? "right" : "left").append("\">").append(escape(cell)).append("</td>");
      }
      html.append("</tr>\n");
    }
    html.append("</tbody>\n</table>\n");
    List<String> notes = new ArrayList<>();
    symbolsUsed.forEach((symbol, words) -> notes.add(symbol + " = " + words));
    if (note != null && !note.isBlank()) {
      notes.add(0, note);
    }
    if (!notes.isEmpty()) {
      html.append("<p class=\"note\" style=\"font-size:12px;margin-top:-0.8em\">").append(escape(String.join("; ", notes)))
          .append(".</p>\n");
    }
    return html.toString();
  }

  /** The view as notebook output: HTML, with the caption as the plain-text form. */
  public DisplayData display() {
    DisplayData data = new DisplayData(caption + " (" + table.rowCount() + " rows)");
    data.putHTML(html());
    return data;
  }

  private boolean numeric(String column) {
    return table.column(column) instanceof NumericColumn<?>;
  }

  private String numberCell(String column, int row, Map<String, String> symbolsUsed) {
    NumericColumn<?> numbers = (NumericColumn<?>) table.column(column);
    if (!numbers.isMissing(row)) {
      return Format.number(numbers.getDouble(row), decimals.get(column), units.get(column));
    }
    String symbolColumn = column + Ees.SYMBOL;
    String symbol = table.containsColumn(symbolColumn) ? table.stringColumn(symbolColumn).get(row) : "";
    String words = Format.symbol(symbol);
    if (words != null) {
      symbolsUsed.put(symbol, words);
      return symbol;
    }
    return symbol;
  }

  private String textCell(String column, int row) {
    Column<?> c = table.column(column);
    if (c.isMissing(row)) {
      return "";
    }
    String value = c.getString(row);
    return column.equals("time_period") ? Words.period(value) : Words.label(value);
  }

  /** A header for a column with no label: the standard EES name, else the code in words, capitalised (used -> Used). */
  private static String headerWords(String column) {
    String standard = Ees.standardLabel(column);
    String words = standard != null ? standard : Words.label(column);
    return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  static String escape(String text) {
    return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
