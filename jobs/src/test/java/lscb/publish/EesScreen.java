package lscb.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import lscb.testing.Fixtures;

/**
 * The checks of DfE's EES data screener (dfe-published-data-qa and eesyscreener) that can FAIL or WARN
 * a file of ours, run against the screener's own lookups in shared/data/ees. Each problem is one line
 * naming the file, the check and the value.
 */
final class EesScreen {
  /** The meta columns the screener app accepts (a column outside them is a FAIL there). */
  static final Set<String> META_COLUMNS = Set.of("col_name", "col_type", "label", "indicator_grouping",
      "indicator_unit", "indicator_dp", "filter_hint", "filter_grouping_column");
  static final Set<String> SYMBOLS = Set.of("z", "x", "c", "low", "u");
  static final int MAX_LABEL = 100;
  static final int MAX_CODE = 30;

  final Path lookups;
  final Set<String> las;
  final Set<String> regions;
  final Set<String> countries;
  /** geographic_level -> its code, name and secondary code columns (blank when none). */
  final Map<String, List<String>> levels = new HashMap<>();

  private EesScreen(Path lookups) throws IOException {
    this.lookups = lookups;
    las = combos("las.csv", "old_la_code", "new_la_code", "la_name");
    regions = combos("regions.csv", "region_code", "region_name");
    countries = combos("country.csv", "country_code", "country_name");
    EesCsv matrix = EesCsv.read(lookups.resolve("geography_matrix.csv"));
    for (List<String> row : matrix.rows) {
      Map<String, String> r = named(matrix.header, row);
      List<String> columns = new ArrayList<>();
      for (String c : List.of("code_field", "name_field", "code_field_secondary")) {
        String v = r.get(c);
        if (v != null && !v.isEmpty() && !v.equals("NA")) {
          columns.add(v);
        }
      }
      levels.put(r.get("geographic_level"), columns);
    }
  }

  /** The shared folder's screener lookups, or null when shared/ is not beside the checkout. */
  static Path sharedLookups() {
    Path dir = Fixtures.repository().getParent().resolve("shared/data/ees");
    return Files.isRegularFile(dir.resolve("las.csv")) ? dir : null;
  }

  /** A screen over the lookups in {@code dir}. */
  static EesScreen over(Path dir) throws IOException {
    return new EesScreen(dir);
  }

  /** Every problem of every data file (and its .meta.csv) in {@code ees}, one line each. */
  List<String> problems(Path ees) throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(ees)) {
      // footnotes.csv (written with a real population) is a list of footnotes, not a data file
      for (Path data : files.filter(p -> p.toString().endsWith(".csv") && !p.toString().endsWith(".meta.csv")
          && !p.getFileName().toString().equals("footnotes.csv")).sorted().toList()) {
        out.addAll(problems(data, ees.resolve(data.getFileName().toString().replace(".csv", ".meta.csv"))));
      }
    }
    return out;
  }

  /** The problems of one data file and its meta file. */
  List<String> problems(Path dataFile, Path metaFile) throws IOException {
    String file = dataFile.getFileName().toString();
    List<String> out = new ArrayList<>();
    EesCsv data = EesCsv.read(dataFile);
    EesCsv meta = EesCsv.read(metaFile);
    for (String c : meta.header) {
      if (!META_COLUMNS.contains(c)) {
        out.add(file + ": meta column '" + c + "' is not one the screener app accepts");
      }
    }
    List<Map<String, String>> rows = data.rows.stream().map(r -> named(data.header, r)).toList();
    List<Map<String, String>> metaRows = meta.rows.stream().map(r -> named(meta.header, r)).toList();
    Set<String> filters = new LinkedHashSet<>();
    Set<String> groups = new LinkedHashSet<>();
    Set<String> declared = new HashSet<>();
    for (Map<String, String> m : metaRows) {
      declared.add(m.get("col_name"));
      if (m.get("label").length() > MAX_LABEL) {
        out.add(file + ": label of " + m.get("col_name") + " is " + m.get("label").length() + " characters (API: at most "
            + MAX_LABEL + ")");
      }
      if ("Filter".equals(m.get("col_type"))) {
        filters.add(m.get("col_name"));
        String group = m.getOrDefault("filter_grouping_column", "");
        if (!group.isEmpty()) {
          groups.add(group);
        }
      } else if (!"Indicator".equals(m.get("col_type"))) {
        out.add(file + ": col_type of " + m.get("col_name") + " is neither Filter nor Indicator");
      }
    }
    for (String group : groups) {
      if (!filters.contains(group)) {
        out.add(file + ": filter group '" + group + "' is not itself declared as a filter");
      }
    }
    Set<String> geography = new HashSet<>(List.of("time_period", "time_identifier", "geographic_level"));
    levels.values().forEach(geography::addAll);
    for (String column : data.header) {
      Set<String> values = rows.stream().map(r -> r.get(column)).collect(Collectors.toSet());
      if (!geography.contains(column) && !declared.contains(column) && !groups.contains(column) && values.size() > 1) {
        out.add(file + ": column '" + column + "' has several values but is not in the metadata");
      }
    }
    for (String column : union(declared, groups)) {
      if (!data.header.contains(column)) {
        out.add(file + ": meta names '" + column + "', which the data file lacks");
      }
    }
    for (String filter : union(filters, groups)) {
      Set<String> values = rows.stream().map(r -> r.get(filter)).collect(Collectors.toSet());
      if (!values.contains("Total")) {
        out.add(file + ": filter '" + filter + "' has no Total item (and no declared default)");
      }
      if (values.size() < 2 && filters.contains(filter)) {
        out.add(file + ": filter '" + filter + "' has fewer than two levels");
      }
      if (values.contains("")) {
        out.add(file + ": filter '" + filter + "' has blank values");
      }
    }
    for (Map<String, String> m : metaRows) {
      if ("Indicator".equals(m.get("col_type"))) {
        String column = m.get("col_name");
        for (Map<String, String> r : rows) {
          String v = r.get(column);
          if (v == null || !(SYMBOLS.contains(v) || v.matches("-?\\d+(\\.\\d+)?"))) {
            out.add(file + ": indicator " + column + " has '" + v + "', neither a number nor a GSS symbol");
            break;
          }
        }
      }
    }
    out.addAll(geographyProblems(file, rows, data.header));
    out.addAll(EesScreenFormat.problems(file, data, meta, rows, metaRows));
    Set<String> keys = new HashSet<>();
    for (Map<String, String> r : rows) {
      String key = data.header.stream().filter(c -> geography.contains(c) || filters.contains(c) || groups.contains(c))
          .map(r::get).collect(Collectors.joining("|"));
      if (!keys.add(key)) {
        out.add(file + ": duplicate row for " + key);
        break;
      }
    }
    return out;
  }

  private List<String> geographyProblems(String file, List<Map<String, String>> rows, List<String> header) {
    Set<String> out = new LinkedHashSet<>();
    for (Map<String, String> r : rows) {
      String level = r.get("geographic_level");
      List<String> required = levels.get(level);
      if (required == null) {
        out.add(file + ": geographic_level '" + level + "' is not one of the screener's levels");
        continue;
      }
      for (String column : required) {
        if (!header.contains(column)) {
          out.add(file + ": level " + level + " needs the column " + column);
        } else if (r.get(column).isEmpty()) {
          out.add(file + ": " + column + " is blank on a " + level + " row");
        }
      }
      check(out, file, "country", countries, r, "country_code", "country_name");
      if (!r.getOrDefault("region_code", "").isEmpty() || level.equals("Regional")) {
        check(out, file, "region", regions, r, "region_code", "region_name");
      }
      if (level.equals("Local authority")) {
        check(out, file, "local authority", las, r, "old_la_code", "new_la_code", "la_name");
      }
      for (String column : header) {
        if (column.endsWith("_code") && r.get(column).length() > MAX_CODE) {
          out.add(file + ": " + column + " '" + r.get(column) + "' is over " + MAX_CODE + " characters (API)");
        }
      }
    }
    return new ArrayList<>(out);
  }

  private static void check(Set<String> out, String file, String what, Set<String> lookup, Map<String, String> r,
      String... columns) {
    String combo = Stream.of(columns).map(c -> r.getOrDefault(c, "")).collect(Collectors.joining(" / "));
    if (!lookup.contains(combo)) {
      out.add(file + ": " + what + " " + String.join(" / ", columns) + " = '" + combo + "' is not in the lookup");
    }
  }

  private Set<String> combos(String lookup, String... columns) throws IOException {
    EesCsv csv = EesCsv.read(lookups.resolve(lookup));
    Set<String> out = new HashSet<>();
    for (List<String> row : csv.rows) {
      Map<String, String> r = named(csv.header, row);
      out.add(Stream.of(columns).map(r::get).collect(Collectors.joining(" / ")));
    }
    return out;
  }

  private static Map<String, String> named(List<String> header, List<String> row) {
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      out.put(header.get(i), i < row.size() ? row.get(i) : "");
    }
    return out;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> out = new LinkedHashSet<>(a);
    out.addAll(b);
    return out;
  }
}
