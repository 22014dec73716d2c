package lscb.analysis;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import lscb.ingest.Codes;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;

/** Influence: lead-member arrangements and the chief executive's direct contact, by chair type (2007). */
public final class Influence {
  public static final List<String> YES_NO = List.of("Yes", "No");

  private Influence() {}

  /** The questions (topic influence, 2007 only), by chair type: lead_member, chief_executive_contact (Yes/No). */
  static List<Shares.Question> questions() {
    return List.of(new Shares.Question("influence", "lead_member", col("lead_member"), true),
        new Shares.Question("influence", "chief_executive_contact", yesNo(col("chief_executive_contact")), true));
  }

  /** The answers that always get a row. */
  public static List<Row> domain() {
    List<Row> out = new ArrayList<>(Shares.domain("influence", "lead_member", Codes.LEAD_MEMBER));
    out.addAll(Shares.domain("influence", "chief_executive_contact", YES_NO));
    return out;
  }

  static Column yesNo(Column flag) {
    return when(flag, "Yes").when(flag.equalTo(false), "No");
  }
}
