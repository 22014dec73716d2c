package lscb.analysis;

import java.util.List;
import lscb.ingest.Codes;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Highest costs: the share of boards naming each item among their (up to four) highest costs. */
public final class HighestCosts {
  private HighestCosts() {}

  /** Long answer rows, topic highest_costs: questions highest_cost_top_four and highest_cost_first. */
  public static Dataset<Row> answers(Canonical in) {
    return RankedAnswers.answers(in, in.highestCosts(), "cost_item", "cost_rank", "highest_costs", "highest_cost");
  }

  /** The answers that always get a row. */
  public static List<Row> domain() {
    return RankedAnswers.domain("highest_costs", "highest_cost", Codes.HIGHEST_COSTS);
  }
}
