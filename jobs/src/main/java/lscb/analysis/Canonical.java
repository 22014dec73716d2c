package lscb.analysis;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The canonical tables the analyses read: accepted returns (both survey years) and their answer
 * tables, the under-18 population per board and year (null until {@link #withPopulation}; only spend per
 * child reads it), and the councils (for DfE LA codes).
 */
public record Canonical(Dataset<Row> returns, Dataset<Row> members, Dataset<Row> contributions,
    Dataset<Row> priorities, Dataset<Row> highestCosts, Dataset<Row> population, Dataset<Row> councils) {

  /** The same tables with the under-18 population per board and year (population_board). */
  public Canonical withPopulation(Dataset<Row> boards) {
    return new Canonical(returns, members, contributions, priorities, highestCosts, boards, councils);
  }

  /** Accepted returns with {@code time_period} = the survey year. */
  public Dataset<Row> returnsByYear() {
    return returns.withColumn("time_period", col("survey_year"));
  }

  /** Rows of an answer table that belong to an accepted return, with the return's board, region and chair type. */
  public Dataset<Row> ofAcceptedReturns(Dataset<Row> rows) {
    Dataset<Row> accepted = returns.select(col("survey_year"), col("return_ref"), col("region_code"),
        col("region_name"), col("chair_type"));
    return rows.join(accepted, new String[] {"survey_year", "return_ref"})
        .withColumn("time_period", col("survey_year"));
  }

  /** Releases the cached inputs once every analysis has been written. */
  public void unpersist() {
    for (Dataset<Row> table : java.util.Arrays.asList(returns, members, contributions, priorities, highestCosts,
        population, councils)) {
      if (table != null) {
        table.unpersist();
      }
    }
  }

  /** Each responding board's Local authority codes (new_la_code, old_la_code, la_name). */
  public Dataset<Row> boardCodes() {
    return Geo.boardCodes(returns.select("board_code", "board_name", "council_codes")
        .dropDuplicates("board_code"), councils);
  }
}
