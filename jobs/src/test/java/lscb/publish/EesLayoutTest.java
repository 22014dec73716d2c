package lscb.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import lscb.analysis.Analyses;
import lscb.analysis.CanonicalFixture;
import lscb.io.DataStatus;
import lscb.io.Locations;
import lscb.io.Progress;
import lscb.population.NomisLayout;
import lscb.testing.SparkTestBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every published CSV follows the EES open-data layout rules and its .meta.csv describes it. */
class EesLayoutTest extends SparkTestBase {
  static final Set<String> SYMBOLS = Set.of("z", "x", "c", "low", "u");
  static final Set<String> GEOGRAPHY = Set.of("time_period", "time_identifier", "geographic_level", "country_code",
      "country_name", "region_code", "region_name", "new_la_code", "old_la_code", "la_name");
  @TempDir
  static Path dir;
  static Locations locations;
  static List<String> written;

  @BeforeAll
  static void publish() {
    locations = CanonicalFixture.draw(1234L, 144).write(spark, dir);
    Progress quiet = new Progress(new PrintStream(new ByteArrayOutputStream()));
    Analyses.run(spark, locations, quiet);
    written = EesPublisher.run(spark, locations, quiet);
  }

  static Path ees(String name) {
    return Paths.get(locations.ees(name));
  }

  @Test
  void everyFileIsWrittenWithItsMeta() {
    assertEquals(EesFiles.all().size(), written.size(), "one data file per declared EES file");
    for (EesFile f : EesFiles.all()) {
      assertTrue(Files.isRegularFile(ees(f.name() + ".csv")), f.name() + ".csv should be one file");
      assertTrue(Files.isRegularFile(ees(f.name() + ".meta.csv")), f.name() + ".meta.csv should exist");
    }
  }

  @Test
  void dataFilesFollowTheLayoutRules() throws Exception {
    for (EesFile f : EesFiles.all()) {
      String name = f.name() + ".csv";
      String text = Files.readString(ees(name));
      assertFalse(text.contains("£"), name + ": no pound sign in values");
      assertFalse(text.contains("\r"), name + ": LF line endings");
      EesCsv csv = EesCsv.read(ees(name));
      assertFalse(csv.rows.isEmpty(), name + " should have rows");
      for (String column : csv.header) {
        assertTrue(column.matches("[a-z][a-z0-9_]*"), name + ": header " + column + " should be snake_case");
      }
      for (String mandatory : List.of("time_period", "time_identifier", "geographic_level", "country_code",
          "country_name")) {
        assertTrue(csv.header.contains(mandatory), name + " should have " + mandatory);
      }
      for (List<String> row : csv.rows) {
        assertEquals(csv.header.size(), row.size(), name + ": every row has every column");
        Map<String, String> r = new HashMap<>();
        for (int i = 0; i < row.size(); i++) {
          r.put(csv.header.get(i), row.get(i));
        }
        String level = r.get("geographic_level");
        assertTrue(Set.of("National", "Regional", "Local authority").contains(level), name + ": level " + level);
        assertEquals("E92000001", r.get("country_code"), name + ": country code");
        assertTrue(r.get("time_period").matches("\\d{4}|\\d{6}"), name + ": time_period " + r.get("time_period"));
        assertEquals(r.get("time_period").length() == 4 ? "Calendar year" : "Financial year",
            r.get("time_identifier"), name + ": time identifier fits the period");
        if (!level.equals("National")) {
          assertTrue(r.get("region_code").matches("E12\\d{6}") && !r.get("region_name").isEmpty(),
              name + ": " + level + " rows name their region");
        } else if (r.containsKey("region_code")) {
          assertEquals("", r.get("region_code"), name + ": national rows leave region blank");
        }
        if (level.equals("Local authority")) {
          assertTrue(r.get("new_la_code").matches("E\\d{8}"), name + ": one council's new_la_code " + r.get("new_la_code"));
          assertTrue(r.get("old_la_code").matches("\\d{3}|x"),
              name + ": old_la_code " + r.get("old_la_code") + " (x: a 2009 county DfE lists without one)");
          assertFalse(r.get("la_name").isEmpty(), name + ": la_name");
        }
      }
    }
  }

  @Test
  void metaFilesDescribeTheirDataFiles() throws Exception {
    for (EesFile f : EesFiles.all()) {
      EesCsv data = EesCsv.read(ees(f.name() + ".csv"));
      EesCsv meta = EesCsv.read(ees(f.name() + ".meta.csv"));
      String name = f.name() + ".meta.csv";
      assertEquals(EesPublisher.META_COLUMNS, meta.header, name + ": the EES meta columns in order");
      List<String> described = new ArrayList<>();
      for (List<String> m : meta.rows) {
        String column = m.get(0);
        String type = m.get(1);
        described.add(column);
        assertTrue(data.header.contains(column), name + ": " + column + " is a data column");
        assertFalse(GEOGRAPHY.contains(column), name + ": geography columns are not in the meta file");
        assertTrue(type.equals("Filter") || type.equals("Indicator"), name + ": col_type of " + column);
        assertFalse(m.get(2).isEmpty(), name + ": " + column + " has a label");
        if (type.equals("Indicator")) {
          assertTrue(m.get(5).matches("\\d+"), name + ": " + column + " declares indicator_dp");
          checkIndicator(f.name(), data.values(column), m.get(4), Integer.parseInt(m.get(5)), column);
        } else {
          assertTrue(m.get(4).isEmpty() && m.get(5).isEmpty(), name + ": a filter has no unit or dp");
          assertFalse(m.get(6).isEmpty(), name + ": filter " + column + " has a hint");
          if (!m.get(7).isEmpty()) {
            assertTrue(data.header.contains(m.get(7)), name + ": grouping column " + m.get(7) + " is in the data");
            described.add(m.get(7));
          }
          if (m.get(2).contains("Total =")) {
            assertTrue(data.values(column).contains("Total"), f.name() + ": filter " + column + " has Total rows");
          }
          assertFalse(data.values(column).contains(""), f.name() + ": filter " + column + " is never blank");
        }
      }
      for (String column : data.header) {
        assertTrue(GEOGRAPHY.contains(column) || described.contains(column)
                || column.equals(EesFile.DATA_STATUS) && data.values(column).stream().distinct().count() == 1,
            f.name() + ".csv: column " + column + " is described by the meta file (or is the one-valued data status)");
      }
    }
  }

  private static void checkIndicator(String file, List<String> values, String unit, int dp, String column) {
    for (String v : values) {
      if (SYMBOLS.contains(v)) {
        continue;
      }
      assertTrue(v.matches("-?\\d+(\\.\\d+)?"), file + ": " + column + " value '" + v + "' is a number or symbol");
      int decimals = v.contains(".") ? v.length() - v.indexOf('.') - 1 : 0;
      assertEquals(dp, decimals, file + ": " + column + " is written with its declared dp: " + v);
      if (unit.equals("%")) {
        double pct = Double.parseDouble(v);
        assertTrue(pct >= 0 && pct <= 100, file + ": " + column + " is a percentage as 0-100: " + v);
      }
    }
  }

  @Test
  void percentagesAreWrittenAsWholeNumbersNotFractions() throws Exception {
    EesCsv chairing = EesCsv.read(ees("chair_type.csv"));
    List<Double> pcts = chairing.values("pct").stream().filter(v -> !SYMBOLS.contains(v)).map(Double::valueOf)
        .toList();
    assertTrue(pcts.stream().anyMatch(p -> p > 1), "chair type shares are written as 34, not 0.34");
    assertTrue(chairing.values("pct").contains("100.0"), "Total rows are 100%");
  }

  @Test
  void footnotesEndWithTheRunsDataStatus(@TempDir Path other) throws Exception {
    Path analysis = Paths.get(locations.analysis(""));
    try (Stream<Path> files = Files.walk(analysis)) {
      for (Path f : files.toList()) {
        Files.copy(f, other.resolve("analysis").resolve(analysis.relativize(f).toString()));
      }
    }
    Locations real = new Locations(locations.raw(), locations.reference(), locations.published(), other.toString());
    DataStatus status = new DataStatus(DataStatus.RECONSTRUCTED, DataStatus.returnsLabel(DataStatus.RECONSTRUCTED),
        DataStatus.ONS, NomisLayout.DESCRIPTION, "test-run").applyTo(spark);
    try {
      EesPublisher.run(spark, real, new Progress(new PrintStream(new ByteArrayOutputStream())),
          () -> NomisLayout.DESCRIPTION);
    } finally {
      DataStatus.clear(spark);
    }
    EesCsv footnotes = EesCsv.read(other.resolve("ees/footnotes.csv"));
    List<String> header = footnotes.header;
    assertEquals(DataStatus.CSV_COLUMNS, header.subList(header.size() - 3, header.size()),
        "footnotes.csv (written with a real population) ends with the status columns, as every non-EES-data CSV");
    assertFalse(footnotes.rows.isEmpty(), "a real population gives at least its source line as a footnote");
    for (List<String> row : footnotes.rows) {
      assertEquals(status.csvValues(), row.subList(row.size() - 3, row.size()), "every footnote row says: " + row);
    }
  }

  @Test
  void rerunningGivesByteIdenticalFiles() throws Exception {
    Map<String, byte[]> before = new HashMap<>();
    for (EesFile f : EesFiles.all()) {
      before.put(f.name(), Files.readAllBytes(ees(f.name() + ".csv")));
      before.put(f.name() + ".meta", Files.readAllBytes(ees(f.name() + ".meta.csv")));
    }
    Progress quiet = new Progress(new PrintStream(new ByteArrayOutputStream()));
    Analyses.run(spark, locations, quiet);
    EesPublisher.run(spark, locations, quiet);
    for (EesFile f : EesFiles.all()) {
      assertArrayEquals(before.get(f.name()), Files.readAllBytes(ees(f.name() + ".csv")),
          f.name() + ".csv should be byte-identical on a rerun");
      assertArrayEquals(before.get(f.name() + ".meta"), Files.readAllBytes(ees(f.name() + ".meta.csv")),
          f.name() + ".meta.csv should be byte-identical on a rerun");
    }
  }
}
