package lscb.notebook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/** Reads an EES open-data CSV typed and labelled from its .meta.csv: indicators are numbers, the rest text. */
public final class Ees {
  /** Suffix of the hidden text column that keeps an indicator's EES symbol (x, z, c, ...) where it has no number. */
  public static final String SYMBOL = "__symbol";

  private Ees() {}

  /** One column of the .meta.csv: its type (Filter, Indicator, ...), label, unit (%, £, pp) and decimals (null: none given). */
  public record Column(String name, String type, String label, String unit, Integer decimals) {
    public boolean indicator() {
      return "Indicator".equalsIgnoreCase(type);
    }
  }

  /** The file NAME.csv in folder, read with NAME.meta.csv beside it. */
  public static EesTable read(Path folder, String name) {
    return read(folder.resolve(name + ".csv"));
  }

  /** An EES file (X.csv) with its meta file (X.meta.csv). */
  public static EesTable read(Path csv) {
    String name = csv.getFileName().toString().replaceFirst("\\.csv$", "");
    Path metaFile = csv.resolveSibling(name + ".meta.csv");
    if (!Files.isRegularFile(csv) || !Files.isRegularFile(metaFile)) {
      throw new IllegalArgumentException("no EES file " + csv + " with " + metaFile.getFileName() + " beside it: run ./lscb run first");
    }
    Map<String, Column> meta = meta(metaFile);
    try {
      Table raw = Table.read().usingOptions(CsvReadOptions.builder(csv.toFile()).tableName(name)
          .missingValueIndicator("").columnTypes(column -> ColumnType.STRING));
      Table typed = Table.create(name);
      for (String column : raw.columnNames()) {
        StringColumn text = raw.stringColumn(column);
        Column described = meta.get(column);
        if (described == null || !described.indicator()) {
          typed.addColumns(text.copy());
          continue;
        }
        DoubleColumn numbers = DoubleColumn.create(column, text.size());
        StringColumn symbols = StringColumn.create(column + SYMBOL, text.size());
        for (int i = 0; i < text.size(); i++) {
          String value = text.get(i).trim();
          if (value.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")) {
            numbers.set(i, Double.parseDouble(value));
            symbols.set(i, "");
          } else {
            numbers.setMissing(i);
            symbols.set(i, value);
          }
        }
        typed.addColumns(numbers, symbols);
      }
      return new EesTable(name, typed, meta);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(csv + ": cannot be read as an EES CSV (" + e.getMessage() + ")", e);
    }
  }

  /** The columns a .meta.csv describes, in its order. */
  public static Map<String, Column> meta(Path metaFile) {
    try {
      Table meta = Table.read().usingOptions(CsvReadOptions.builder(Files.newBufferedReader(metaFile))
          .missingValueIndicator("").columnTypes(column -> ColumnType.STRING));
      Map<String, Column> columns = new LinkedHashMap<>();
      List<String> names = meta.columnNames();
      for (String required : List.of("col_name", "col_type", "label")) {
        if (!names.contains(required)) {
          throw new IllegalArgumentException(metaFile + ": no " + required + " column; an EES .meta.csv has col_name, col_type, label");
        }
      }
      for (int r = 0; r < meta.rowCount(); r++) {
        String dp = names.contains("indicator_dp") ? meta.stringColumn("indicator_dp").get(r) : "";
        String unit = names.contains("indicator_unit") ? meta.stringColumn("indicator_unit").get(r) : "";
        columns.put(meta.stringColumn("col_name").get(r), new Column(meta.stringColumn("col_name").get(r),
            meta.stringColumn("col_type").get(r), meta.stringColumn("label").get(r), unit,
            dp.isBlank() ? null : Integer.valueOf(dp.trim())));
      }
      return columns;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + metaFile, e);
    }
  }

  /** Standard EES columns that the meta file does not describe, labelled in words. */
  static String standardLabel(String column) {
    return switch (column) {
      case "time_period" -> "Year";
      case "time_identifier" -> "Kind of year";
      case "geographic_level" -> "Level";
      case "country_name" -> "Country";
      case "region_name" -> "Region";
      case "la_name" -> "Local authority";
      case "data_status" -> "Data status";
      default -> null;
    };
  }

  static List<String> visible(Table table) {
    List<String> names = new ArrayList<>();
    for (String name : table.columnNames()) {
      if (!name.endsWith(SYMBOL)) {
        names.add(name);
      }
    }
    return names;
  }
}
