package lscb.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lscb.analysis.Analyses;
import lscb.ingest.Normalise;
import lscb.io.Locations;
import lscb.io.Progress;
import lscb.population.PopulationJob;
import lscb.testing.Fixtures;
import lscb.testing.SharedData;
import lscb.testing.SparkTestBase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped (reconstructed) returns reproduce every figure of the report through the real stages. */
@Tag("slow") // left out by ./lscb test --fast
class ShippedConformanceTest extends SparkTestBase {
  @TempDir
  static Path out;

  @Test
  void theShippedReturnsReproduceAll42PublishedFigures() throws Exception {
    Path repo = Fixtures.repository();
    Locations locations = new Locations(repo.resolve("data/raw").toString(),
        repo.resolve("data/reference").toString(), repo.resolve("data/published").toString(), out.toString());
    Progress quiet = new Progress(new PrintStream(new ByteArrayOutputStream()));
    Normalise.run(spark, locations, quiet);
    PopulationJob.run(spark, locations, quiet);
    Analyses.run(spark, locations, quiet);
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream previous = System.out;
    boolean ok;
    try {
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      ok = ReportCheck.run(spark, locations, new Progress(System.out));
    } finally {
      System.setOut(previous);
    }
    String table = printed.toString(StandardCharsets.UTF_8);
    assertTrue(ok, "every published figure should be reproduced:\n" + table);
    List<String> rows = Files.readAllLines(Path.of(locations.output("conformance.csv")));
    assertEquals(85, rows.size(), "conformance.csv: header + the 84 rows of figures.csv");
    assertEquals(42, rows.stream().skip(1).map(l -> l.substring(0, l.indexOf(','))).distinct().count(),
        "the 42 figure ids R1 ... D3");
    assertTrue(rows.stream().skip(1).allMatch(l -> l.contains(",true,")), "every row ok");
    assertTrue(table.contains("42 of 42 figures reproduced (84 of 84 rows)"), "the summary line:\n" + table);
    Path lookups = EesScreen.sharedLookups();
    SharedData.require(lookups != null, "shared/data/ees (DfE's screener lookups)");
    EesPublisher.run(spark, locations, quiet);
    assertEquals(List.of(), EesScreen.over(lookups).problems(Path.of(locations.ees(""))),
        "the shipped data's EES files pass DfE's screener checks");
  }
}
