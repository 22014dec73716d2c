package lscb.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import lscb.io.Locations;
import lscb.io.Progress;
import lscb.population.PopulationSource.Layout;
import lscb.testing.SparkTestBase;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small-area (LSOA) wide layout through the real stage, and the synthetic small-area generator. */
@Tag("slow") // left out by ./lscb test --fast: several pipeline-sized reads
class SmallAreaLayoutTest extends SparkTestBase {
  static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  static final String REFERENCE = REPO.resolve("data/reference").toString();
  @TempDir Path tmp;

  @Test
  void smallAreasWithTheirQuirksAreSummedIntoTheirCouncil() throws IOException {
    Path population = Files.createDirectories(tmp.resolve("raw/population"));
    List<String> lines = new ArrayList<>(List.of("Mid-2006 Population Estimates for Lower Layer Super Output Areas",
        "Mid-2006: SEX,,,", ""));
    lines.add(header(true));
    long expected = 0;
    for (int lsoa = 1; lsoa <= 5; lsoa++) {
      lines.add(row("E0101700" + lsoa, "Isle of Wight 00" + lsoa + "A", "E06000046", lsoa));
      for (int age = 0; age < 18; age++) {
        expected += value(lsoa, age);
      }
    }
    lines.add(row("W01000001", "Isle of Anglesey 001A", "W06000001", 7));
    lines.add(row("E01099999", "Somewhere 001A", "", 8));
    lines.add("Source: Office for National Statistics (a note row),,,");
    // One file per sex, as ONS splits them; the sex is in the title line of one and the file name of the other.
    Files.write(population.resolve("sape-lsoa-mid-2006-a.csv"), lines.stream().map(l -> l.replace("SEX", "Females"))
        .toList(), StandardCharsets.UTF_8);
    Files.write(population.resolve("sape-lsoa-mid-2006-males.csv"), lines.stream().map(l -> l.replace("SEX", ""))
        .toList(), StandardCharsets.UTF_8);

    Locations where = new Locations(tmp.resolve("raw").toString(), REFERENCE, "unused", tmp.resolve("out").toString());
    PopulationResult result = PopulationJob.run(spark, where, new Progress(System.out));
    assertEquals(16, result.rowsRead(), "per file: five Isle of Wight rows, a Welsh row, a row with no LA code, a note");
    assertEquals(10, result.used(), "the small areas of the Isle of Wight are used, not duplicates of each other");
    assertEquals(2, result.outOfScope(), "the Welsh small areas are out of scope");
    assertEquals(4, result.rejected(), "the rows with no LA code and the note rows are rejected");
    Map<String, Long> councils = new TreeMap<>();
    for (Row r : rows(spark.read().parquet(where.processed("population_council")))) {
      councils.put(r.getAs("council_code") + "/" + r.getAs("year"), r.getAs("children_under_18"));
    }
    assertEquals(Map.of("E06000046/2006", 2 * expected), councils,
        "the Isle of Wight's children at mid-2006 are the sum of its small areas, males and females (each file's sex"
            + " from its name or title)");
    List<Row> rejects = sql("SELECT source_line, field, reason FROM parquet.`%s` WHERE source_line IS NOT NULL"
        + " ORDER BY source_line", where.rejects("population"));
    assertEquals(11L, rejects.get(0).getLong(0), "the row with no LA code is rejected on its own line: " + rejects);
    assertEquals("LA Code (2018 boundaries)", rejects.get(0).getString(1), "the reject names the LA code column");
  }

  @Test
  void aRepeatedSmallAreaLeavesItsCouncilOutInsteadOfShort() throws IOException {
    Path population = Files.createDirectories(tmp.resolve("raw/population"));
    for (String sex : List.of("females", "males")) {
      List<String> lines = new ArrayList<>(List.of(header(false)));
      for (int lsoa = 1; lsoa <= 3; lsoa++) {
        lines.add(row("E0101700" + lsoa, "Isle of Wight 00" + lsoa + "A", "E06000046", lsoa).replace(",E06000046,\"Name,"
            + " 2021\"", ""));
      }
      if (sex.equals("females")) {
        lines.add(lines.get(2)); // small area 2 twice: every copy is rejected, none is used
      }
      Files.write(population.resolve("sape-lsoa-mid-2006-" + sex + ".csv"), lines, StandardCharsets.UTF_8);
    }

    Locations where = new Locations(tmp.resolve("raw").toString(), REFERENCE, "unused", tmp.resolve("out").toString());
    PopulationJob.run(spark, where, new Progress(System.out));
    assertEquals(0L, spark.read().parquet(where.processed("population_council")).count(),
        "the Isle of Wight gets no figure for mid-2006: one of its small areas has no usable count");
    List<String> reasons = sql("SELECT reason FROM parquet.`%s` ORDER BY source_line", where.rejects("population"))
        .stream().map(r -> r.getString(0)).toList();
    assertTrue(reasons.stream().anyMatch(r -> r.startsWith("duplicate")), "the copies are rejected: " + reasons);
    assertTrue(reasons.stream().anyMatch(r -> r.contains("E06000046 small area E01017002, sex F")
        && r.contains("no usable count")), "the small area is named as incomplete: " + reasons);
    assertTrue(reasons.stream().anyMatch(r -> r.startsWith("Isle of Wight (E06000046) mid-2006 is left out")),
        "and its council is left out, not summed without it: " + reasons);
  }

  @Test
  void aFileGivenTwiceHasEveryLineRejectedInEachCopy() throws IOException {
    Path population = Files.createDirectories(tmp.resolve("raw/population"));
    List<String> lines = new ArrayList<>(List.of(header(false)));
    for (int lsoa = 1; lsoa <= 3; lsoa++) {
      lines.add(row("E0101700" + lsoa, "Isle of Wight 00" + lsoa + "A", "E06000046", lsoa).replace(",E06000046,\"Name,"
          + " 2021\"", ""));
    }
    lines.add(row("W01000001", "Isle of Anglesey 001A", "W06000001", 7).replace(",W06000001,\"Name, 2021\"", ""));
    for (String name : List.of("sape-lsoa-mid-2006-males.csv", "sape-lsoa-mid-2006-males-copy.csv")) {
      Files.write(population.resolve(name), lines, StandardCharsets.UTF_8);
    }

    Locations where = new Locations(tmp.resolve("raw").toString(), REFERENCE, "unused", tmp.resolve("out").toString());
    PopulationJob.run(spark, where, new Progress(System.out));
    List<Row> perFile = sql("SELECT source_file, rows_read, used, out_of_scope, rejected FROM parquet.`%s`"
        + " ORDER BY source_file", where.processed("population_reconciliation"));
    assertEquals(2, perFile.size(), "one reconciliation row per copy: " + perFile);
    for (Row r : perFile) {
      assertEquals(List.of(4L, 0L, 1L, 3L), List.of(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4)),
          r.getString(0) + ": its own four lines read, none used, the Welsh one out of scope, the three copied"
              + " Isle of Wight lines rejected (each count is in the other file too)");
    }
    assertEquals(6L, sql("SELECT count(*) FROM parquet.`%s` WHERE reason LIKE 'duplicate%%'",
        where.rejects("population")).get(0).getLong(0), "a duplicate reject for each copied line of each file");
  }

  @Test
  void theGeneratedSmallAreasAddUpToTheDistrictFilesCouncils() throws IOException {
    String crosswalk = REFERENCE + "/area_crosswalk.csv";
    Path small = tmp.resolve("small");
    SyntheticSmallAreas.Summary summary = SyntheticSmallAreas.write(crosswalk, small.toString(),
        SyntheticPopulation.DEFAULT_SEED, 400, 2, new Configuration());
    assertEquals(4, summary.files(), "one file per year and sex");
    assertEquals(summary.smallAreas() * 91L * 2 * 2, summary.values(), "areas x ages x sexes x years values");
    Path again = tmp.resolve("again");
    SyntheticSmallAreas.write(crosswalk, again.toString(), SyntheticPopulation.DEFAULT_SEED, 400, 2, new Configuration());
    String name = "SYNTHETIC-sape-lsoa-mid-2002-females.csv";
    assertEquals(Files.readString(small.resolve(name)), Files.readString(again.resolve(name)),
        "same seed, same bytes");
    assertTrue(PopulationSource.detect(small.resolve(name).toString(), Files.readAllLines(small.resolve(name))
        .subList(0, 5), null).layout() == Layout.SMALL_AREA, "the generated files are in the small-area layout");

    Locations fromSmall = new Locations("unused", REFERENCE, "unused", tmp.resolve("out-small").toString());
    PopulationJob.run(spark, fromSmall, new Progress(System.out), small.toString(), null);
    Locations fromDistricts = new Locations("unused", REFERENCE, "unused", tmp.resolve("out-districts").toString());
    PopulationJob.run(spark, fromDistricts, new Progress(System.out),
        REPO.resolve("data/raw/population/SYNTHETIC-myeb-2001-2010.csv").toString(), null);
    String query = "SELECT council_code, year, children_under_18 FROM parquet.`%s` WHERE year <= 2002"
        + " ORDER BY council_code, year";
    List<Row> expected = sql(query, fromDistricts.processed("population_council"));
    assertEquals(300, expected.size(), "the district file gives the 150 councils at mid-2001 and mid-2002");
    assertEquals(expected, sql(query, fromSmall.processed("population_council")),
        "the small areas' sums per council and year equal the district file's");
  }

  /** A small-area header: LSOA code and name, LA code and name (2018, and 2021 when asked), all ages, 0 ... 90+. */
  private static String header(boolean with2021) {
    StringBuilder header = new StringBuilder("LSOA Code,LSOA Name,LA Code (2018 boundaries),LA name (2018 boundaries),"
        + (with2021 ? "LA Code (2021 boundaries),LA name (2021 boundaries)," : "") + "All Ages");
    for (int age = 0; age <= 90; age++) {
      header.append(',').append(age == 90 ? "90+" : String.valueOf(age));
    }
    return header.toString();
  }

  private static long value(int lsoa, int age) {
    return 20 + 3L * lsoa + age;
  }

  private static String row(String code, String name, String la, int lsoa) {
    StringBuilder row = new StringBuilder(code + "," + name + "," + la + ",\"Name, of LA\"," + la + ",\"Name, 2021\",9999");
    for (int age = 0; age <= 90; age++) {
      row.append(',').append(value(lsoa, age));
    }
    return row.toString();
  }
}
