package lscb.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import lscb.analysis.Geo;
import lscb.analysis.Shares;
import lscb.io.Inputs;
import lscb.io.Locations;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Where each published figure is found in the analysis outputs (data/published/README.md gives the
 * definitions). Reads the small national slices of the analysis tables once.
 */
public final class FigureSources {
  static final String LONDON = "E12000007";
  static final String WEST_MIDLANDS = "E12000005";

  private final List<Row> answers;
  private final List<Row> structure;
  private final List<Row> severalBoards;
  private final List<Row> membership;
  private final List<Row> funding;
  private final List<Row> extremes;
  private final List<Row> spendSummary;
  private final long londonPoliceAt2;

  private FigureSources(SparkSession spark, Locations locations) {
    answers = national(table(spark, locations, "answer_share"))
        .select("time_period", "question", "chair_type", "answer", "boards", "pct").collectAsList();
    structure = national(table(spark, locations, "board_structure")).select("time_period",
        "boards_responding", "boards_meeting_less_than_quarterly", "max_organisations").collectAsList();
    severalBoards = table(spark, locations, "chair_several_boards")
        .select("chair_type", "boards_chaired", "returns", "fewest_distinct_chairs").collectAsList();
    membership = national(table(spark, locations, "membership")).where(col("time_period").equalTo(2007))
        .select("agency", "boards_with_member", "boards_without_member", "pct_with_member").collectAsList();
    funding = table(spark, locations, "funding_contributor").where(col("time_period").equalTo(2007))
        .select("geographic_level", "region_code", "contributor", "share_of_all_money_pct",
            "min_board_share_pct", "max_board_share_pct").collectAsList();
    extremes = table(spark, locations, "spend_extremes")
        .select("extreme", "spend_basis", "spend", "spend_per_child").collectAsList();
    spendSummary = national(table(spark, locations, "spend_summary"))
        .select("spend_basis", "pct_planning_same_or_less").collectAsList();
    londonPoliceAt2 = table(spark, locations, "funding_board_share")
        .where(col("time_period").equalTo(2007).and(col("region_code").equalTo(LONDON))
            .and(col("contributor").equalTo("POLICE")))
        .agg(count_if(round(col("board_share_pct"), 0).equalTo(lit(2.0)))).first().getLong(0);
  }

  /** Reads the analysis outputs under {@code locations}. */
  public static FigureSources read(SparkSession spark, Locations locations) {
    return new FigureSources(spark, locations);
  }

  /** The pipeline's value of a published figure part, or null when the outputs do not hold it. */
  public Double value(String id, String part) {
    int year = part.matches("\\d{4}") ? Integer.parseInt(part) : 2007;
    return switch (id) {
      case "R1", "R2" -> find(structure, r -> period(r) == year, "boards_responding");
      case "C1" -> answer(year, "chair_type", "LOCAL_AUTHORITY", "pct");
      case "C2" -> answer(year, "chair_type", "OTHER_STATUTORY", "pct");
      case "C3" -> answer(year, "chair_type", "INDEPENDENT", "pct");
      case "C4" -> answer(year, "chair_post", "CHIEF_EXECUTIVE", "boards");
      case "C5" -> answer(year, "chair_post", "DIRECTOR_OF_CHILDRENS_SERVICES", "pct");
      case "C6" -> answer(year, "chair_post", "LA_OTHER_OFFICER", "pct");
      case "C7" -> find(severalBoards, r -> text(r, "chair_type").equals(Shares.TOTAL)
          && text(r, "boards_chaired").equals("2 or more"), "fewest_distinct_chairs");
      case "C8" -> severalBoards.stream()
          .filter(r -> text(r, "boards_chaired").matches("\\d+") && r.<Long>getAs("returns") > 0)
          .mapToDouble(r -> Double.parseDouble(text(r, "boards_chaired"))).max().stream().boxed().findFirst().orElse(null);
      case "S1" -> find(structure, r -> period(r) == year, "boards_meeting_less_than_quarterly");
      case "M1" -> member("YOUTH_OFFENDING_SERVICE", "boards_without_member");
      case "M2" -> member("CONNEXIONS", "boards_without_member");
      case "M3" -> member("CAFCASS", "boards_without_member");
      case "M4" -> member(part, "boards_without_member");
      case "M5" -> member("VOLUNTARY_COMMUNITY", "pct_with_member");
      case "M6", "M7" -> member(part, "pct_with_member");
      case "M8" -> member("DESIGNATED_DOCTOR_NURSE", "boards_without_member");
      case "M9" -> member("MAPPA", "pct_with_member");
      case "M10" -> member("CPS", "boards_with_member");
      case "M11" -> member(part, "boards_with_member");
      case "M12" -> member("PRISONS_SECURE", "boards_with_member");
      case "M13" -> find(structure, r -> period(r) == 2007, "max_organisations");
      case "F1" -> extreme("smallest_expenditure_2006_07", "Actual", part);
      case "F2" -> extreme("smallest_expenditure_2006_07", "Planned", part);
      case "F3" -> extreme("largest_expenditure_2006_07", "Actual", part);
      case "F4" -> extreme("largest_expenditure_2006_07", "Planned", part);
      case "F5" -> find(spendSummary, r -> text(r, "spend_basis").equals("Planned"), "pct_planning_same_or_less");
      case "F6" -> contributor(Geo.NATIONAL, null, part, "share_of_all_money_pct");
      case "F7" -> contributor(Geo.NATIONAL, null, "LA_CHILDRENS_SERVICES", part + "_board_share_pct");
      case "F8" -> contributor(Geo.NATIONAL, null, "PRIMARY_CARE_TRUST", part + "_board_share_pct");
      case "F9" -> part.equals("at_2pct") ? (double) londonPoliceAt2
          : contributor(Geo.REGIONAL, LONDON, "POLICE", "max_board_share_pct");
      case "F10" -> contributor(Geo.REGIONAL, WEST_MIDLANDS, "POLICE", part + "_board_share_pct");
      case "A1" -> part.equals("none") ? answer(2007, "lead_member", "NONE", "boards")
          : sum(answers.stream().filter(r -> period(r) == 2007 && text(r, "question").equals("lead_member")
              && text(r, "answer").equals("NONE") && !text(r, "chair_type").equals(Shares.TOTAL)
              && !text(r, "chair_type").equals("INDEPENDENT")).toList(), "boards");
      case "A2" -> answer(2007, "chief_executive_contact", "No", "pct");
      case "P1", "P2", "P3" -> answer(2007, "priority_top_four", part, "pct");
      case "D1" -> answer(2007, "cdop", "IN_PLACE", "boards");
      case "D2" -> answer(2007, "scr_commissioned", "0", "pct");
      case "D3" -> answer(2007, "scr_completed", "5 or more", "boards");
      default -> null;
    };
  }

  private Double answer(int year, String question, String answer, String column) {
    return find(answers, r -> period(r) == year && text(r, "question").equals(question)
        && text(r, "chair_type").equals(Shares.TOTAL) && text(r, "answer").equals(answer), column);
  }

  private Double member(String agency, String column) {
    return find(membership, r -> text(r, "agency").equals(agency), column);
  }

  private Double extreme(String extreme, String basis, String part) {
    String column = part.equals("per_child") ? "spend_per_child" : "spend";
    return find(extremes, r -> text(r, "extreme").equals(extreme) && text(r, "spend_basis").equals(basis), column);
  }

  private Double contributor(String level, String region, String contributor, String column) {
    return find(funding, r -> text(r, "geographic_level").equals(level)
        && Objects.equals(text(r, "region_code"), region) && text(r, "contributor").equals(contributor), column);
  }

  private static Double find(List<Row> rows, Predicate<Row> where, String column) {
    return rows.stream().filter(where).findFirst().map(r -> number(r.getAs(column))).orElse(null);
  }

  private static Double sum(List<Row> rows, String column) {
    return rows.stream().mapToDouble(r -> number(r.getAs(column))).sum();
  }

  private static String text(Row row, String column) {
    return row.getAs(column);
  }

  private static int period(Row row) {
    return row.<Integer>getAs("time_period");
  }

  private static Double number(Object value) {
    return value == null ? null : ((Number) value).doubleValue();
  }

  private static Dataset<Row> national(Dataset<Row> rows) {
    return rows.where(col("geographic_level").equalTo(Geo.NATIONAL));
  }

  private static Dataset<Row> table(SparkSession spark, Locations locations, String table) {
    return Inputs.table(spark, locations.analysis(table), table, "analyse");
  }
}
