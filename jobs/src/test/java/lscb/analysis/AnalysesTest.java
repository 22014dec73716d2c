package lscb.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import lscb.analysis.CanonicalFixture.Return;
import lscb.ingest.Codes;
import lscb.io.Locations;
import lscb.io.Progress;
import lscb.schema.Schemas;
import lscb.testing.Fixtures;
import lscb.testing.SparkTestBase;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analyses on a drawn set of returns agree with a plain-Java calculation of the same shares and counts. */
class AnalysesTest extends SparkTestBase {
  static final double EPS = 1e-9;
  @TempDir
  static Path dir;
  static CanonicalFixture fixture;
  static Locations locations;
  static String progress;

  @BeforeAll
  static void runAnalyses() {
    fixture = CanonicalFixture.draw(20071102L, 144);
    locations = fixture.write(spark, dir);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Analyses.run(spark, locations, new Progress(new PrintStream(out, true)));
    progress = out.toString();
  }

  static List<Row> table(String name) {
    return rows(spark.read().schema(Schemas.of(name)).parquet(locations.analysis(name)));
  }

  static List<Return> year(int year) {
    return fixture.returns.stream().filter(r -> r.year == year).toList();
  }

  static Row only(List<Row> rows, Predicate<Row> where, String what) {
    List<Row> found = rows.stream().filter(where).toList();
    assertEquals(1, found.size(), "exactly one row should hold " + what);
    return found.get(0);
  }

  static boolean national(Row r) {
    return r.getAs("geographic_level").equals("National");
  }

  static Row answer(int year, String level, String region, String question, String chairType, String answer) {
    return only(table("answer_share"), r -> (int) r.getAs("time_period") == year
        && r.getAs("geographic_level").equals(level) && Objects.equals(r.getAs("region_code"), region)
        && r.getAs("question").equals(question) && r.getAs("chair_type").equals(chairType)
        && r.getAs("answer").equals(answer), question + "=" + answer + " " + year + " " + level + " " + region);
  }

  static double pct(long part, long whole) {
    return 100.0 * part / whole;
  }

  @Test
  void progressLineCountsTheResponses() {
    assertTrue(progress.contains("2007: " + year(2007).size() + " boards responding"),
        "the analyse stage's line should count the 2007 returns: " + progress);
  }

  @Test
  void chairTypeSharesPerYearNationallyAndByRegion() {
    for (int y : new int[] {2006, 2007}) {
      List<Return> answered = year(y).stream().filter(r -> r.chairType != null).toList();
      for (String type : Codes.CHAIR_TYPES) {
        long n = answered.stream().filter(r -> r.chairType.equals(type)).count();
        Row row = answer(y, "National", null, "chair_type", "Total", type);
        assertEquals(n, (long) row.getAs("boards"), type + " boards " + y);
        assertEquals(answered.size(), (long) row.getAs("boards_answering"), "n answering chair type " + y);
        assertEquals(pct(n, answered.size()), row.getAs("pct"), EPS, type + " % " + y);
      }
      Map<String, List<Return>> byRegion = answered.stream().collect(Collectors.groupingBy(r -> r.region));
      byRegion.forEach((region, rs) -> {
        long n = rs.stream().filter(r -> r.chairType.equals("INDEPENDENT")).count();
        assertEquals(pct(n, rs.size()), answer(y, "Regional", region, "chair_type", "Total", "INDEPENDENT")
            .getAs("pct"), EPS, "independent % in " + region + " " + y);
      });
    }
    long ce2006 = year(2006).stream().filter(r -> "CHIEF_EXECUTIVE".equals(r.chairPost)).count();
    assertEquals(ce2006, (long) answer(2006, "National", null, "chair_post", "Total", "CHIEF_EXECUTIVE")
        .getAs("boards"), "boards chaired by a chief executive, 2006");
  }

  @Test
  void chairTypeChangeMatchesATwoByTwoChiSquare() {
    long[] a = new long[2];
    long[] n = new long[2];
    for (int i = 0; i < 2; i++) {
      List<Return> answered = year(2006 + i).stream().filter(r -> r.chairType != null).toList();
      n[i] = answered.size();
      a[i] = answered.stream().filter(r -> r.chairType.equals("INDEPENDENT")).count();
    }
    double b0 = n[0] - a[0];
    double b1 = n[1] - a[1];
    double total = n[0] + n[1];
    double chi = total * Math.pow(a[0] * b1 - b0 * a[1], 2)
        / ((double) n[0] * n[1] * (a[0] + a[1]) * (b0 + b1));
    double p = 1 - new ChiSquaredDistribution(1).cumulativeProbability(chi);
    Row row = only(table("chair_type_change"), r -> national(r) && r.getAs("chair_type").equals("INDEPENDENT"),
        "the national independent change");
    assertEquals(pct(a[1], n[1]) - pct(a[0], n[0]), row.getAs("change_pp"), EPS, "change in pp");
    assertEquals(chi, row.getAs("chi_square"), 1e-9, "chi-square of the 2x2 table");
    assertEquals(p, row.getAs("p_value"), 1e-9, "p-value of the 2x2 table");
    Row whole = only(table("chair_type_change"), r -> national(r) && r.getAs("chair_type").equals("Total"),
        "the national test of the whole distribution");
    assertEquals(2, (int) whole.getAs("degrees_of_freedom"), "3 chair types x 2 years has 2 df");
  }

  @Test
  void fewestDistinctChairsOfSeveralBoards() {
    Map<Integer, Long> byK = year(2007).stream()
        .filter(r -> "INDEPENDENT".equals(r.chairType) && r.boardsChaired != null && r.boardsChaired >= 2)
        .collect(Collectors.groupingBy(r -> r.boardsChaired, Collectors.counting()));
    long fewest = byK.entrySet().stream().mapToLong(e -> (e.getValue() + e.getKey() - 1) / e.getKey()).sum();
    assertTrue(fewest > 0, "the fixture should have independent chairs of several boards");
    Row row = only(table("chair_several_boards"), r -> r.getAs("chair_type").equals("INDEPENDENT")
        && r.getAs("boards_chaired").equals("2 or more"), "independent chairs of 2 or more boards");
    assertEquals(fewest, (long) row.getAs("fewest_distinct_chairs"), "sum over k>=2 of ceil(returns/k)");
  }

  @Test
  void membershipGapsOverBoardsAnsweringForEachAgency() {
    for (String agency : CanonicalFixture.AGENCIES) {
      List<Return> answered = year(2007).stream().filter(r -> r.members.containsKey(agency)).toList();
      long without = answered.stream().filter(r -> !r.members.get(agency)).count();
      Row row = only(table("membership"), r -> national(r) && (int) r.getAs("time_period") == 2007
          && r.getAs("agency").equals(agency), agency);
      assertEquals(without, (long) row.getAs("boards_without_member"), agency + " boards without");
      assertEquals(answered.size(), (long) row.getAs("boards_answering"), agency + " n");
      assertEquals(pct(answered.size() - without, answered.size()), row.getAs("pct_with_member"), EPS,
          agency + " % with");
    }
  }

  @Test
  void boardStructureCountsAndMedians() {
    List<Return> r07 = year(2007);
    Row row = only(table("board_structure"), r -> national(r) && (int) r.getAs("time_period") == 2007, "2007");
    assertEquals(r07.size(), (long) row.getAs("boards_responding"), "boards responding");
    assertEquals(r07.stream().filter(r -> r.meetings != null && r.meetings < 4).count(),
        (long) row.getAs("boards_meeting_less_than_quarterly"), "meeting less than quarterly");
    assertEquals(r07.stream().map(r -> r.organisations).filter(Objects::nonNull).max(Integer::compare).orElseThrow(),
        (int) row.getAs("max_organisations"), "most organisations");
    assertEquals(median(r07.stream().map(r -> r.meetings).filter(Objects::nonNull).map(Double::valueOf).toList()),
        row.getAs("median_meetings"), EPS, "median meetings");
  }

  static double median(List<Double> values) {
    List<Double> s = values.stream().sorted().toList();
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  /** Board's own shares of a contributor (boards giving it), by board. */
  static Map<Return, Double> ownShares(String contributor, Predicate<Return> which) {
    Map<Return, Double> out = new LinkedHashMap<>();
    for (Return r : year(2007)) {
      BigDecimal total = r.contributions.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
      if (which.test(r) && r.contributions.containsKey(contributor) && total.signum() > 0) {
        out.put(r, 100 * r.contributions.get(contributor).doubleValue() / total.doubleValue());
      }
    }
    return out;
  }

  @Test
  void fundingTable2BothWaysAndTheSpreadOfBoardShares() {
    BigDecimal all = year(2007).stream().flatMap(r -> r.contributions.values().stream())
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    for (String c : CanonicalFixture.CONTRIBUTORS) {
      BigDecimal given = year(2007).stream().map(r -> r.contributions.get(c)).filter(Objects::nonNull)
          .reduce(BigDecimal.ZERO, BigDecimal::add);
      List<Double> shares = new ArrayList<>(ownShares(c, r -> true).values());
      Row row = only(table("funding_contributor"), r -> national(r) && (int) r.getAs("time_period") == 2007
          && r.getAs("contributor").equals(c), c);
      assertEquals(100 * given.doubleValue() / all.doubleValue(), row.getAs("share_of_all_money_pct"), 1e-9,
          c + " pooled share");
      assertEquals(shares.stream().mapToDouble(Double::doubleValue).average().orElseThrow(),
          row.getAs("mean_of_board_shares_pct"), 1e-9, c + " mean of board shares");
      assertEquals(shares.stream().min(Double::compare).orElseThrow(), row.getAs("min_board_share_pct"), 1e-9,
          c + " min share");
      assertEquals(median(shares), row.getAs("median_board_share_pct"), 1e-9, c + " median share");
      assertEquals(shares.size(), (long) row.getAs("boards_giving"), c + " n boards giving");
    }
    String london = "E12000007";
    double londonMax = ownShares("POLICE", r -> r.region.equals(london)).values().stream()
        .max(Double::compare).orElseThrow();
    Row region = only(table("funding_contributor"), r -> r.getAs("geographic_level").equals("Regional")
        && london.equals(r.getAs("region_code")) && r.getAs("contributor").equals("POLICE"), "London police");
    assertEquals(londonMax, region.getAs("max_board_share_pct"), 1e-9, "London's highest police share");
  }

  @Test
  void betweenRegionAnovaMatchesTheFormula() {
    Map<String, List<Double>> byRegion = ownShares("LA_CHILDRENS_SERVICES", r -> true).entrySet().stream()
        .collect(Collectors.groupingBy(e -> e.getKey().region,
            Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    byRegion.values().removeIf(v -> v.size() < 2);
    List<Double> allValues = byRegion.values().stream().flatMap(List::stream).toList();
    double grand = allValues.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    double between = 0;
    double within = 0;
    for (List<Double> g : byRegion.values()) {
      double mean = g.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
      between += g.size() * Math.pow(mean - grand, 2);
      within += g.stream().mapToDouble(x -> Math.pow(x - mean, 2)).sum();
    }
    int k = byRegion.size();
    double f = (between / (k - 1)) / (within / (allValues.size() - k));
    Row row = only(table("funding_region_test"), r -> (int) r.getAs("time_period") == 2007
        && r.getAs("contributor").equals("LA_CHILDRENS_SERVICES"), "the LA share test");
    assertEquals(f, row.getAs("f_statistic"), 1e-6, "ANOVA F between regions");
    assertEquals(k, (int) row.getAs("regions"), "regions in the test");
  }

  @Test
  void spendExtremesPerChildAndPlansAtOrBelowSpend() {
    List<Return> spent = year(2007).stream().filter(r -> r.expenditure != null).toList();
    Return smallest = spent.stream().min(Comparator.comparing((Return r) -> r.expenditure)
        .thenComparing(r -> r.board)).orElseThrow();
    Function<String, Row> extreme = basis -> only(table("spend_extremes"),
        r -> r.getAs("extreme").equals("smallest_expenditure_2006_07") && r.getAs("spend_basis").equals(basis),
        "smallest " + basis);
    Row actual = extreme.apply("Actual");
    assertEquals(smallest.boardName, actual.getAs("la_name"), "the board with the smallest expenditure");
    assertEquals(0, smallest.expenditure.compareTo(actual.getAs("spend")), "its expenditure");
    Long children = fixture.population.get("2006|" + smallest.board);
    if (children == null) {
      assertNull(actual.getAs("spend_per_child"), "no population, no per-child figure");
    } else {
      assertEquals(smallest.expenditure.doubleValue() / children, actual.getAs("spend_per_child"), 1e-9,
          "expenditure per child (mid-2006 population)");
    }
    Long children07 = fixture.population.get("2007|" + smallest.board);
    if (smallest.planned != null && children07 != null) {
      assertEquals(smallest.planned.doubleValue() / children07, extreme.apply("Planned").getAs("spend_per_child"),
          1e-9, "plan per child (mid-2007 population)");
    }
    List<Return> both = year(2007).stream().filter(r -> r.expenditure != null && r.planned != null).toList();
    long sameOrLess = both.stream().filter(r -> r.planned.compareTo(r.expenditure) <= 0).count();
    Row summary = only(table("spend_summary"), r -> national(r) && r.getAs("spend_basis").equals("Planned"),
        "national planned summary");
    assertEquals(pct(sameOrLess, both.size()), summary.getAs("pct_planning_same_or_less"), EPS,
        "planning the same or less");
  }

  @Test
  void prioritiesInfluenceAndReviews() {
    List<Return> r07 = year(2007);
    List<Return> listed = r07.stream().filter(r -> !r.priorities.isEmpty()).toList();
    for (String p : Codes.PRIORITIES.subList(0, 8)) {
      long n = listed.stream().filter(r -> r.priorities.contains(p)).count();
      assertEquals(pct(n, listed.size()), answer(2007, "National", null, "priority_top_four", "Total", p)
          .getAs("pct"), EPS, p + " % of boards listing priorities");
    }
    assertEquals(0.0, answer(2007, "National", null, "priority_top_four", "Total", "HIDDEN_CHILDREN")
        .getAs("pct"), EPS, "a priority nobody named still has a row, at 0%");
    long none = r07.stream().filter(r -> "NONE".equals(r.leadMember)).count();
    long noneNotIndependent = r07.stream().filter(r -> "NONE".equals(r.leadMember) && r.chairType != null
        && !r.chairType.equals("INDEPENDENT")).count();
    assertEquals(none, (long) answer(2007, "National", null, "lead_member", "Total", "NONE").getAs("boards"),
        "no lead member arrangement");
    long brokenDown = answer(2007, "National", null, "lead_member", "LOCAL_AUTHORITY", "NONE").<Long>getAs("boards")
        + answer(2007, "National", null, "lead_member", "OTHER_STATUTORY", "NONE").<Long>getAs("boards");
    assertEquals(noneNotIndependent, brokenDown, "no lead member arrangement, chair not independent");
    List<Return> ce = r07.stream().filter(r -> r.ceContact != null).toList();
    assertEquals(pct(ce.stream().filter(r -> !r.ceContact).count(), ce.size()),
        answer(2007, "National", null, "chief_executive_contact", "Total", "No").getAs("pct"), EPS,
        "chief executives without contact");
    assertEquals(r07.stream().filter(r -> "IN_PLACE".equals(r.cdop)).count(),
        (long) answer(2007, "National", null, "cdop", "Total", "IN_PLACE").getAs("boards"), "CDOP in place");
    List<Return> commissioned = r07.stream().filter(r -> r.scrCommissioned != null).toList();
    assertEquals(pct(commissioned.stream().filter(r -> r.scrCommissioned == 0).count(), commissioned.size()),
        answer(2007, "National", null, "scr_commissioned", "Total", "0").getAs("pct"), EPS, "no SCR commissioned");
    assertEquals(r07.stream().filter(r -> r.scrCompleted != null && r.scrCompleted >= 5).count(),
        (long) answer(2007, "National", null, "scr_completed", "Total", "5 or more").getAs("boards"),
        "5 or more SCRs completed");
  }

  @Test
  void boardsServingSeveralCouncilsGetJoinedDfeCodes() throws Exception {
    Map<String, String> dfeNumber = new LinkedHashMap<>();
    for (String line : Files.readAllLines(Fixtures.repository().resolve("data/reference/councils.csv"))) {
      String[] f = line.split(",", -1);
      dfeNumber.put(f[0], f[2]);
    }
    Return shared = year(2007).stream().filter(r -> r.councils.size() > 1 && !r.contributions.isEmpty())
        .findFirst().orElseThrow();
    Row row = only(table("funding_board_share"), r -> r.getAs("la_name").equals(shared.boardName)
        && r.getAs("contributor").equals("Total"), shared.boardName + " total");
    assertEquals(String.join(" / ", shared.councils), row.getAs("new_la_code"), "codes joined as DfE does");
    assertEquals(shared.councils.stream().map(dfeNumber::get).collect(Collectors.joining(" / ")),
        row.getAs("old_la_code"), "DfE numbers in the same order");
    assertEquals("Local authority", row.getAs("geographic_level"), "board rows are Local authority level");
    assertNotNull(row.getAs("region_code"), "board rows carry their region");
    assertFalse(table("answer_share").stream().anyMatch(r -> national(r) && r.getAs("region_code") != null),
        "national rows have no region");
  }
}
