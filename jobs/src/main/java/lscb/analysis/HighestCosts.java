package lscb.analysis;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Highest costs: the share of boards naming each item among their (up to four) highest costs. */
public final class HighestCosts {
  public static final List<String> CODES = List.of("INDEPENDENT_CHAIR", "BUSINESS_MANAGER",
      "CHILD_DEATH_REVIEW", "TRAINING", "SERIOUS_CASE_REVIEWS", "PROCEDURES", "OTHER");

  private HighestCosts() {}

  /** Long answer rows, topic highest_costs: questions highest_cost_top_four and highest_cost_first. */
  public static Dataset<Row> answers(Canonical in) {
    return RankedAnswers.answers(in, in.highestCosts(), "cost_item", "cost_rank", "highest_costs", "highest_cost");
  }

  /** The answers that always get a row. */
  public static List<Row> domain() {
    return RankedAnswers.domain("highest_costs", "highest_cost", CODES);
  }
}
