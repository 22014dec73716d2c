package lscb.publish;

import java.util.ArrayList;
import java.util.List;

/**
 * One EES open-data file: which analysis table (and rows) it publishes, at which geographic levels,
 * and its filter and indicator columns in order.
 */
public record EesFile(String name, String table, String rows, Levels levels, List<EesColumn> columns) {

  /** The filter every file carries right after its geography: where the numbers come from, in plain words. */
  public static final String DATA_STATUS = "data_status";

  /** The data status filter of a run whose status reads {@code value}: one item, declared as the default. */
  public static EesColumn dataStatus(String value) {
    return EesColumn.filter(DATA_STATUS, "Where the numbers come from: reconstructed or real returns, which population",
        "Data status").withDefault(value);
  }

  /** The filters and indicators of the .meta.csv, in file order: the data status first, then the file's own. */
  public List<EesColumn> metaColumns(String dataStatus) {
    List<EesColumn> out = new ArrayList<>(List.of(dataStatus(dataStatus)));
    out.addAll(columns);
    return out;
  }

  /** The geographic levels a file holds, which decide its geography columns. */
  public enum Levels {
    /** National rows only. */
    NATIONAL,
    /** National and Regional rows (region_code, region_name). */
    REGIONAL,
    /** Local authority (board) rows (region and new_la_code, old_la_code, la_name). */
    LOCAL_AUTHORITY
  }

  /** The time and geography columns the file starts with, in EES order. */
  public List<String> geographyColumns() {
    List<String> out = new ArrayList<>(List.of("time_period", "time_identifier", "geographic_level",
        "country_code", "country_name"));
    if (levels != Levels.NATIONAL) {
      out.addAll(List.of("region_code", "region_name"));
    }
    if (levels == Levels.LOCAL_AUTHORITY) {
      out.addAll(List.of("new_la_code", "old_la_code", "la_name"));
    }
    return out;
  }

  /** Every data column in file order: geography, data status, then filter grouping columns, filters, indicators. */
  public List<String> dataColumns() {
    List<String> out = new ArrayList<>(geographyColumns());
    out.add(DATA_STATUS);
    for (EesColumn c : columns) {
      if (c.filterGroupingColumn() != null && !out.contains(c.filterGroupingColumn())) {
        out.add(c.filterGroupingColumn());
      }
    }
    columns.forEach(c -> out.add(c.name()));
    return out;
  }
}
