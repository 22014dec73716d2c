package lscb.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lscb.io.Locations;
import lscb.io.Progress;
import lscb.io.UserError;
import lscb.testing.SparkTestBase;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The population stage on tiny long and wide fixtures: crosswalk sums, scope, rejects, reconciliation. */
class PopulationJobTest extends SparkTestBase {
  static final String REFERENCE = Path.of("../data/reference").toAbsolutePath().toString();
  @TempDir static Path dir;
  static Locations locations;
  static PopulationResult result;
  static String progress;

  /** The fixture's count for an area, sex (1, 2), age and year: distinct enough to catch mix-ups. */
  static long count(String area, int sex, int age, int year) {
    return 100 + Math.floorMod(area.hashCode(), 400) + 3L * age + 7L * sex + 11L * (year - 2005);
  }

  static long children(String area, int year) {
    long sum = 0;
    for (int sex = 1; sex <= 2; sex++) {
      for (int age = 0; age < 18; age++) {
        sum += count(area, sex, age, year);
      }
    }
    return sum;
  }

  static long persons(String area, int age) {
    return count(area, 1, age, 2007) + count(area, 2, age, 2007);
  }

  static final List<String> LONG_GOOD = List.of("E06000046", "E06000049", "E06000050", "E06000055",
      "E06000056", "E06000047", "E06000058", "E06000059", "E06000001", "E06000002", "E06000003", "E06000004",
      "E07000117");
  static final List<String> WIDE_AREAS = List.of("E92000001", "E12000008", "W06000001", "E10000016",
      "E07000105", "E06000046", "E06000028", "E06000029", "E07000048", "E07000049", "E07000050",
      "E07000051", "E07000052", "E07000053");

  @BeforeAll
  static void runOnFixtures() throws IOException {
    Path population = Files.createDirectories(dir.resolve("raw/population"));
    List<String> lines = new ArrayList<>(List.of("ladcode21,laname21,country,sex,age,population_2005,population_2006"));
    for (String area : LONG_GOOD) {
      for (int sex = 1; sex <= 2; sex++) {
        for (int age = 0; age < 18; age++) {
          String a = area;
          String s = String.valueOf(sex);
          String v2005 = String.valueOf(count(area, sex, age, 2005));
          String v2006 = String.valueOf(count(area, sex, age, 2006));
          if (area.equals("E06000001") && sex == 2 && age == 5) {
            v2006 = "-3";
          } else if (area.equals("E06000001") && sex == 1 && age == 6) {
            v2005 = "abc";
          } else if (area.equals("E06000002") && sex == 1 && age == 7) {
            continue;
          } else if (area.equals("E06000003") && sex == 1 && age == 3) {
            s = "X";
          }
          lines.add(a + ",\"Name, of area\",E," + s + "," + age + "," + v2005 + "," + v2006);
          if (area.equals("E06000004") && sex == 2 && age == 4) {
            lines.add(lines.get(lines.size() - 1));
          }
        }
      }
    }
    lines.add("E06000046,Isle of Wight,E,1,18,900,901");
    lines.add("E06000046,Isle of Wight,E,2,90,300,301");
    lines.add("W06000001,Isle of Anglesey,W,1,0,500,501");
    lines.add("E06000999,Nowhere,E,1,0,500,501");
    lines.add("");
    Files.write(population.resolve("myeb-test.csv"), lines, StandardCharsets.UTF_8);
    Files.write(population.resolve("SYNTHETIC-stale.csv"), lines, StandardCharsets.UTF_8);

    List<String> wide = new ArrayList<>(List.of("Population estimates by single year of age,,", "Mid-2007,,", ""));
    StringBuilder header = new StringBuilder("Code,Name,Geography,All ages");
    for (int age = 0; age <= 90; age++) {
      header.append(',').append(age == 90 ? "90+" : String.valueOf(age));
    }
    wide.add(header.append(",Notes").toString());
    for (String area : WIDE_AREAS) {
      StringBuilder row = new StringBuilder(area + ",\"Area, " + area + "\",Some type,999999");
      for (int age = 0; age <= 90; age++) {
        long value = persons(area, age);
        row.append(',').append(value >= 1000 ? "\"" + value / 1000 + "," + String.format("%03d", value % 1000) + "\""
            : String.valueOf(value));
      }
      wide.add(row.append(",").toString());
    }
    wide.add(",Source: Office for National Statistics,,");
    Files.write(population.resolve("mye-persons-mid-2007.csv"), wide, StandardCharsets.UTF_8);

    locations = new Locations(dir.resolve("raw").toString(), REFERENCE, "unused", dir.resolve("out").toString());
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    result = PopulationJob.run(spark, locations, new Progress(new PrintStream(printed, true, StandardCharsets.UTF_8)));
    progress = printed.toString(StandardCharsets.UTF_8);
  }

  static Map<String, Long> table(String name, String key) {
    Map<String, Long> values = new HashMap<>();
    for (Row r : spark.read().parquet(locations.processed(name)).collectAsList()) {
      values.put(r.getAs(key) + "/" + r.getAs("year"), r.getAs("children_under_18"));
    }
    return values;
  }

  @Test
  void councilsAreTheSumOfTheirAreasThroughTheCrosswalk() {
    Map<String, Long> council = table("population_council", "council_code");
    assertEquals(children("E06000046", 2005), council.get("E06000046/2005"), "Isle of Wight: its own code");
    assertEquals(children("E06000049", 2006) + children("E06000050", 2006), council.get("E10000004/2006"),
        "Cheshire = Cheshire East + Cheshire West and Chester");
    assertEquals(children("E06000055", 2005) + children("E06000056", 2005), council.get("E10000001/2005"),
        "Bedfordshire = Bedford + Central Bedfordshire");
    assertEquals(children("E06000047", 2006), council.get("E10000010/2006"), "Durham = County Durham (2009)");
    for (String withoutSplit : List.of("E06000028", "E06000029", "E10000009")) {
      assertFalse(council.containsKey(withoutSplit + "/2006"),
          withoutSplit + ": BCP (2019) cannot be split back into Bournemouth, Poole and Dorset; no figure is invented");
    }
    long kent = 0;
    long dorset = 0;
    for (int age = 0; age < 18; age++) {
      kent += persons("E10000016", age);
      for (String d : List.of("E07000048", "E07000049", "E07000050", "E07000051", "E07000052", "E07000053")) {
        dorset += persons(d, age);
      }
    }
    assertEquals(kent, council.get("E10000016/2007"), "wide Kent: the county row, its district row not added");
    assertEquals(dorset, council.get("E10000009/2007"), "wide Dorset: the sum of its six districts");
    long wight = 0;
    for (int age = 0; age < 18; age++) {
      wight += persons("E06000046", age);
    }
    assertEquals(wight, council.get("E06000046/2007"), "wide Isle of Wight, thousands separators read");
  }

  @Test
  void boardsAndRegionsAppearOnlyWhenComplete() {
    Map<String, Long> council = table("population_council", "council_code");
    Map<String, Long> board = table("population_board", "board_code");
    assertEquals(council.get("E06000028/2007") + council.get("E06000029/2007"), board.get("LSCB-837/2007"),
        "Bournemouth and Poole board = its two councils");
    assertEquals(council.get("E06000046/2006"), board.get("LSCB-921/2006"), "Isle of Wight board");
    assertFalse(board.containsKey("LSCB-806/2006"), "South Tees needs Middlesbrough, which is incomplete");
    assertFalse(council.containsKey("E06000001/2006"), "Hartlepool 2006 has a negative count: left out");
    assertFalse(council.containsKey("E06000001/2005"), "Hartlepool 2005 has a non-numeric count: left out");
    assertTrue(table("population_region", "region_code").isEmpty(), "no region has all its boards here");
  }

  @Test
  void rejectsSayWhatIsWrong() {
    List<Row> rejects = spark.read().parquet(locations.rejects("population")).collectAsList();
    assertReject(rejects, "E06000999", "E06000999", "unknown area code");
    assertReject(rejects, "E06000001", "-3", "negative count");
    assertReject(rejects, "E06000001", "abc", "not a whole number");
    assertReject(rejects, "E06000002", "7", "no usable count for age(s) 7");
    assertReject(rejects, "E06000003", "X", "is not 1 (male) or 2 (female)");
    assertReject(rejects, "E06000004", "", "duplicate");
    assertReject(rejects, "", "", "no area code");
    assertReject(rejects, "E06000001", "", "Hartlepool (E06000001) mid-2006 is left out");
    assertReject(rejects, "E08000035", "2005, 2006, 2007", "Leeds (E08000035): no rows for mid-2005, 2006, 2007");
    assertReject(rejects, "E10000017", "", "its part(s) E07000118, E07000119");
    assertReject(rejects, "E06000028", "", "Bournemouth (E06000028) mid-2006 is left out");
    assertReject(rejects, "E10000009", "", "no split is invented");
    assertReject(rejects, "E06000058", "E06000058", "cannot be split back");
    assertFalse(table("population_council", "council_code").containsKey("E10000017/2006"),
        "Lancashire from one of its twelve districts is left out, not understated");
    assertFalse(rejects.stream().anyMatch(r -> text(r, "area_code").startsWith("W06")),
        "Wales is out of scope, not rejected");
    Row negative = rejects.stream().filter(r -> "-3".equals(r.getAs("raw_value"))).findFirst().orElseThrow();
    assertEquals("population_2006", negative.getAs("field"), "the field is the header's column name");
    assertEquals("myeb-test.csv", negative.getAs("source_file"), "the file is named");
    assertNotNull(negative.getAs("source_line"), "the line is known");
    String csv = readCsv();
    assertTrue(csv.startsWith("source_file,source_line,area_code,field,raw_value,reason,data_status,returns_source,"
        + "population_source\n"), "CSV header: the reject columns, then the data status");
    assertEquals(rejects.size() + 1, csv.split("\n").length, "one CSV line per reject row");
  }

  @Test
  void everyLineIsAccountedFor() {
    List<Row> rows = spark.read().parquet(locations.processed("population_reconciliation")).collectAsList();
    assertEquals(2, rows.size(), "one row per file");
    for (Row r : rows) {
      long read = r.getAs("rows_read");
      long sum = (long) r.getAs("used") + (long) r.getAs("out_of_scope") + (long) r.getAs("rejected");
      assertEquals(read, sum, "read = used + out of scope + rejected for " + r.getAs("source_file"));
      if ("mye-persons-mid-2007.csv".equals(r.getAs("source_file"))) {
        assertEquals(WIDE_AREAS.size() + 1L, read, "wide: data lines after the header, note line included");
        assertEquals(4L, (long) r.getAs("out_of_scope"), "England, region, Wales, Kent district under its county row");
        assertEquals(1L, (long) r.getAs("rejected"), "the source note");
      } else {
        long expected = LONG_GOOD.size() * 36L - 1 + 1 + 4;
        assertEquals(expected, read, "long: every non-blank data line");
        assertEquals(3L, (long) r.getAs("out_of_scope"), "ages 18 and 90, Wales");
        assertEquals(6L + 2 * 36, (long) r.getAs("rejected"),
            "unknown code, -3, abc, sex X, two duplicates; the lines of BCP and Dorset (2019), which no council can use");
      }
    }
    assertEquals(result.rowsRead(), result.used() + result.outOfScope() + result.rejected(), "result totals");
    assertTrue(progress.contains("lines read"), "a reconciliation line is printed: " + progress);
    assertTrue(progress.contains("left out [SYNTHETIC-stale.csv]"),
        "a synthetic file beside real ones is left out (else every value would be a duplicate): " + progress);
    assertFalse(progress.contains("fixed shares"), "nothing is apportioned: " + progress);
  }

  @Test
  void writtenTablesConformToTheirSchemas() {
    for (String table : List.of("population_council", "population_board", "population_region",
        "population_reconciliation")) {
      assertSameColumns(table, locations.processed(table));
    }
    assertSameColumns("population_reject", locations.rejects("population"));
  }

  @Test
  void aMissingFolderIsAUserError() {
    Locations nowhere = new Locations(dir.resolve("nothing").toString(), REFERENCE, "unused",
        dir.resolve("out2").toString());
    UserError error = assertThrows(UserError.class,
        () -> PopulationJob.run(spark, nowhere, new Progress(System.out)));
    assertTrue(error.getMessage().contains("no population data"), error.getMessage());
  }

  static void assertSameColumns(String table, String path) {
    lscb.testing.WrittenTables.assertConforms(spark, table, path);
  }

  static void assertReject(List<Row> rejects, String area, String rawPart, String reasonPart) {
    boolean found = rejects.stream().anyMatch(r -> text(r, "area_code").equals(area)
        && text(r, "raw_value").contains(rawPart) && text(r, "reason").contains(reasonPart));
    assertTrue(found, "a reject for " + area + " with '" + rawPart + "' saying '" + reasonPart + "'");
  }

  static String text(Row row, String field) {
    Object value = row.get(row.fieldIndex(field));
    return value == null ? "" : value.toString();
  }

  static String readCsv() {
    try {
      return Files.readString(Path.of(locations.rejects("population.csv")), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
