package lscb.analysis;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Ranked-list questions (priorities, highest costs): the item anywhere in the board's list, and first. */
final class RankedAnswers {
  private RankedAnswers() {}

  /**
   * Long answer rows: question {@code <name>_top_four} (anywhere in the list) and {@code <name>_first}
   * (ranked first); a board answers when its list is not empty.
   */
  static Dataset<Row> answers(Canonical in, Dataset<Row> table, String itemColumn, String rankColumn,
      String topic, String name) {
    Dataset<Row> rows = in.ofAcceptedReturns(table);
    Dataset<Row> first = rows.where(col(rankColumn).equalTo(1));
    return Shares.listed(rows, topic, name + "_top_four", col(itemColumn))
        .unionByName(Shares.listed(first, topic, name + "_first", col(itemColumn)));
  }

  /** Both questions' domains. */
  static List<Row> domain(String topic, String name, List<String> codes) {
    List<Row> out = new ArrayList<>(Shares.domain(topic, name + "_top_four", codes));
    out.addAll(Shares.domain(topic, name + "_first", codes));
    return out;
  }
}
