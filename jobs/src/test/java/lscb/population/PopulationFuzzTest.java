package lscb.population;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lscb.io.Locations;
import lscb.io.Progress;
import lscb.io.TextSplits;
import lscb.io.UserError;
import lscb.testing.Fixtures;
import lscb.testing.Fuzz;
import lscb.testing.SparkTestBase;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the population readers with one population run over many mutated files: byte-level
 * mutations of (a slice of) the shipped file, and odd values in every column of the long and the
 * wide layout. Seeded: -Dlscb.fuzz.seed=N (see README, "Fuzz tests").
 */
@Tag("slow") // a few minutes of Spark: run by ./lscb test (CI), left out by ./lscb test --fast
class PopulationFuzzTest extends SparkTestBase {
  static final int SLICE = 546;
  /** The columns that make a cell's key (area, sex, age, year): an odd value there can copy another line. */
  static final String KEY_COLUMNS = "(?i)ladcode18|sex|age|code|year|lsoa code|la code \\(2018 boundaries\\)";

  @TempDir static Path tmp;
  static Locations where;
  static final List<PopulationSource> sources = new ArrayList<>();
  static final List<String> headerErrors = new ArrayList<>();
  /** Each mutated line ("file:line") and what was done to it (column, value). */
  static final Map<String, String[]> cases = new LinkedHashMap<>();
  static final Map<String, Row> lines = new HashMap<>();
  static final Map<String, List<Row>> cellsByLine = new HashMap<>();
  static final Map<String, List<Row>> rejectsByLine = new HashMap<>();

  @BeforeAll
  static void fuzz() throws IOException {
    System.out.println("[fuzz] population: seed " + Fuzz.seed() + " (rerun with -Dlscb.fuzz.seed=" + Fuzz.seed() + ")");
    Path dir = Files.createDirectories(tmp.resolve("raw/population"));
    List<String> shipped = new ArrayList<>();
    try (var all = Files.lines(Fixtures.repository().resolve(PopulationFuzzFiles.SHIPPED))) {
      all.limit(SLICE + 1).forEach(shipped::add);
    }
    List<Fuzz.Mutation> mutations = Fuzz.mutations();
    for (int k = 0; k < mutations.size(); k++) {
      // Each file its own years, so that files do not duplicate each other's cells.
      List<String> slice = new ArrayList<>(shipped);
      slice.set(0, PopulationFuzzFiles.withYears(slice.get(0), 2011 + 10 * k));
      byte[] bytes = (String.join("\r\n", slice) + "\r\n").getBytes(StandardCharsets.UTF_8);
      Fuzz.Mutation m = mutations.get(k);
      write(dir.resolve("bytes-" + m.name() + ".csv"), m.apply().apply(bytes, Fuzz.random("population" + m.name())));
    }
    write(dir.resolve("columns-long.csv"), PopulationFuzzFiles.longColumns(shipped, cases));
    write(dir.resolve("columns-wide-mid-2099.csv"), PopulationFuzzFiles.wideColumns(cases));
    write(dir.resolve("columns-nomis.csv"), PopulationFuzzFiles.nomisColumns(cases));
    write(dir.resolve(SmallAreaFuzzFile.NAME), SmallAreaFuzzFile.bytes(PopulationFuzzFiles.shippedAreas(), cases));

    where = new Locations(tmp.resolve("raw").toString(), Fixtures.repository().resolve("data/reference").toString(),
        "unused", tmp.resolve("out").toString());
    PopulationJob.run(spark, where, new Progress(new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8)), dir.toString(), null);

    // The rejects the stage wrote, per line; and the same readers and checks, kept per line and per
    // count row, for the column-variant files.
    for (Row r : spark.read().parquet(where.rejects("population")).where(col("source_line").isNotNull()).collectAsList()) {
      rejectsByLine.computeIfAbsent(r.getAs("source_file") + ":" + r.getAs("source_line"), x -> new ArrayList<>()).add(r);
    }
    Dataset<Row> codes = AreaCrosswalk.load(spark, where).areas().select("area_code");
    TextSplits splits = PopulationReader.scan(spark, sources);
    for (PopulationSource source : sources) {
      if (!source.fileName().startsWith("columns-")) {
        continue;
      }
      Dataset<Row> classified = PopulationChecks.classify(PopulationReader.lines(spark, splits, source), codes).cache();
      for (Row r : classified.collectAsList()) {
        lines.put(r.getAs("source_file") + ":" + r.getAs("source_line"), r);
      }
      Dataset<Row> counted = PopulationChecks.countRows(classified, source)
          .where(col("status").equalTo(PopulationChecks.CANDIDATE));
      for (Row r : counted.collectAsList()) {
        cellsByLine.computeIfAbsent(r.getAs("source_file") + ":" + r.getAs("source_line"), x -> new ArrayList<>())
            .add(r);
      }
      classified.unpersist();
    }
  }

  @Test
  void everyFileIsReconciledAndEveryRejectGivesAReason() {
    List<Row> reconciliation = sql("SELECT source_file, rows_read, used, out_of_scope, rejected FROM parquet.`%s`",
        where.processed("population_reconciliation"));
    assertEquals(sources.size(), reconciliation.size(), "every file read is reconciled: " + reconciliation);
    for (Row r : reconciliation) {
      assertEquals(r.getLong(1), r.getLong(2) + r.getLong(3) + r.getLong(4),
          "lines read = used + out of scope + rejected for " + r.getString(0) + " (seed " + Fuzz.seed() + ")");
    }
    for (Row r : sql("SELECT field, reason FROM parquet.`%s`", where.rejects("population"))) {
      assertTrue(r.getString(1) != null && r.getString(1).length() > 10, "a reject gives a reason: " + r);
    }
  }

  @Test
  void aBrokenHeaderIsOnePlainUserErrorNamingTheFile() {
    for (String error : headerErrors) {
      assertTrue(error.contains("population file") && !error.contains("Exception"), "a plain message: " + error);
    }
    assertTrue(sources.size() >= 2, "the column-variant files are read");
  }

  @Test
  void everyOddValueIsRejectedNamingItsColumnOrUsedSane() {
    List<String> failures = new ArrayList<>();
    int passed = 0;
    for (Map.Entry<String, String[]> c : cases.entrySet()) {
      String column = c.getValue()[0];
      String what = c.getKey() + " " + column + " = '" + c.getValue()[1] + "'";
      Row line = lines.get(c.getKey());
      if (line == null) {
        failures.add(what + ": no line read");
        continue;
      }
      String status = line.getAs("status");
      if (status.equals(PopulationChecks.REJECTED)) {
        List<Row> problems = line.getList(line.fieldIndex("problems"));
        if (problems.stream().noneMatch(p -> column.equalsIgnoreCase(p.getString(0)))) {
          failures.add(what + ": line rejected naming " + problems);
        }
        continue;
      }
      List<Row> cells = cellsByLine.getOrDefault(c.getKey(), List.of());
      List<Row> bad = rejectsByLine.getOrDefault(c.getKey(), List.of()).stream()
          .filter(r -> !r.<String>getAs("reason").contains("cannot be split back")).toList();
      boolean key = column.matches(KEY_COLUMNS);
      if (!bad.isEmpty()) {
        if (bad.stream().noneMatch(r -> column.equals(r.getAs("field"))
            || (r.<String>getAs("reason").startsWith("duplicate") && (key || copiesAMutatedKey(c.getKey(), cells))))) {
          failures.add(what + ": cells rejected naming " + bad.stream().map(r -> r.getAs("field") + " ("
              + r.getAs("reason") + ")").toList());
        }
        continue;
      }
      passed++;
      String sex = line.getAs("sex");
      if (!status.equals(PopulationChecks.OUT_OF_SCOPE) && (sex == null || !Set.of("M", "F", "P").contains(sex))) {
        failures.add(what + ": used with sex " + sex);
      }
      for (Row cell : cells) {
        long children = cell.getAs("children");
        int good = cell.getAs("good_bits");
        Integer year = cell.getAs("year");
        if (children < 0 || children > 18 * PopulationChecks.PLAUSIBLE_COUNT || good != (int) cell.getAs("covered_bits")
            || year == null || year < 1900 || year > 2099) {
          failures.add(what + ": used with children " + children + ", ages " + Integer.toBinaryString(good)
              + " of " + Integer.toBinaryString(cell.getAs("covered_bits")) + ", year " + year);
        }
      }
    }
    assertTrue(failures.isEmpty(), failures.size() + " of " + cases.size() + " cases (seed " + Fuzz.seed() + "):\n"
        + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
    assertTrue(passed > 20, "some odd values are harmless and used, so the sanity checks bite: " + passed);
  }

  @Test
  void theFuzzCoversEveryColumnOfEveryLayout() {
    Set<String> fuzzed = new LinkedHashSet<>();
    cases.values().forEach(c -> fuzzed.add(c[0]));
    for (PopulationSource source : sources) {
      if (source.fileName().startsWith("columns-")) {
        for (int i : List.of(source.codeIndex(), source.sexIndex(), source.ageIndex(), source.yearIndex(),
            source.smallAreaIndex())) {
          assertTrue(i < 0 || fuzzed.contains(source.label(i)), source.fileName() + ": " + source.label(i) + " fuzzed");
        }
        source.counts().forEach(c -> assertTrue(fuzzed.contains(c.label()), source.fileName() + ": " + c.label()));
      }
    }
    Set<PopulationSource.Layout> layouts = new java.util.HashSet<>();
    sources.stream().filter(s -> s.fileName().startsWith("columns-")).forEach(s -> layouts.add(s.layout()));
    assertEquals(Set.of(PopulationSource.Layout.values()), layouts, "a column-variant file for every layout");
  }

  /**
   * True when a duplicate cell of {@code line} shares its key with a cell of another line whose own
   * mutation was of a key column (area, sex, age, year): that line was made into a copy of this one.
   */
  private static boolean copiesAMutatedKey(String line, List<Row> rows) {
    return cellsByLine.entrySet().stream().anyMatch(e -> !e.getKey().equals(line) && cases.containsKey(e.getKey())
        && cases.get(e.getKey())[0].matches(KEY_COLUMNS)
        && e.getValue().stream().anyMatch(other -> rows.stream().anyMatch(row -> overlap(row, other))));
  }

  /** Two count rows of the same area, small area, sex and year that count some age both. */
  private static boolean overlap(Row a, Row b) {
    return java.util.Arrays.asList(a.getAs("area_code"), a.getAs("small_area"), a.getAs("sex"), a.getAs("year"))
        .equals(java.util.Arrays.asList(b.getAs("area_code"), b.getAs("small_area"), b.getAs("sex"), b.getAs("year")))
        && ((int) a.getAs("covered_bits") & (int) b.getAs("covered_bits")) != 0;
  }

  /** Writes a file and finds its layout as the run will; a header the run cannot use is a plain UserError. */
  private static void write(Path file, byte[] bytes) throws IOException {
    Files.write(file, bytes);
    List<String> first = new String(bytes, StandardCharsets.UTF_8).lines().limit(PopulationSource.MAX_PREAMBLE).toList();
    try {
      sources.add(PopulationSource.detect(file.toString(), first, null));
    } catch (UserError e) {
      headerErrors.add(e.getMessage());
      Files.move(file, file.resolveSibling(file.getFileName() + ".header-rejected"));
    }
  }
}
