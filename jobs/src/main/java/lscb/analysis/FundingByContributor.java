package lscb.analysis;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.median;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Funding by contributor: Table 2 both ways (the pooled share of all money given, and the mean of
 * boards' own shares) and the spread of boards' own shares, nationally and by region.
 */
public final class FundingByContributor {
  private FundingByContributor() {}

  /**
   * Each board's amount per contributor it answered, its total (all contributors, OTHER included)
   * and its own share; a Total row per board. Columns: time_period, board_code, region_code,
   * region_name, contributor, amount, board_total, board_share_pct.
   */
  public static Dataset<Row> boardShares(Canonical in) {
    Dataset<Row> given = in.ofAcceptedReturns(in.contributions())
        .select("time_period", "board_code", "region_code", "region_name", "contributor", "amount");
    Dataset<Row> totals = given.groupBy("time_period", "board_code", "region_code", "region_name")
        .agg(sum("amount").cast("decimal(18,2)").as("board_total"));
    Dataset<Row> perContributor = given.join(totals.select("time_period", "board_code", "board_total"),
        new String[] {"time_period", "board_code"});
    Dataset<Row> totalRows = totals.withColumn("contributor", lit(Shares.TOTAL))
        .withColumn("amount", col("board_total").cast("decimal(14,2)"));
    return perContributor.unionByName(totalRows)
        .withColumn("amount", col("amount").cast("decimal(14,2)"))
        .withColumn("board_share_pct", when(col("board_total").gt(0),
            col("amount").cast("double").multiply(100.0).divide(col("board_total").cast("double"))));
  }

  /** The board shares as Local authority rows (table funding_board_share). */
  public static Dataset<Row> boardShareTable(Dataset<Row> boardShares, Canonical in) {
    return Geo.ees(Geo.localAuthority(boardShares, in.boardCodes()), Geo.CALENDAR_YEAR);
  }

  /** Per survey year, geography and contributor (Total included): table funding_contributor. */
  public static Dataset<Row> byContributor(Dataset<Row> boardShares) {
    Dataset<Row> stats = Geo.nationalAndRegional(boardShares).groupBy(Geo.keys("contributor"))
        .agg(count(lit(1)).as("boards_giving"),
            sum("amount").cast("decimal(18,2)").as("amount"),
            avg("board_share_pct").as("mean_of_board_shares_pct"),
            stddev_samp("board_share_pct").as("sd_board_share_pp"),
            min("board_share_pct").as("min_board_share_pct"),
            median(col("board_share_pct")).cast("double").as("median_board_share_pct"),
            max("board_share_pct").as("max_board_share_pct"))
        .withColumn("cv_board_share", when(col("mean_of_board_shares_pct").gt(0),
            col("sd_board_share_pp").divide(col("mean_of_board_shares_pct"))));
    Dataset<Row> all = stats.where(col("contributor").equalTo(Shares.TOTAL))
        .select(col("time_period"), col(Geo.GEO_KEY), col("amount").as("all_money"),
            col("boards_giving").as("boards_with_funding"));
    return Geo.ees(stats.join(all, new String[] {"time_period", Geo.GEO_KEY})
        .withColumn("share_of_all_money_pct", when(col("all_money").gt(0),
            col("amount").cast("double").multiply(100.0).divide(col("all_money").cast("double"))))
        .drop("all_money"), Geo.CALENDAR_YEAR);
  }
}
