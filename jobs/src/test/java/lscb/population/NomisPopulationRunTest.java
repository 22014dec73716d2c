package lscb.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import lscb.io.Locations;
import lscb.io.Progress;
import lscb.run.AtomicRun;
import lscb.run.RunFolders;
import lscb.testing.Fixtures;
import lscb.testing.RealPopulation;
import lscb.testing.SparkTestBase;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on the shipped returns and the real ONS population (the Nomis NM_2002_1 export
 * in ../shared/data/population/), once; the tests read what it wrote. Without that folder they fail,
 * naming it (SharedData.require): a skipped test would prove nothing.
 */
@Tag("slow") // the full pipeline; left out by ./lscb test --fast, run by CI's ./lscb test
class NomisPopulationRunTest extends SparkTestBase {
  static final Set<String> WITHOUT_SPLIT = Set.of("E06000028", "E06000029", "E10000009");
  @TempDir static Path out;
  static Locations locations;
  static AtomicRun.Outcome outcome;
  static Path run;
  static String printed;
  static Map<String, Long> file;

  @BeforeAll
  static void runOnTheRealFile() {
    RealPopulation.require();
    Path repo = Fixtures.repository();
    locations = new Locations(repo.resolve("data/raw").toString(), repo.resolve("data/reference").toString(),
        repo.resolve("data/published").toString(), out.resolve("out").toString());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    outcome = AtomicRun.run(spark, locations, RealPopulation.FOLDER.toString(), Map.of("population",
        RealPopulation.FOLDER.toString()), new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8)),
        r -> r.conforms() ? 0 : 4, RunFolders.DEFAULT_KEEP);
    printed = bytes.toString(StandardCharsets.UTF_8);
    // The run's outputs are in its own folder (OUT/runs/RUN-ID), which OUT/LATEST names.
    run = Path.of(new org.apache.hadoop.fs.Path(outcome.folder()).toUri().getPath());
    locations = new Locations(locations.raw(), locations.reference(), locations.published(), run.toString());
    file = RealPopulation.childrenByCodeAndYear();
  }

  static Map<String, Long> councils(int year) {
    Map<String, Long> values = new HashMap<>();
    for (Row r : spark.read().parquet(locations.processed("population_council")).where("year = " + year)
        .collectAsList()) {
      values.put(r.getAs("council_code"), r.getAs("children_under_18"));
    }
    return values;
  }

  @Test
  void every2006CouncilButBournemouthPooleAndDorsetHasAFigureEveryYear() {
    Map<Integer, Set<String>> byYear = new HashMap<>();
    for (Row r : spark.read().parquet(locations.processed("population_council")).collectAsList()) {
      byYear.computeIfAbsent(r.<Integer>getAs("year"), y -> new TreeSet<>()).add(r.getAs("council_code"));
    }
    assertEquals(24, byYear.size(), "every mid-year of the export, 1997-2020: " + byYear.keySet());
    for (int year = 1997; year <= 2020; year++) {
      Set<String> got = byYear.getOrDefault(year, Set.of());
      assertEquals(147, got.size(), "mid-" + year + ": 150 councils less Bournemouth, Poole and Dorset");
      assertTrue(WITHOUT_SPLIT.stream().noneMatch(got::contains), "mid-" + year + ": no invented split");
    }
  }

  @Test
  void englandAged0To17ReconcilesExactly() {
    Map<Integer, Long> ons = Map.of(2006, 11_109_827L, 2007, 11_152_784L);
    for (int year : List.of(2006, 2007)) {
      long councils = councils(year).values().stream().mapToLong(Long::longValue).sum();
      long leftOut = file.get("E06000058/" + year) + file.get("E06000059/" + year);
      assertEquals(ons.get(year), councils + leftOut,
          "mid-" + year + " England 0-17 = the 147 councils + BCP and Dorset (E06000058, E06000059), left out");
      long independent = file.entrySet().stream().filter(e -> e.getKey().endsWith("/" + year))
          .mapToLong(Map.Entry::getValue).sum();
      assertEquals(ons.get(year), independent, "the plain-Java sum of the file's English rows, mid-" + year);
    }
  }

  @Test
  void councilsRebuiltFrom2021DistrictsEqualAnIndependentSum() {
    Map<String, List<String>> parts = Map.of(
        "E10000017", List.of("E07000117", "E07000118", "E07000119", "E07000120", "E07000121", "E07000122",
            "E07000123", "E07000124", "E07000125", "E07000126", "E07000127", "E07000128"),
        "E10000004", List.of("E06000049", "E06000050"),
        "E10000001", List.of("E06000055", "E06000056"),
        "E10000021", List.of("E06000061", "E06000062"),
        "E10000002", List.of("E06000060"),
        "E10000005", List.of("E06000052"),
        "E06000053", List.of("E06000053"),
        "E10000010", List.of("E06000047"),
        "E08000020", List.of("E08000037"),
        "E10000022", List.of("E06000057"));
    for (int year : List.of(2006, 2007)) {
      Map<String, Long> got = councils(year);
      parts.forEach((council, districts) -> assertEquals(
          districts.stream().mapToLong(d -> file.get(d + "/" + year)).sum(), got.get(council),
          council + " mid-" + year + " = " + districts + " summed from the file"));
    }
  }

  @Test
  void bournemouthPooleAndDorsetAreRejectedWithTheReasonAndTheirLinesAccountedFor() {
    List<Row> rejects = spark.read().parquet(locations.rejects("population")).collectAsList();
    for (String council : WITHOUT_SPLIT) {
      assertTrue(rejects.stream().anyMatch(r -> council.equals(r.getAs("area_code"))
              && PopulationJobTest.text(r, "reason").contains("mid-2006")
              && PopulationJobTest.text(r, "reason").contains("no split is invented")),
          council + " mid-2006 has a reject saying why it has no figure");
    }
    for (String area : List.of("E06000058", "E06000059")) {
      assertEquals(24, rejects.stream().filter(r -> area.equals(r.getAs("area_code"))
          && r.getAs("source_line") != null).count(), area + ": each of its 24 lines is a reject with its line");
    }
    Row recon = spark.read().parquet(locations.processed("population_reconciliation")).first();
    long read = recon.getAs("rows_read");
    assertEquals(8976L, read, "every data line of the export is read");
    assertEquals(read, (long) recon.getAs("used") + (long) recon.getAs("out_of_scope")
        + (long) recon.getAs("rejected"), "read = used + out of scope + rejected");
    assertEquals(65L * 24, (long) recon.getAs("out_of_scope"), "Wales, Scotland and Northern Ireland by code");
    assertEquals(48L, (long) recon.getAs("rejected"), "the lines of BCP and Dorset (2021 codes)");
    assertEquals("nomis", recon.getAs("layout"), "the layout is detected from the header");
  }

  @Test
  void theRunSaysWhichPopulationItUsed() throws IOException {
    assertTrue(printed.contains("using ONS mid-year estimates, revised series (Nomis NM_2002_1)"), printed);
    assertTrue(printed.contains("nomis-NM_2002_1-persons-sya-1997-2020.csv"), "the file is named: " + printed);
    JsonNode manifest = new ObjectMapper().readTree(run.resolve("manifest.json").toFile());
    assertEquals("ons", manifest.path("data_status").path("population").asText(), manifest.toString());
    assertEquals("ONS mid-year estimates, revised series (Nomis NM_2002_1)",
        manifest.path("data_status").path("population_label").asText());
    assertEquals("ONS mid-year estimates (revised series); Source: Office for National Statistics licensed under the"
        + " Open Government Licence v3.0", manifest.path("data_status").path("population_notice").asText(),
        "the sentence the notebooks show instead of the synthetic warning");
    JsonNode input = null;
    for (JsonNode i : manifest.path("inputs")) {
      if (i.path("role").asText().equals("population")) {
        input = i;
      }
    }
    assertTrue(input != null && input.path("path").asText().endsWith("nomis-NM_2002_1-persons-sya-1997-2020.csv"),
        "the real file is listed among the inputs: " + manifest.path("inputs"));
    assertEquals("f186144553eeeff3fc8bc018b4c78e9ab90dbf84cc7bbd9c01679b82028d0173", input.path("sha256").asText(),
        "with the sha256 its PROVENANCE.md gives");
    assertEquals(8976, input.path("rows_read").asInt(), "and its rows read");
  }

  @Test
  void perChildFiguresAreStatedHonestly() throws IOException {
    List<String> lines = Files.readAllLines(run.resolve("conformance.csv"), StandardCharsets.UTF_8);
    Map<String, String> perChild = lines.stream().filter(l -> l.matches("F[1-4],per_child,.*"))
        .collect(Collectors.toMap(l -> l.substring(0, 2), l -> l));
    assertEquals(4, perChild.size(), "F1-F4 per child are checked");
    for (String id : List.of("F1", "F2", "F3")) {
      assertTrue(perChild.get(id).contains(",false,") && perChild.get(id).contains("revised"),
          id + " differs on the revised series and says why: " + perChild.get(id));
    }
    assertTrue(perChild.get("F3").contains("£1.5683"), "Lancashire £393,857 / 251,137 children: " + perChild.get("F3"));
    assertTrue(perChild.get("F4").contains(",true,"), "F4 (£1.47) holds on the revised series too");
    assertTrue(outcome.result().conforms(), "explained per-child differences do not fail the run");
    assertFalse(outcome.result().verdict().allReproduced(), "but they are not called reproduced");
    assertEquals(0, outcome.exitCode(), "the run on the real file succeeds");
  }

  @Test
  void eesSpendFilesSayNotAvailableForBoardsWithoutASplit() throws IOException {
    List<String> spend = Files.readAllLines(run.resolve("ees/spend_per_child.csv"), StandardCharsets.UTF_8);
    List<String> header = RealPopulation.fields(spend.get(0));
    int code = header.indexOf("new_la_code");
    int children = header.indexOf("children_count");
    int perChild = header.indexOf("spend_per_child");
    TreeSet<String> shownWithX = new TreeSet<>();
    for (String line : spend.subList(1, spend.size())) {
      List<String> f = RealPopulation.fields(line);
      if (!line.contains("Local authority")) {
        continue;
      }
      if (WITHOUT_SPLIT.contains(f.get(code))) {
        shownWithX.add(f.get(code));
        assertEquals("x", f.get(children), "children not available: " + line);
        assertEquals("x", f.get(perChild), "spend per child not available: " + line);
      } else {
        assertFalse(f.get(perChild).equals("x"), "every other council's board has a figure: " + line);
      }
    }
    assertEquals(WITHOUT_SPLIT, shownWithX, "Bournemouth, Poole and Dorset answered and are shown with x");
    String footnotes = Files.readString(run.resolve("ees/footnotes.csv"), StandardCharsets.UTF_8);
    assertTrue(footnotes.contains("spend_per_child") && footnotes.contains("Christchurch")
        && footnotes.contains("Open Government Licence v3.0"), "footnotes say why, and the licence line: " + footnotes);
  }

  @Test
  void everyCsvOfARunOnOnsFiguresSaysSoButTheEesMetaFiles() throws IOException {
    List<String> status = List.of("Reconstructed returns, not real; ONS mid-year estimates, revised series (Nomis NM_2002_1)",
        "reconstructed", "ons");
    try (Stream<Path> walk = Files.walk(run)) {
      for (Path csv : walk.filter(p -> p.toString().endsWith(".csv") && !p.toString().endsWith(".meta.csv")).toList()) {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<String> header = RealPopulation.fields(lines.get(0));
        String name = run.relativize(csv).toString();
        assertTrue(header.contains("data_status"), name + " carries data_status");
        if (!name.startsWith("ees/") || name.equals("ees/footnotes.csv")) {
          assertEquals(List.of("data_status", "returns_source", "population_source"),
              header.subList(header.size() - 3, header.size()), name + " ends with the status columns");
          for (String line : lines.subList(1, lines.size())) {
            List<String> f = RealPopulation.fields(line);
            assertEquals(status, f.subList(f.size() - 3, f.size()), name + ": " + line);
          }
        }
      }
    }
  }
}
