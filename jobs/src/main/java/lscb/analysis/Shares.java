package lscb.analysis;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.grouping;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lscb.schema.Schemas;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Boards giving each answer among the boards answering, nationally and by region, with Total rows.
 * Every question goes through one computation: its answers are first put in one long table
 * (topic, question, time_period, board_code, region_code, region_name, chair_type, answer).
 */
public final class Shares {
  public static final String TOTAL = "Total";

  private Shares() {}

  /**
   * The share of boards giving each answer of each question, as answer_share rows; boards answering =
   * boards with at least one answer row for the question. Every (topic, question, answer) of
   * {@code domain} gets a row, with 0 when no board gave it. Spark counts the boards per answer and per
   * question in one grouping-sets aggregation (nationally and by region); the counts, bounded by
   * questions x answers x regions, are collected and the grid, Total rows and percentages finished here.
   */
  static Dataset<Row> of(Dataset<Row> answers, List<Row> domain) {
    List<Column> group = List.of(col("time_period"), col("geographic_level"), col("region_code"),
        col("region_name"), col("topic"), col("question"), col("chair_type"));
    List<Column> withAnswer = new ArrayList<>(group);
    withAnswer.add(col("answer"));
    List<Row> counts = Geo.nationalAndRegional(answers).drop(Geo.GEO_KEY)
        .groupingSets(seq(List.of(seq(withAnswer), seq(group))), withAnswer.toArray(new Column[0]))
        .agg(countDistinct("board_code").as("boards"), grouping("answer").as("is_question"))
        .collectAsList();
    Map<List<Object>, Long> answering = new LinkedHashMap<>();
    Map<List<Object>, Long> given = new HashMap<>();
    Map<List<String>, Set<String>> codes = new LinkedHashMap<>();
    domain.forEach(d -> codes.computeIfAbsent(List.of(d.getString(0), d.getString(1)), k -> new LinkedHashSet<>())
        .add(d.getString(2)));  // domain rows: (topic, question, answer)
    for (Row r : counts) {
      List<Object> key = Arrays.asList(r.getAs("time_period"), r.getAs("geographic_level"), r.getAs("region_code"),
          r.getAs("region_name"), r.getAs("topic"), r.getAs("question"), r.getAs("chair_type"));
      long boards = r.getAs("boards");
      if (r.<Byte>getAs("is_question") == 1) {
        answering.put(key, boards);
      } else {
        List<Object> withCode = new ArrayList<>(key);
        withCode.add(r.getAs("answer"));
        given.put(withCode, boards);
        codes.computeIfAbsent(List.of(r.getAs("topic"), r.getAs("question")), k -> new LinkedHashSet<>())
            .add(r.getAs("answer"));
      }
    }
    List<Row> out = new ArrayList<>();
    answering.forEach((key, n) -> {
      List<String> answersOf = new ArrayList<>(codes.getOrDefault(List.of((String) key.get(4), (String) key.get(5)),
          Set.of()));
      answersOf.add(TOTAL);
      for (String answer : answersOf) {
        List<Object> withCode = new ArrayList<>(key);
        withCode.add(answer);
        long boards = answer.equals(TOTAL) ? n : given.getOrDefault(withCode, 0L);
        out.add(Schemas.row("answer_share").set("time_period", key.get(0)).set("time_identifier", Geo.CALENDAR_YEAR)
            .set("geographic_level", key.get(1)).set("country_code", Geo.ENGLAND_CODE).set("country_name", Geo.ENGLAND_NAME)
            .set("region_code", key.get(2)).set("region_name", key.get(3)).set("topic", key.get(4))
            .set("question", key.get(5)).set("chair_type", key.get(6)).set("answer", answer).set("boards", boards)
            .set("boards_answering", n).set("pct", n > 0 ? 100.0 * boards / n : null).build());
      }
    });
    return answers.sparkSession().createDataFrame(out, Schemas.of("answer_share"));
  }

  private static <T> scala.collection.immutable.Seq<T> seq(List<T> list) {
    return scala.jdk.javaapi.CollectionConverters.asScala(list).toList();
  }

  /** A single-answer question of the returns: its answer column (null = not answered). */
  record Question(String topic, String question, Column answer, boolean byChairType) {}

  /**
   * Long answer rows of single-answer questions, from one pass over the returns (one exploded row per
   * question answered); a question {@code byChairType} also appears under the board's chair type.
   */
  static Dataset<Row> single(Dataset<Row> returns, List<Question> questions) {
    List<Column> entries = new ArrayList<>();
    for (Question q : questions) {
      entries.add(entry(q, lit(TOTAL)));
      if (q.byChairType()) {
        entries.add(entry(q, col("chair_type")));
      }
    }
    return returns.select(col("time_period"), col("board_code"), col("region_code"), col("region_name"),
            explode(array(entries.toArray(new Column[0]))).as("q"))
        .where(col("q.answer").isNotNull().and(col("q.chair_type").isNotNull()))
        .select(col("q.topic").as("topic"), col("q.question").as("question"), col("time_period"),
            col("board_code"), col("region_code"), col("region_name"), col("q.chair_type").as("chair_type"),
            col("q.answer").as("answer"));
  }

  private static Column entry(Question q, Column chairType) {
    return struct(lit(q.topic()).as("topic"), lit(q.question()).as("question"),
        chairType.cast("string").as("chair_type"), q.answer().cast("string").as("answer"));
  }

  /** Long answer rows of a list question (one row per item a board gave), under Total. */
  static Dataset<Row> listed(Dataset<Row> rows, String topic, String question, Column item) {
    return rows.select(lit(topic).as("topic"), lit(question).as("question"), col("time_period"),
        col("board_code"), col("region_code"), col("region_name"), lit(TOTAL).as("chair_type"),
        item.as("answer"));
  }

  /** Domain rows (topic, question, answer) for the given codes. */
  static List<Row> domain(String topic, String question, List<String> codes) {
    List<Row> out = new ArrayList<>();
    codes.forEach(code -> out.add(RowFactory.create(topic, question, code)));
    return out;
  }

  /** numerator / denominator as a percentage (0-100), null when nobody answered. */
  static Column percent(Column numerator, Column denominator) {
    return when(denominator.gt(0), numerator.multiply(100.0).divide(denominator)).cast("double");
  }
}
