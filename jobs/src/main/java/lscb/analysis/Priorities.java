package lscb.analysis;

import java.util.List;
import lscb.ingest.Codes;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Priorities (Table 3): the share of boards naming each priority among their top four. */
public final class Priorities {
  private Priorities() {}

  /** Long answer rows, topic priorities: questions priority_top_four and priority_first. */
  public static Dataset<Row> answers(Canonical in) {
    return RankedAnswers.answers(in, in.priorities(), "priority", "priority_rank", "priorities", "priority");
  }

  /** The answers that always get a row. */
  public static List<Row> domain() {
    return RankedAnswers.domain("priorities", "priority", Codes.PRIORITIES);
  }
}
