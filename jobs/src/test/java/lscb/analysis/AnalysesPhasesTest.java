package lscb.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import lscb.io.Locations;
import lscb.io.Progress;
import lscb.io.UserError;
import lscb.testing.SparkTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline runs the analyses of the returns while its population stage is still running: they must
 * not need the population table, and spend per child, which does, must say plainly when it is missing.
 */
class AnalysesPhasesTest extends SparkTestBase {
  static final List<String> SPEND = List.of("spend_per_child", "spend_summary", "spend_extremes");

  @TempDir
  Path dir;

  @Test
  void theReturnsAnalysesNeedNoPopulationAndSpendPerChildNamesIt() throws IOException {
    Locations locations = CanonicalFixture.draw(2007L, 144).write(spark, dir);
    deleteTree(Path.of(locations.processed("population_board")));
    Progress quiet = new Progress(new PrintStream(new ByteArrayOutputStream()));

    Analyses.Started started = Analyses.start(spark, locations, quiet);
    for (String table : Analyses.TABLES) {
      boolean written = Files.isDirectory(Path.of(locations.analysis(table)));
      assertEquals(!SPEND.contains(table), written, table + " should be written by start() exactly when it is not"
          + " a spend-per-child table");
    }
    assertEquals(Analyses.TABLES.size() - SPEND.size(), started.tables().size(),
        "start() should compute every table but spend per child");

    UserError missing = assertThrows(UserError.class, () -> Analyses.finish(spark, locations, started),
        "spend per child without a population table should be a user's error, not a crash");
    assertTrue(missing.getMessage().contains("population_board") && missing.getMessage().contains("lscb population"),
        "the message should name the missing table and the stage that writes it: " + missing.getMessage());
    SPEND.forEach(table -> assertFalse(Files.exists(Path.of(locations.analysis(table))),
        table + " should not be written without a population"));
    started.in().unpersist();
  }

  @Test
  void runStopsBeforeAnyWriteWhenThePopulationIsMissing() throws IOException {
    Locations locations = CanonicalFixture.draw(2006L, 144).write(spark, dir);
    deleteTree(Path.of(locations.processed("population_board")));
    Progress quiet = new Progress(new PrintStream(new ByteArrayOutputStream()));

    assertThrows(UserError.class, () -> Analyses.run(spark, locations, quiet),
        "the analyse command without a population table should be a user's error");
    Analyses.TABLES.forEach(table -> assertFalse(Files.exists(Path.of(locations.analysis(table))),
        table + " should not be written when the stage cannot finish"));
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
