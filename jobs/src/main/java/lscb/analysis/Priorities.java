package lscb.analysis;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Priorities (Table 3): the share of boards naming each priority among their top four. */
public final class Priorities {
  public static final List<String> CODES = List.of("SAFE_WORKFORCE", "CHILD_PROTECTION_SERVICE",
      "CHILD_DEATH_REVIEW", "WIDER_SAFEGUARDING_AWARENESS", "QUALITY_ASSURANCE", "LSCB_EFFECTIVENESS",
      "BULLYING", "DOMESTIC_VIOLENCE", "TRAINING", "PROCEDURES", "LOOKED_AFTER_CHILDREN",
      "PRIVATE_FOSTERING", "SUBSTANCE_MISUSE", "SEXUAL_EXPLOITATION", "GANGS_AND_VIOLENCE",
      "HIDDEN_CHILDREN", "PARTICIPATION", "OTHER");

  private Priorities() {}

  /** Long answer rows, topic priorities: questions priority_top_four and priority_first. */
  public static Dataset<Row> answers(Canonical in) {
    return RankedAnswers.answers(in, in.priorities(), "priority", "priority_rank", "priorities", "priority");
  }

  /** The answers that always get a row. */
  public static List<Row> domain() {
    return RankedAnswers.domain("priorities", "priority", CODES);
  }
}
