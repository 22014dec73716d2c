package lscb.publish;

/**
 * One filter or indicator column of an EES open-data file, with its .meta.csv row. {@code dp} is the
 * number of decimals written and declared; {@code missing} the EES symbol written for a null value
 * (z = not applicable, x = not available).
 */
public record EesColumn(String name, String colType, String label, String unit, Integer dp,
    String filterHint, String filterGroupingColumn, String missing) {

  public static final String FILTER = "Filter";
  public static final String INDICATOR = "Indicator";

  /** A filter column. */
  public static EesColumn filter(String name, String label, String hint) {
    return new EesColumn(name, FILTER, label, null, null, hint, null, null);
  }

  /** A filter column whose items are grouped by another data column (not itself in the meta file). */
  public static EesColumn filter(String name, String label, String hint, String groupingColumn) {
    return new EesColumn(name, FILTER, label, null, null, hint, groupingColumn, null);
  }

  /** A count of boards or returns. */
  public static EesColumn count(String name, String label) {
    return new EesColumn(name, INDICATOR, label, "", 0, null, null, "z");
  }

  /** A percentage written as 0-100 (34, not 0.34), one decimal. */
  public static EesColumn percent(String name, String label) {
    return new EesColumn(name, INDICATOR, label, "%", 1, null, null, "z");
  }

  /** An amount of money in pounds (the unit is in the meta file, never in the values). */
  public static EesColumn pounds(String name, String label, int dp) {
    return new EesColumn(name, INDICATOR, label, "£", dp, null, null, "z");
  }

  /** Any other number. */
  public static EesColumn number(String name, String label, String unit, int dp) {
    return new EesColumn(name, INDICATOR, label, unit, dp, null, null, "z");
  }

  /** The same column writing {@code symbol} for a missing value. */
  public EesColumn missing(String symbol) {
    return new EesColumn(name, colType, label, unit, dp, filterHint, filterGroupingColumn, symbol);
  }

  public boolean isFilter() {
    return FILTER.equals(colType);
  }
}
