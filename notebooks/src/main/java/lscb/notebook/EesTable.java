package lscb.notebook;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** An EES file read by {@link Ees}: a Tablesaw table (indicators as numbers) and the meta file's labels, units, decimals. */
public final class EesTable {
  private final String name;
  private final Table table;
  private final Map<String, Ees.Column> meta;

  EesTable(String name, Table table, Map<String, Ees.Column> meta) {
    this.name = name;
    this.table = table;
    this.meta = meta;
  }

  public String name() {
    return name;
  }

  /** The rows as a Tablesaw table (each indicator also has a hidden NAME__symbol text column). */
  public Table table() {
    return table;
  }

  /** What the meta file says about a column, or null if it does not describe it (e.g. time_period). */
  public Ees.Column column(String column) {
    return meta.get(column);
  }

  /** The column's label: the meta file's, else a standard EES column's words, else the code in words. */
  public String label(String column) {
    Ees.Column c = meta.get(column);
    if (c != null && c.label() != null && !c.label().isBlank()) {
      return c.label();
    }
    String standard = Ees.standardLabel(column);
    return standard != null ? standard : Words.label(column);
  }

  /** The rows whose text column holds one of the values. */
  public EesTable where(String column, String... values) {
    return with(table.where(table.stringColumn(column).isIn(values)));
  }

  /** The rows whose text column holds none of the values. */
  public EesTable without(String column, String... values) {
    return with(table.where(table.stringColumn(column).isNotIn(values)));
  }

  /** England-level rows. */
  public EesTable national() {
    return where("geographic_level", "National");
  }

  /** Region-level rows. */
  public EesTable regional() {
    return where("geographic_level", "Regional");
  }

  /** The rows sorted by a column, largest first. */
  public EesTable largestFirst(String column) {
    return with(table.sortDescendingOn(column));
  }

  /** The same rows followed by another table's (e.g. the Total row last). */
  public EesTable then(EesTable more) {
    return with(table.copy().append(more.table));
  }

  /** The number in the only row whose text column holds key; fails unless exactly one row does. */
  public double number(String keyColumn, String key, String valueColumn) {
    return where(keyColumn, key).number(valueColumn);
  }

  /** The number in this table's only row. */
  public double number(String valueColumn) {
    if (table.rowCount() != 1) {
      throw new IllegalStateException(name + ": " + table.rowCount() + " rows where one was expected, reading " + valueColumn);
    }
    return table.numberColumn(valueColumn).getDouble(0);
  }

  /** The text of a column, row by row. */
  public List<String> texts(String column) {
    return new ArrayList<>(table.stringColumn(column).asList());
  }

  /** The numbers of a column, row by row (missing as NaN). */
  public List<Double> numbers(String column) {
    return Arrays.stream(table.numberColumn(column).asDoubleArray()).boxed().toList();
  }

  public int rowCount() {
    return table.rowCount();
  }

  /** A table view of the named columns (all visible ones if none), labelled from the meta file. */
  public TableView view(String caption, String... columns) {
    List<String> chosen = columns.length == 0 ? Ees.visible(table) : List.of(columns);
    for (String c : chosen) {
      if (!table.containsColumn(c)) {
        throw new IllegalArgumentException(name + " has no column " + c + "; it has " + Ees.visible(table));
      }
    }
    TableView view = TableView.of(table).caption(caption).columns(chosen.toArray(String[]::new));
    for (String c : chosen) {
      Ees.Column described = meta.get(c);
      view.label(c, label(c));
      if (described != null && described.indicator()) {
        view.unit(c, described.unit()).decimals(c, described.decimals());
      }
    }
    return view;
  }

  /**
   * The indicators as rows and one column per value of keyColumn (e.g. one per year), each number formatted with its
   * own unit and decimals: for tables with few rows and many indicators, which would not fit the page side by side.
   */
  public TableView transposed(String caption, String keyColumn, String... indicators) {
    tech.tablesaw.api.StringColumn measure = tech.tablesaw.api.StringColumn.create("Measure");
    List<String> keys = texts(keyColumn);
    List<tech.tablesaw.api.StringColumn> values = new ArrayList<>();
    for (String key : keys) {
      values.add(tech.tablesaw.api.StringColumn.create(keyColumn.equals("time_period") ? Words.period(key) : Words.label(key)));
    }
    for (String indicator : indicators) {
      measure.append(label(indicator));
      Ees.Column c = meta.get(indicator);
      for (int r = 0; r < keys.size(); r++) {
        double v = table.numberColumn(indicator).getDouble(r);
        String symbol = table.containsColumn(indicator + Ees.SYMBOL) ? table.stringColumn(indicator + Ees.SYMBOL).get(r) : "";
        values.get(r).append(Double.isNaN(v) ? symbol : Format.number(v, c == null ? null : c.decimals(), c == null ? "" : c.unit()));
      }
    }
    Table t = Table.create(name, measure);
    values.forEach(t::addColumns);
    TableView view = TableView.of(t).caption(caption).label("Measure", "");
    values.forEach(v -> view.alignRight(v.name()).label(v.name(), v.name()));
    return view;
  }

  private EesTable with(Table rows) {
    return new EesTable(name, rows, meta);
  }

  @Override
  public String toString() {
    Column<?> first = table.columnCount() > 0 ? table.column(0) : null;
    return name + " (" + table.rowCount() + " rows" + (first == null ? "" : ", first column " + first.name()) + ")";
  }
}
