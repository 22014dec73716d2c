package lscb.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lscb.io.Locations;
import lscb.io.Progress;
import lscb.io.UserError;
import lscb.population.PopulationSource.Layout;
import lscb.testing.Fixtures;
import lscb.testing.SparkTestBase;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Nomis NM_2002_1 layout on a tiny export: header detection, any number of years, "-" (not
 * available) where the real file has it and where it would matter, other nations out of scope by code.
 */
class NomisLayoutTest extends SparkTestBase {
  static final List<Integer> YEARS = List.of(2005, 2006, 2007);
  static final List<String> ENGLISH = List.of("E06000001", "E06000046", "E06000049", "E06000050");
  static final List<String> OTHER_NATIONS = List.of("W06000001", "S12000033", "N09000001");
  @TempDir static Path dir;
  static Locations locations;
  static PopulationResult result;

  /** The fixture's persons count for an area, age and year: distinct enough to catch mix-ups. */
  static long count(String area, int age, int year) {
    return 200 + Math.floorMod(area.hashCode(), 300) + 5L * age + 13L * (year - 2004);
  }

  static long children(String area, int year) {
    long sum = 0;
    for (int age = 0; age <= 17; age++) {
      sum += count(area, age, year);
    }
    return sum;
  }

  static String header() {
    StringBuilder header = new StringBuilder("name,code,year");
    for (int age = 0; age <= 90; age++) {
      header.append(',').append(age == 90 ? "Aged 90+" : "Age " + age);
    }
    return header.toString();
  }

  /**
   * One row; "-" at 85+ in 2005 (as 1997-2000 in the real file), everywhere in Northern Ireland's
   * rows, and at Age 5 of Hartlepool 2006.
   */
  static String row(String code, int year) {
    StringBuilder row = new StringBuilder("\"Area, " + code + "\"," + code + "," + year);
    for (int age = 0; age <= 90; age++) {
      boolean missing = code.startsWith("N") || (year == 2005 && age >= 85) || (code.equals("E06000001")
          && year == 2006 && age == 5);
      row.append(',').append(missing ? "-" : String.valueOf(count(code, age, year)));
    }
    return row.toString();
  }

  @BeforeAll
  static void runOnATinyExport() throws IOException {
    List<String> lines = new ArrayList<>(List.of("Population estimates - local authority based by single year of age",
        "", header()));
    for (int year : YEARS) {
      for (String code : ENGLISH) {
        lines.add(row(code, year));
      }
      for (String code : OTHER_NATIONS) {
        lines.add(row(code, year));
      }
    }
    lines.add("E06000046," + "7,".repeat(120_000));
    lines.add("\"Source: Office for National Statistics\",,");
    Path file = Files.createDirectories(dir.resolve("population")).resolve("nomis-export.csv");
    Files.write(file, lines, StandardCharsets.UTF_8);
    locations = Fixtures.locations(dir.resolve("raw"), dir.resolve("out"));
    result = PopulationJob.run(spark, locations, new Progress(new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8)), file.getParent().toString(), null);
  }

  static Map<String, Long> councils() {
    return spark.read().parquet(locations.processed("population_council")).collectAsList().stream()
        .collect(java.util.stream.Collectors.toMap(r -> r.getAs("council_code") + "/" + r.getAs("year"),
            r -> r.<Long>getAs("children_under_18")));
  }

  @Test
  void theLayoutIsFoundFromTheHeaderBelowTitleLines() {
    PopulationSource source = PopulationSource.detect("/x/export.csv", List.of("A title", "", header()), null);
    assertEquals(Layout.NOMIS, source.layout(), "name, code, year, Age 0 ... Aged 90+ is the Nomis layout");
    assertEquals(3, source.headerLine(), "the header is the third line");
    assertEquals(18, source.counts().size(), "only Age 0 ... Age 17 are count columns");
    assertEquals("ons", source.status(), "a Nomis export is ONS data");
    UserError gap = assertThrows(UserError.class,
        () -> PopulationSource.detect("/x/export.csv", List.of(header().replace(",Age 7,", ",")), null));
    assertTrue(gap.getMessage().contains("[7]"), "a missing child age is named: " + gap.getMessage());
  }

  @Test
  void everyYearOfTheFileGivesCouncilsSummedThroughTheCrosswalk() {
    Map<String, Long> got = councils();
    for (int year : YEARS) {
      assertEquals(children("E06000046", year), got.get("E06000046/" + year), "Isle of Wight mid-" + year);
      assertEquals(children("E06000049", year) + children("E06000050", year), got.get("E10000004/" + year),
          "Cheshire = Cheshire East + Cheshire West and Chester, mid-" + year + " (85+ '-' in 2005 do not matter)");
    }
    assertEquals(children("E06000001", 2005), got.get("E06000001/2005"), "Hartlepool mid-2005");
    assertEquals(children("E06000001", 2007), got.get("E06000001/2007"), "Hartlepool mid-2007");
  }

  @Test
  void aDashAtAChildAgeLeavesTheAreaOutOfThatYearWithAReason() {
    assertFalse(councils().containsKey("E06000001/2006"), "Hartlepool 2006 has no Age 5: not counted as 0");
    List<Row> rejects = spark.read().parquet(locations.rejects("population")).collectAsList();
    assertTrue(rejects.stream().anyMatch(r -> "E06000001".equals(r.getAs("area_code"))
        && "-".equals(r.getAs("raw_value")) && "Age 5".equals(r.getAs("field"))
        && r.<String>getAs("reason").contains("not available")),
        "the '-' cell is a reject naming its field and saying it is not available");
    assertTrue(rejects.stream().anyMatch(
        r -> r.<String>getAs("reason").contains("Hartlepool (E06000001) mid-2006 is left out")),
        "the council-year says why it has no figure");
    assertFalse(rejects.stream().anyMatch(
        r -> "-".equals(r.getAs("raw_value")) && !"E06000001".equals(r.getAs("area_code"))),
        "'-' at 85+ and in Northern Ireland's rows is not a reject");
  }

  @Test
  void otherNationsAreOutOfScopeByCodeAndEveryLineIsAccountedFor() {
    Row recon = spark.read().parquet(locations.processed("population_reconciliation")).first();
    assertEquals("nomis", recon.getAs("layout"), "the layout is recorded");
    assertEquals(YEARS.size() * 7L + 2, (long) recon.<Long>getAs("rows_read"),
        "every data line, the line of 120,000 fields and the note line");
    assertEquals(YEARS.size() * 3L, (long) recon.<Long>getAs("out_of_scope"), "Wales, Scotland, Northern Ireland");
    assertEquals(3L, (long) recon.<Long>getAs("rejected"),
        "Hartlepool 2006 (its '-'), the line of 120,000 fields and the source note");
    assertEquals(recon.<Long>getAs("rows_read"), recon.<Long>getAs("used") + recon.<Long>getAs("out_of_scope")
        + recon.<Long>getAs("rejected"), "read = used + out of scope + rejected");
    assertEquals("ons", result.status(), "the run's population status");
  }

  @Test
  void aLineOfMoreFieldsThanTheParserTakesIsARejectNotAStoppedRun() {
    List<Row> wide = spark.read().parquet(locations.rejects("population")).collectAsList().stream()
        .filter(r -> r.<String>getAs("reason").contains("commas or more")).toList();
    assertEquals(1, wide.size(), "the one line of 120,000 fields is rejected: " + wide);
    assertEquals("(line)", wide.get(0).getAs("field"), "the whole line is named");
    assertEquals(200, wide.get(0).<String>getAs("raw_value").length(), "its start is kept, not 240,000 characters");
  }
}
