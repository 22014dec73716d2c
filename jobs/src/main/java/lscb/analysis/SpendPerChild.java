package lscb.analysis;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.median;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Spend per child: 2006-07 expenditure and 2007-08 plans over the board's under-18 population. */
public final class SpendPerChild {
  public static final String ACTUAL = "Actual";
  public static final String PLANNED = "Planned";

  private SpendPerChild() {}

  /**
   * Each 2007 return's spend per financial year: Actual 2006-07 expenditure over the mid-2006
   * under-18 population (time_period 200607), Planned 2007-08 over mid-2007 (200708); spend may be null.
   */
  public static Dataset<Row> spendRows(Canonical in) {
    Dataset<Row> returns = in.returns().where(col("survey_year").equalTo(2007));
    Dataset<Row> rows = basis(returns, 200607, ACTUAL, col("expenditure_2006_07"), 2006)
        .unionByName(basis(returns, 200708, PLANNED, col("planned_2007_08"), 2007));
    Dataset<Row> population = in.population().select(col("year"), col("board_code"),
        col("children_under_18").cast("long").as("children_under_18"));
    return rows.join(population, new String[] {"year", "board_code"}, "left").drop("year")
        .withColumn("spend_per_child", when(col("children_under_18").gt(0),
            col("spend").cast("double").divide(col("children_under_18").cast("double"))));
  }

  private static Dataset<Row> basis(Dataset<Row> returns, int period, String name, Column spend, int populationYear) {
    return returns.select(lit(period).as("time_period"), col("board_code"), col("region_code"),
        col("region_name"), lit(name).as("spend_basis"), spend.cast("decimal(14,2)").as("spend"),
        lit(populationYear).as("year"));
  }

  /** Boards' spend and spend per child as Local authority rows (table spend_per_child). */
  public static Dataset<Row> perBoard(Dataset<Row> spendRows, Canonical in) {
    return Geo.ees(Geo.localAuthority(spendRows.where(col("spend").isNotNull()), in.boardCodes()),
        Geo.FINANCIAL_YEAR);
  }

  /** Spend and spend per child per financial year, nationally and by region; plans at or below spend. */
  public static Dataset<Row> summary(Dataset<Row> spendRows, Canonical in) {
    Dataset<Row> stats = Geo.nationalAndRegional(spendRows.where(col("spend").isNotNull()))
        .groupBy(Geo.keys("spend_basis"))
        .agg(count(lit(1)).as("boards_answering"),
            sum("spend").cast("decimal(18,2)").as("total_spend"),
            count("children_under_18").as("boards_with_population"),
            sum(when(col("children_under_18").isNotNull(), col("spend"))).cast("double").as("spend_known"),
            sum("children_under_18").cast("double").as("children_known"),
            min("spend_per_child").as("min_spend_per_child"),
            median(col("spend_per_child")).cast("double").as("median_spend_per_child"),
            max("spend_per_child").as("max_spend_per_child"))
        .withColumn("spend_per_child_pooled", when(col("children_known").gt(0),
            col("spend_known").divide(col("children_known"))))
        .drop("spend_known", "children_known");
    Dataset<Row> both = in.returns().where(col("survey_year").equalTo(2007)
            .and(col("expenditure_2006_07").isNotNull()).and(col("planned_2007_08").isNotNull()))
        .withColumn("time_period", lit(200708));
    Dataset<Row> plans = Geo.nationalAndRegional(both).groupBy(Geo.keys())
        .agg(count(lit(1)).as("boards_answering_both"),
            count_if(col("planned_2007_08").leq(col("expenditure_2006_07"))).as("boards_planning_same_or_less"))
        .withColumn("pct_planning_same_or_less",
            Shares.percent(col("boards_planning_same_or_less"), col("boards_answering_both")))
        .select("time_period", Geo.GEO_KEY, "boards_answering_both", "boards_planning_same_or_less",
            "pct_planning_same_or_less");
    return Geo.ees(stats.join(plans, new String[] {"time_period", Geo.GEO_KEY}, "left"), Geo.FINANCIAL_YEAR);
  }

  /**
   * The boards with the smallest and largest 2006-07 expenditure (ties: the lowest board code
   * for the smallest, the highest for the largest), with their
   * expenditure and 2007-08 plan per child, as Local authority rows (table spend_extremes).
   */
  public static Dataset<Row> extremes(Dataset<Row> spendRows, Canonical in) {
    Dataset<Row> actual = spendRows.where(col("spend_basis").equalTo(ACTUAL).and(col("spend").isNotNull()));
    Dataset<Row> chosen = actual
        .agg(min(struct(col("spend"), col("board_code"))).as("s"),
            max(struct(col("spend"), col("board_code"))).as("l"))
        .select(explode(array(
            struct(lit("smallest_expenditure_2006_07").as("extreme"), col("s.board_code").as("board_code")),
            struct(lit("largest_expenditure_2006_07").as("extreme"), col("l.board_code").as("board_code"))))
            .as("e"))
        .select("e.extreme", "e.board_code")
        .where(col("board_code").isNotNull());
    return Geo.ees(Geo.localAuthority(spendRows.join(chosen, "board_code"), in.boardCodes()),
        Geo.FINANCIAL_YEAR);
  }
}
