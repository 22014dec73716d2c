package lscb.publish;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The format checks of DfE's EES screener that need no lookup, for {@link EesScreen}: file names,
 * required columns, indicator units and decimal places, time_period against time_identifier, whitespace,
 * blank rows and null-like values, and the EES API's lengths of column names and items.
 */
final class EesScreenFormat {
  /** The data columns every file needs. */
  static final List<String> REQUIRED_DATA = List.of("time_period", "time_identifier", "geographic_level",
      "country_code", "country_name");
  /** The units the screener accepts (blank: a plain number). */
  static final Set<String> UNITS = Set.of("", "%", "pp", "£", "£m", "numberstring");
  /** Time identifiers whose periods are four digits (2006) and six (200607, consecutive years). */
  static final Set<String> FOUR_DIGITS = Set.of("Calendar year", "Reporting year");
  static final Set<String> SIX_DIGITS = Set.of("Financial year", "Academic year", "Tax year", "Autumn and spring term");
  /** Values the screener takes for a missing value written as text. */
  static final Set<String> NULL_LIKE = Set.of("NA", "N/A", "NULL", "null", "na", "NaN");
  /** The EES API's limits: column names, and filter items and location names. */
  static final int MAX_COLUMN_NAME = 50;
  static final int MAX_ITEM = 120;

  private EesScreenFormat() {}

  /** The problems of one data file and its meta file (rows as column -> value maps), one line each. */
  static List<String> problems(String file, EesCsv data, EesCsv meta, List<Map<String, String>> rows,
      List<Map<String, String>> metaRows) {
    Set<String> out = new LinkedHashSet<>();
    if (!file.matches("[a-z0-9_]+\\.csv")) {
      out.add(file + ": file name has characters other than lower-case letters, digits and _");
    }
    for (String c : EesScreen.META_COLUMNS) {
      if (!meta.header.contains(c)) {
        out.add(file + ": the meta file lacks the column '" + c + "'");
      }
    }
    for (String c : REQUIRED_DATA) {
      if (!data.header.contains(c)) {
        out.add(file + ": the data file lacks the column '" + c + "'");
      }
    }
    for (String c : data.header) {
      if (!c.matches("[a-z][a-z0-9_]*") || c.length() > MAX_COLUMN_NAME) {
        out.add(file + ": column name '" + c + "' is not snake_case of at most " + MAX_COLUMN_NAME + " characters");
      }
    }
    Set<String> items = new LinkedHashSet<>(List.of("country_name", "region_name", "la_name"));
    for (Map<String, String> m : metaRows) {
      out.addAll(metaProblems(file, m));
      if ("Filter".equals(m.get("col_type"))) {
        items.add(m.get("col_name"));
        items.add(m.getOrDefault("filter_grouping_column", ""));
      }
    }
    for (Map<String, String> r : rows) {
      out.addAll(rowProblems(file, r, items));
    }
    return new ArrayList<>(out);
  }

  private static List<String> metaProblems(String file, Map<String, String> m) {
    List<String> out = new ArrayList<>();
    String column = m.get("col_name");
    String unit = m.getOrDefault("indicator_unit", "");
    String dp = m.getOrDefault("indicator_dp", "");
    for (Map.Entry<String, String> e : m.entrySet()) {
      if (!e.getValue().equals(e.getValue().strip())) {
        out.add(file + ": meta " + e.getKey() + " of " + column + " has leading or trailing whitespace");
      }
    }
    if ("Indicator".equals(m.get("col_type"))) {
      if (!UNITS.contains(unit)) {
        out.add(file + ": indicator_unit '" + unit + "' of " + column + " is not one of " + UNITS);
      }
      if (!dp.matches("[0-9]+")) {
        out.add(file + ": indicator_dp of " + column + " is '" + dp + "', not a whole number 0 or more");
      }
      if (!m.getOrDefault("filter_hint", "").isEmpty() || !m.getOrDefault("filter_grouping_column", "").isEmpty()) {
        out.add(file + ": indicator " + column + " has a filter hint or grouping column");
      }
    } else if (!unit.isEmpty() || !dp.isEmpty() || !m.getOrDefault("indicator_grouping", "").isEmpty()) {
      out.add(file + ": filter " + column + " has an indicator unit, dp or grouping");
    }
    return out;
  }

  private static List<String> rowProblems(String file, Map<String, String> r, Set<String> items) {
    List<String> out = new ArrayList<>();
    if (r.values().stream().allMatch(String::isEmpty)) {
      out.add(file + ": a blank row");
      return out;
    }
    String identifier = r.getOrDefault("time_identifier", "");
    String period = r.getOrDefault("time_period", "");
    boolean fits = FOUR_DIGITS.contains(identifier) ? period.matches("[0-9]{4}")
        : SIX_DIGITS.contains(identifier) && period.matches("[0-9]{6}")
            && (Integer.parseInt(period.substring(2, 4)) + 1) % 100 == Integer.parseInt(period.substring(4, 6));
    if (!fits) {
      out.add(file + ": time_period '" + period + "' does not fit time_identifier '" + identifier + "'");
    }
    for (Map.Entry<String, String> e : new HashMap<>(r).entrySet()) {
      String v = e.getValue();
      if (!v.equals(v.strip())) {
        out.add(file + ": " + e.getKey() + " '" + v + "' has leading or trailing whitespace");
      }
      if (NULL_LIKE.contains(v)) {
        out.add(file + ": " + e.getKey() + " is '" + v + "'; a missing value is a GSS symbol (x, z, c, low, u)");
      }
      if (items.contains(e.getKey()) && v.length() > MAX_ITEM) {
        out.add(file + ": " + e.getKey() + " '" + v + "' is over " + MAX_ITEM + " characters (API)");
      }
    }
    return out;
  }
}
