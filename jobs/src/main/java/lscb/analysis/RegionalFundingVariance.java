package lscb.analysis;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import lscb.schema.Schemas;
import org.apache.commons.math3.stat.inference.OneWayAnova;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Regional funding variance: whether boards' own shares of a contributor differ between regions
 * (one-way ANOVA, commons-math3). The per-region n, mean, sd, cv, min and max are the Regional rows
 * of {@link FundingByContributor#byContributor}.
 */
public final class RegionalFundingVariance {
  private RegionalFundingVariance() {}

  /**
   * One row per survey year and contributor, and a Total row (boards giving any money, not tested: every
   * board's total share is 100%). Collects the per-board shares (at most boards x
   * contributors rows) to the driver; regions with fewer than 2 boards giving are left out of the test.
   */
  public static Dataset<Row> betweenRegions(Dataset<Row> boardShares) {
    List<Row> shares = boardShares.where(col("board_share_pct").isNotNull())
        .select("time_period", "contributor", "region_code", "board_share_pct").collectAsList();
    Map<String, Map<String, List<Double>>> groups = new TreeMap<>();
    for (Row r : shares) {
      groups.computeIfAbsent(r.<Integer>getAs("time_period") + "|" + r.getAs("contributor"), k -> new TreeMap<>())
          .computeIfAbsent(r.getAs("region_code"), k -> new ArrayList<>()).add(r.getAs("board_share_pct"));
    }
    List<Row> out = new ArrayList<>();
    groups.forEach((key, byRegion) -> {
      String[] parts = key.split("\\|", 2);
      List<double[]> tested = new ArrayList<>();
      long boards = 0;
      for (List<Double> values : byRegion.values()) {
        boards += values.size();
        if (values.size() >= 2) {
          tested.add(values.stream().mapToDouble(Double::doubleValue).toArray());
        }
      }
      int n = tested.stream().mapToInt(a -> a.length).sum();
      Double f = null;
      Double p = null;
      Integer dfBetween = null;
      Integer dfWithin = null;
      if (tested.size() >= 2 && !Shares.TOTAL.equals(parts[1])) {
        OneWayAnova anova = new OneWayAnova();
        double fValue = anova.anovaFValue(tested);
        if (Double.isFinite(fValue)) {
          f = fValue;
          p = anova.anovaPValue(tested);
          dfBetween = tested.size() - 1;
          dfWithin = n - tested.size();
        }
      }
      out.add(Schemas.row("funding_region_test").set("time_period", Integer.parseInt(parts[0]))
          .set("time_identifier", Geo.CALENDAR_YEAR).set("geographic_level", Geo.NATIONAL)
          .set("country_code", Geo.ENGLAND_CODE).set("country_name", Geo.ENGLAND_NAME).set("region_code", null)
          .set("region_name", null).set("contributor", parts[1]).set("regions", tested.size())
          .set("boards_giving", boards).set("f_statistic", f).set("df_between", dfBetween)
          .set("df_within", dfWithin).set("p_value", p).build());
    });
    return boardShares.sparkSession().createDataFrame(out, Schemas.of("funding_region_test"));
  }
}
