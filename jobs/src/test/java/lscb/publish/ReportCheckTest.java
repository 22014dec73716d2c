package lscb.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lscb.analysis.Analyses;
import lscb.analysis.CanonicalFixture;
import lscb.cli.Lscb;
import lscb.io.Locations;
import lscb.io.Progress;
import lscb.testing.SparkTestBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The conformance check: rules, a pass on matching figures, and a failure (exit 1) on a perturbed one. */
class ReportCheckTest extends SparkTestBase {
  @TempDir
  static Path dir;
  static CanonicalFixture fixture;
  static Locations locations;

  @BeforeAll
  static void analyse() {
    fixture = CanonicalFixture.draw(42L, 144);
    locations = fixture.write(spark, dir);
    Analyses.run(spark, locations, new Progress(new PrintStream(new ByteArrayOutputStream())));
  }

  @Test
  void rulesRoundHalfUpAndCompareAsTheReadmeSays() {
    assertTrue(ReportCheck.passes("pct0", 63.0, null, 62.5), "62.5% rounds half-up to 63");
    assertFalse(ReportCheck.passes("pct0", 63.0, null, 62.49), "62.49% rounds to 62");
    assertTrue(ReportCheck.passes("pct1", 53.0, null, 52.96), "52.96% is 53.0% to one decimal");
    assertFalse(ReportCheck.passes("pct1", 2.7, null, 2.64), "2.64% is 2.6%, not 2.7%");
    assertTrue(ReportCheck.passes("pence", 0.17, null, 0.1749), "17p");
    assertFalse(ReportCheck.passes("pence", 0.17, null, 0.1751), "18p is not 17p");
    assertTrue(ReportCheck.passes("range_pct", 20.0, 25.0, 24.9), "just under a quarter");
    assertFalse(ReportCheck.passes("range_pct", 20.0, 25.0, 25.0), "a quarter is not just under a quarter");
    assertFalse(ReportCheck.passes("more_than", 200.0, null, 200.0), "over 200 excludes 200");
    assertTrue(ReportCheck.passes("at_least", 4.0, null, 4.0), "at least 4 includes 4");
    assertFalse(ReportCheck.passes("count", 9.0, null, null), "a figure the outputs lack is not reproduced");
  }

  /** figures.csv rows whose values are computed here from the fixture's plain Java returns. */
  static String figures(long responding2007, long independentPct2007, long cdopInPlace) {
    return "id,part,figure,published,where,rule,value,value_high\n"
        + "R1,2007,boards responding in 2007,x,para 8,count," + responding2007 + ",\n"
        + "C3,2007,chair: independent (%),x,Table 1,pct0," + independentPct2007 + ",\n"
        + "D1,2007,\"areas with a child death overview panel, in place\",x,para 53,count," + cdopInPlace + ",\n";
  }

  static long[] expected() {
    List<CanonicalFixture.Return> r07 = fixture.returns.stream().filter(r -> r.year == 2007).toList();
    List<CanonicalFixture.Return> typed = r07.stream().filter(r -> r.chairType != null).toList();
    long independent = typed.stream().filter(r -> r.chairType.equals("INDEPENDENT")).count();
    long pct = new java.math.BigDecimal(100.0 * independent / typed.size())
        .setScale(0, java.math.RoundingMode.HALF_UP).longValue();
    return new long[] {r07.size(), pct, r07.stream().filter(r -> "IN_PLACE".equals(r.cdop)).count()};
  }

  static Locations withFigures(String name, String csv) throws Exception {
    Path published = Files.createDirectories(dir.resolve(name));
    Files.writeString(published.resolve("figures.csv"), csv, StandardCharsets.UTF_8);
    return new Locations(locations.raw(), locations.reference(), published.toString(), locations.out());
  }

  @Test
  void matchingFiguresPassAndAreWrittenToConformanceCsv() throws Exception {
    long[] e = expected();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream previous = System.out;
    boolean ok;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      ok = ReportCheck.run(spark, withFigures("match", figures(e[0], e[1], e[2])), new Progress(System.out));
    } finally {
      System.setOut(previous);
    }
    String printed = out.toString(StandardCharsets.UTF_8);
    assertTrue(ok, "figures computed independently from the returns should all be reproduced:\n" + printed);
    assertTrue(printed.startsWith("id | figure | published | reproduced | ok"), "the printed table's header");
    assertTrue(printed.contains("3 of 3 figures reproduced"), "the summary line counts figures:\n" + printed);
    String conformance = Files.readString(Path.of(locations.output("conformance.csv")));
    assertEquals(4, conformance.lines().count(), "conformance.csv: header + one row per figure row");
    assertTrue(conformance.lines().skip(1).allMatch(l -> l.contains(",true,")), "every row ok:\n" + conformance);
  }

  @Test
  void aPerturbedFigureFailsTheCommandWithExitOne() throws Exception {
    long[] e = expected();
    Locations perturbed = withFigures("perturbed", figures(e[0], e[1], e[2] + 1));
    int exit = Lscb.execute("report-check", "--master", "local[2]", "--raw", perturbed.raw(),
        "--reference", perturbed.reference(), "--published", perturbed.published(), "--out", perturbed.out());
    assertEquals(1, exit, "report-check exits 1 when a figure is not reproduced");
    assertFalse(spark.sparkContext().isStopped(), "the command leaves alone the session it did not start");
    String conformance = Files.readString(Path.of(perturbed.output("conformance.csv")));
    assertTrue(conformance.lines().anyMatch(l -> l.startsWith("D1,") && l.contains(",false,")),
        "the perturbed figure is marked not ok:\n" + conformance);
    assertTrue(conformance.lines().anyMatch(l -> l.startsWith("R1,") && l.contains(",true,")),
        "the untouched figures still pass:\n" + conformance);
  }
}
