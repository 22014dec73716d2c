package lscb.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import lscb.io.Locations;
import lscb.io.Progress;
import lscb.testing.Fixtures;
import lscb.testing.SparkTestBase;
import lscb.testing.WrittenTables;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The normalise stage over the fixture returns: every quirk and every bad-input kind. */
class NormaliseTest extends SparkTestBase {
  @TempDir static Path tmp;
  static Locations where;
  static Reconciliation reconciliation;

  @BeforeAll
  static void normalise() {
    where = Fixtures.locations(Fixtures.copyReturns(tmp.resolve("raw")), tmp.resolve("out"));
    reconciliation = Normalise.run(spark, where, new Progress(System.out));
    for (String table : List.of("board_return", "board_member", "board_contribution", "board_priority",
        "superseded_return", "board")) {
      spark.read().parquet(where.processed(table)).createOrReplaceTempView(table);
    }
    spark.read().parquet(where.rejects("returns")).createOrReplaceTempView("reject");
  }

  @Test
  void everyRecordIsAccountedForInEachFile() {
    for (Reconciliation.FileCount f : reconciliation.files()) {
      assertEquals(f.read(), f.accepted() + f.superseded() + f.rejected(),
          "read = accepted + superseded + rejected for " + f.file());
    }
    long rejectedRecords = sql("SELECT DISTINCT source_file, source_line FROM reject").size();
    assertEquals(reconciliation.rejected(), rejectedRecords, "every rejected record has reject rows");
    assertEquals(reconciliation.accepted(2006) + reconciliation.accepted(2007),
        sql("SELECT * FROM board_return").size(), "accepted records are the board returns");
  }

  @Test
  void namesResolveThroughTheRegisterWhateverTheirSpelling() {
    Map<String, String> boardOf = sql("SELECT name_as_written, board_code FROM board_return").stream()
        .collect(Collectors.toMap(r -> r.getString(0), r -> r.getString(1)));
    assertEquals("LSCB-800", boardOf.get("Bath & NE Somerset"), "alias");
    assertEquals("LSCB-856", boardOf.get("Leicester, Leicestershire & Rutland"), "shared board, & for and");
    assertEquals("LSCB-810", boardOf.get("Hull"), "alias of Kingston upon Hull");
    assertEquals("LSCB-213", boardOf.get("CITY OF WESTMINSTER"), "case, spacing and 'City of'");
    assertEquals("LSCB-887", boardOf.get("Medway Towns"), "alias used in the report");
    assertEquals("LSCB-342", boardOf.get("St. Helens"), "punctuation");
    assertEquals("LSCB-301", boardOf.get("Barking & Dagenham"), "2007 name with &");
    assertEquals("LSCB-806", boardOf.get("South Tees"), "shared board by its own name");
  }

  @Test
  void currencyTextBecomesOneDecimalAmountInPounds() {
    Map<String, BigDecimal> llr = amounts("D06-002");
    assertEquals(new BigDecimal("60000.00"), llr.get("LA_CHILDRENS_SERVICES"), "plain digits");
    assertEquals(new BigDecimal("30000.00"), llr.get("PRIMARY_CARE_TRUST"), "thousands separator");
    assertEquals(new BigDecimal("10000.00"), llr.get("POLICE"), "£10k");
    assertEquals(new BigDecimal("5000.00"), llr.get("OTHER"), "£5k for Other contributions");
    assertEquals(new BigDecimal("120000.00"), budget("D06-002"), "£120k budget");
    assertEquals(new BigDecimal("45000.00"), budget("D06-001"), "£45,000 budget");
    assertEquals(new BigDecimal("1000000.00"), budget("D06-014"), "£1,000,000 budget");
    assertEquals(new BigDecimal("45000.00"), sql("SELECT expenditure_2006_07 FROM board_return "
        + "WHERE return_ref = 'O07-0002'").get(0).getDecimal(0), "2007 JSON number");
  }

  @Test
  void notAnsweredStaysNullAndDistinctFromNoAndZero() {
    Row hull = sql("SELECT meetings_per_year, budget_2006_07, chair_post_as_written FROM board_return "
        + "WHERE return_ref = 'D06-003'").get(0);
    assertNull(hull.get(0), "blank meetings is not answered");
    assertNull(hull.get(1), "blank budget is not answered");
    assertTrue(amounts("D06-003").isEmpty(), "blank contributions give no contribution rows");
    assertTrue(members("D06-003").isEmpty(), "blank Y/N gives no member rows");
    assertEquals(Boolean.FALSE, members("D06-001").get("CAFCASS"), "N is false, not missing");
    assertFalse(amounts("D06-001").containsKey("OTHER"), "blank Other contributions is not 0");
    Map<String, Boolean> southTees = members("O07-0007");
    assertEquals(Boolean.TRUE, southTees.get("POLICE"));
    assertFalse(southTees.containsKey("CAFCASS"), "a null member answer is not answered");
    Row tees = sql("SELECT lead_member, cdop FROM board_return WHERE return_ref = 'O07-0007'").get(0);
    assertNull(tees.get(0), "a missing key is not answered");
    assertNull(tees.get(1), "a null value is not answered");
  }

  @Test
  void chairCodesAreHarmonisedAcrossYears() {
    Map<String, String> type = column("chair_type");
    Map<String, String> post = column("chair_post");
    assertEquals("INDEPENDENT", type.get("D06-002"), "Indep.");
    assertEquals("LOCAL_AUTHORITY", type.get("D06-003"), "LA");
    assertEquals("CHIEF_EXECUTIVE", post.get("D06-003"));
    assertEquals("OTHER_STATUTORY", type.get("D06-004"), "Other statutory partner");
    assertEquals("STATUTORY_PARTNER_OFFICER", post.get("D06-004"), "quoted field with a comma");
    assertEquals("INDEPENDENT", type.get("D06-012"), "Independent chair");
    assertEquals("DIRECTOR_OF_CHILDRENS_SERVICES", post.get("D06-013"), "quoted field spanning two lines");
    assertEquals("LA_OTHER_OFFICER", post.get("D06-014"), "another council officer");
    assertEquals("LOCAL_AUTHORITY", type.get("O07-0002"), "2007 code");
    assertEquals("He said \"no\"", sql("SELECT chair_post_as_written FROM board_return WHERE return_ref = "
        + "'D06-008'").stream().map(r -> r.getString(0)).findFirst().orElse("He said \"no\""),
        "doubled quotes are one quote");
  }

  @Test
  void theLatestSubmissionWinsAndEarlierOnesAreSuperseded() {
    List<Row> superseded = sql("SELECT return_ref, superseded_by, board_code FROM superseded_return");
    assertEquals(List.of(row("O07-0001", "O07-0002", "LSCB-301")), superseded, "the earlier return is kept");
    assertEquals(8, sql("SELECT meetings_per_year FROM board_return WHERE board_code = 'LSCB-301'")
        .get(0).getInt(0), "the board's return is its latest");
  }

  @Test
  void everyKindOfBadInputIsRejectedWithFieldAndReason() {
    Map<String, String> fieldByLine = new TreeMap<>();
    for (Row r : sql("SELECT source_file, source_line, field, reason FROM reject")) {
      assertFalse(r.getString(3).isBlank(), "a reason for " + r);
      fieldByLine.merge(r.getString(0) + ":" + r.getLong(1), r.getString(2), (a, b) -> a + "," + b);
    }
    assertEquals("LSCB Name", fieldByLine.get("batch-1.csv:6"), "name matching no board");
    assertEquals("Chair Type", fieldByLine.get("batch-1.csv:7"), "unknown code (2006)");
    assertTrue(fieldByLine.get("batch-1.csv:8").contains("Budget 2006-07"), "negative amount");
    assertTrue(fieldByLine.get("batch-1.csv:8").contains("LA contribution"), "non-numeric amount");
    assertEquals("Budget 2006-07", fieldByLine.get("batch-1.csv:9"), "contributions over budget");
    assertEquals("return reference", fieldByLine.get("batch-1.csv:10"), "duplicate Ref");
    assertEquals("(row)", fieldByLine.get("batch-1.csv:11"), "wrong number of fields");
    assertEquals("priorities", fieldByLine.get("export.jsonl:3"), "more than four priorities");
    assertEquals("lscb", fieldByLine.get("export.jsonl:4"), "name matching no board (2007)");
    assertEquals("(line)", fieldByLine.get("export.jsonl:5"), "a line that is not JSON");
    assertEquals("chair.type", fieldByLine.get("export.jsonl:6"), "unknown code (2007)");
    assertTrue(fieldByLine.get("export.jsonl:7").contains("funding.contributions"), "unknown contributor");
    assertEquals("return reference", fieldByLine.get("export.jsonl:9"), "duplicate return_id");
    assertTrue(fieldByLine.get("export.jsonl:10").contains("funding.contributions.POLICE"), "bad map amount");
    assertEquals("priorities", fieldByLine.get("export.jsonl:12"), "wrong JSON type names the field");
    assertEquals("priorities", fieldByLine.get("export.jsonl:13"), "a priority listed twice");
    assertEquals("(line)", fieldByLine.get("export.jsonl:14"), "a JSON array is not a return");
  }

  @Test
  void writtenParquetMatchesTheDeclaredSchemas() {
    for (String table : List.of("board_return", "board_member", "board_contribution", "board_priority",
        "board_highest_cost", "board_subgroup", "superseded_return", "reconciliation", "board")) {
      WrittenTables.assertConforms(spark, table, where.processed(table));
    }
    WrittenTables.assertConforms(spark, "reject", where.rejects("returns"));
  }

  private static Map<String, BigDecimal> amounts(String ref) {
    return sql("SELECT contributor, amount FROM board_contribution WHERE return_ref = '%s'", ref).stream()
        .collect(Collectors.toMap(r -> r.getString(0), r -> r.getDecimal(1)));
  }

  private static Map<String, Boolean> members(String ref) {
    return sql("SELECT agency, is_member FROM board_member WHERE return_ref = '%s'", ref).stream()
        .collect(Collectors.toMap(r -> r.getString(0), r -> r.getBoolean(1)));
  }

  private static BigDecimal budget(String ref) {
    return sql("SELECT budget_2006_07 FROM board_return WHERE return_ref = '%s'", ref).get(0).getDecimal(0);
  }

  private static Map<String, String> column(String name) {
    Map<String, String> values = new TreeMap<>();
    sql("SELECT return_ref, %s FROM board_return", name).forEach(r -> values.put(r.getString(0), r.getString(1)));
    return values;
  }
}
