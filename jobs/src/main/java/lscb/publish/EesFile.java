package lscb.publish;

import java.util.ArrayList;
import java.util.List;

/**
 * One EES open-data file: which analysis table (and rows) it publishes, at which geographic levels,
 * and its filter and indicator columns in order.
 */
public record EesFile(String name, String table, String rows, Levels levels, List<EesColumn> columns) {

  /**
   * The column every file carries right after its geography: where the numbers come from, in plain words,
   * one value per run. It is not in the .meta.csv: DfE's screener warns on a filter with one item and no
   * Total, and accepts a single-valued column outside the metadata.
   */
  public static final String DATA_STATUS = "data_status";

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
