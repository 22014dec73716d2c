package lscb.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import lscb.analysis.CanonicalFixture.Return;
import lscb.ingest.Codes;
import lscb.ingest.Normalise;
import lscb.io.Locations;
import lscb.io.Outputs;
import lscb.io.Progress;
import lscb.schema.Schemas;
import lscb.testing.Fixtures;
import lscb.testing.SparkTestBase;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A different set of 2007 returns, written in the raw Ofsted JSON Lines format and taken through the
 * real normaliser: the analyses agree with a plain-Java count of the same returns.
 */
class RawReturnsTest extends SparkTestBase {
  @TempDir
  static Path dir;

  @Test
  void analysesOfRawReturnsAgreeWithAPlainJavaCalculation() throws Exception {
    List<Return> returns = CanonicalFixture.draw(777L, 144).returns.stream().filter(r -> r.year == 2007).toList();
    Path raw = dir.resolve("raw");
    Files.createDirectories(raw.resolve("returns/2007"));
    Files.createDirectories(raw.resolve("returns/2006"));
    Files.copy(Fixtures.repository().resolve("jobs/src/test/resources/fixtures/returns/2006/batch-1.csv"),
        raw.resolve("returns/2006/batch-1.csv"));
    Files.writeString(raw.resolve("returns/2007/export.jsonl"),
        returns.stream().map(RawReturnsTest::json).collect(Collectors.joining("\n", "", "\n")),
        StandardCharsets.UTF_8);
    Locations locations = Fixtures.locations(raw, dir.resolve("out"));
    Progress quiet = new Progress(new PrintStream(new ByteArrayOutputStream()));
    Normalise.run(spark, locations, quiet);
    Outputs.parquet(spark.createDataFrame(List.of(), Schemas.of("population_board")),
        locations.processed("population_board"));
    Analyses.run(spark, locations, quiet);
    List<Row> answers = rows(spark.read().schema(Schemas.of("answer_share")).parquet(locations.analysis("answer_share"))
        .where("geographic_level = 'National' and time_period = 2007 and chair_type = 'Total'"));

    List<Row> structure = rows(spark.read().schema(Schemas.of("board_structure"))
        .parquet(locations.analysis("board_structure")).where("geographic_level = 'National' and time_period = 2007"));
    assertEquals(returns.size(), (long) structure.get(0).getAs("boards_responding"), "every return accepted");
    List<Return> typed = returns.stream().filter(r -> r.chairType != null).toList();
    for (String type : Codes.CHAIR_TYPES) {
      long n = typed.stream().filter(r -> r.chairType.equals(type)).count();
      assertEquals(100.0 * n / typed.size(), value(answers, "chair_type", type, "pct"), 1e-9, type + " %");
    }
    List<Return> listed = returns.stream().filter(r -> !r.priorities.isEmpty()).toList();
    for (String p : Codes.PRIORITIES.subList(0, 8)) {
      long n = listed.stream().filter(r -> r.priorities.contains(p)).count();
      assertEquals(100.0 * n / listed.size(), value(answers, "priority_top_four", p, "pct"), 1e-9, p + " %");
    }
    assertEquals(returns.stream().filter(r -> "NONE".equals(r.leadMember)).count(),
        value(answers, "lead_member", "NONE", "boards"), 1e-9, "no lead member arrangement");
    assertEquals(returns.stream().filter(r -> r.scrCompleted != null && r.scrCompleted >= 5).count(),
        value(answers, "scr_completed", "5 or more", "boards"), 1e-9, "5 or more SCRs completed");

    List<Row> members = rows(spark.read().schema(Schemas.of("membership")).parquet(locations.analysis("membership"))
        .where("geographic_level = 'National' and time_period = 2007"));
    for (String agency : CanonicalFixture.AGENCIES) {
      long without = returns.stream().filter(r -> Boolean.FALSE.equals(r.members.get(agency))).count();
      Row row = members.stream().filter(r -> r.getAs("agency").equals(agency)).findFirst().orElseThrow();
      assertEquals(without, (long) row.getAs("boards_without_member"), agency + " boards without");
    }

    BigDecimal all = returns.stream().flatMap(r -> r.contributions.values().stream())
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    List<Row> funding = rows(spark.read().schema(Schemas.of("funding_contributor"))
        .parquet(locations.analysis("funding_contributor"))
        .where("geographic_level = 'National' and time_period = 2007"));
    for (String c : CanonicalFixture.CONTRIBUTORS) {
      BigDecimal given = returns.stream().map(r -> r.contributions.get(c)).filter(Objects::nonNull)
          .reduce(BigDecimal.ZERO, BigDecimal::add);
      Row row = funding.stream().filter(r -> r.getAs("contributor").equals(c)).findFirst().orElseThrow();
      assertEquals(100 * given.doubleValue() / all.doubleValue(), row.getAs("share_of_all_money_pct"), 1e-9,
          c + " share of all money given");
    }
  }

  private static double value(List<Row> rows, String question, String answer, String column) {
    Row row = rows.stream().filter(r -> r.getAs("question").equals(question) && r.getAs("answer").equals(answer))
        .findFirst().orElseThrow(() -> new AssertionError("no row for " + question + "=" + answer));
    return ((Number) row.getAs(column)).doubleValue();
  }

  /** The return as one line of the Ofsted export; its budget (expenditure, else plan) raised to cover the contributions. */
  static String json(Return r) {
    BigDecimal given = r.contributions.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal expenditure = r.expenditure == null || r.contributions.isEmpty() ? r.expenditure
        : r.expenditure.max(given);
    BigDecimal planned = r.planned == null || r.contributions.isEmpty() || expenditure != null ? r.planned
        : r.planned.max(given);
    List<String> members = new ArrayList<>();
    r.members.forEach((agency, is) -> members.add(q(agency) + ": " + is));
    List<String> contributions = new ArrayList<>();
    r.contributions.forEach((c, amount) -> contributions.add(q(c) + ": " + amount.toPlainString()));
    return "{\"return_id\": " + q(r.ref) + ", \"lscb\": " + q(r.boardName)
        + ", \"submitted\": \"2007-11-02T14:31:00Z\""
        + ", \"chair\": {\"type\": " + q(r.chairType) + ", \"post\": " + q(r.chairPost)
        + ", \"boards_chaired\": " + r.boardsChaired + "}"
        + ", \"meetings_per_year\": " + r.meetings
        + ", \"members\": {" + String.join(", ", members) + "}"
        + ", \"contributing_organisations\": " + r.organisations
        + ", \"funding\": {\"expenditure_2006_07\": " + plain(expenditure) + ", \"planned_2007_08\": "
        + plain(planned) + ", \"contributions\": {" + String.join(", ", contributions) + "}}"
        + ", \"highest_costs\": " + list(r.costs) + ", \"lead_member\": " + q(r.leadMember)
        + ", \"chief_executive_contact\": " + r.ceContact + ", \"priorities\": " + list(r.priorities)
        + ", \"cdop\": " + q(r.cdop) + ", \"serious_case_reviews\": {\"commissioned\": " + r.scrCommissioned
        + ", \"completed\": " + r.scrCompleted + "}}";
  }

  private static String q(String s) {
    return s == null ? "null" : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String plain(BigDecimal amount) {
    return amount == null ? "null" : amount.toPlainString();
  }

  private static String list(List<String> items) {
    return items.isEmpty() ? "null" : items.stream().map(RawReturnsTest::q).collect(Collectors.joining(", ", "[", "]"));
  }
}
