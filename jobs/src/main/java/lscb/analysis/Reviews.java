package lscb.analysis;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import lscb.ingest.Codes;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;

/** Reviews: child death overview panels and the distribution of serious case reviews (Table 4), 2007. */
public final class Reviews {
  public static final List<String> BANDS = List.of("0", "1", "2", "3", "4", "5 or more");

  private Reviews() {}

  /** The questions (topic reviews, 2007 only): cdop, scr_commissioned and scr_completed (bands 0..4, 5 or more). */
  static List<Shares.Question> questions() {
    return List.of(new Shares.Question("reviews", "cdop", col("cdop"), false),
        new Shares.Question("reviews", "scr_commissioned", band(col("scr_commissioned")), false),
        new Shares.Question("reviews", "scr_completed", band(col("scr_completed")), false));
  }

  /** The answers that always get a row. */
  public static List<Row> domain() {
    List<Row> out = new ArrayList<>(Shares.domain("reviews", "cdop", Codes.CDOP));
    out.addAll(Shares.domain("reviews", "scr_commissioned", BANDS));
    out.addAll(Shares.domain("reviews", "scr_completed", BANDS));
    return out;
  }

  /** A count as its Table 4 band: "0" ... "4", "5 or more"; null stays null (not answered). */
  static Column band(Column count) {
    return when(count.geq(5), "5 or more").otherwise(count.cast("string"));
  }
}
