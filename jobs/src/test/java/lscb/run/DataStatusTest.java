package lscb.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import lscb.io.DataStatus;
import lscb.io.Locations;
import lscb.io.Outputs;
import lscb.testing.Fixtures;
import lscb.testing.SparkTestBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data status follows the inputs: the README marker, the population file, and earlier tables' footers. */
class DataStatusTest extends SparkTestBase {
  @TempDir Path tmp;

  @AfterEach
  void forget() {
    DataStatus.clear(spark);
  }

  @Test
  void theShippedDataIsReconstructedAndSynthetic() {
    Path repo = Fixtures.repository();
    DataStatus status = RunDataStatus.derive(spark, Fixtures.locations(repo.resolve("data/raw"), tmp), true,
        repo.resolve("data/raw/population").toString(), null, "run-1");
    assertEquals(DataStatus.RECONSTRUCTED, status.returns(), "the shipped returns' READMEs mark them reconstructed");
    assertEquals(DataStatus.SYNTHETIC, status.population(), "the shipped population is the synthetic file");
    assertEquals("Reconstructed returns, not real; synthetic population, not ONS figures", status.summary(),
        "the plain words the CSVs carry");
    assertEquals("run-1", status.footer().get(DataStatus.RUN_ID_KEY), "the run id goes into the footer");
  }

  @Test
  void otherReturnsAreAsSuppliedUnlessTheirFolderIsMarked() throws IOException {
    Path raw = Fixtures.copyReturns(tmp.resolve("raw"));
    Locations where = Fixtures.locations(raw, tmp.resolve("out"));
    DataStatus plain = RunDataStatus.derive(spark, where, true, null, null, "r");
    assertEquals(DataStatus.AS_SUPPLIED, plain.returns(), "returns without the marker README are as supplied");
    assertEquals(DataStatus.NOT_READ, plain.population(), "a command that reads no population says so");

    Files.writeString(raw.resolve("returns/2007/README.md"), "  " + DataStatus.RECONSTRUCTED_MARKER + ": test\n");
    assertEquals(DataStatus.RECONSTRUCTED, RunDataStatus.derive(spark, where, true, null, null, "r").returns(),
        "one marked folder makes the run's returns reconstructed (the cautious reading)");
    Files.writeString(raw.resolve("returns/2007/README.md"), "# Real returns from the boards\n");
    assertEquals(DataStatus.AS_SUPPLIED, RunDataStatus.derive(spark, where, true, null, null, "r").returns(),
        "a README without the marker does not mark them");
  }

  @Test
  void aPopulationFileOtherThanTheSyntheticOneIsAsSupplied() throws IOException {
    Path population = Files.createDirectories(tmp.resolve("population"));
    Files.copy(Fixtures.repository().resolve("data/raw/population/SYNTHETIC-myeb-2001-2010.csv"),
        population.resolve("myeb-2001-2010.csv"));
    DataStatus status = RunDataStatus.derive(spark, Fixtures.locations(tmp, tmp.resolve("out")), false,
        population.toString(), null, "r");
    assertEquals(DataStatus.AS_SUPPLIED, status.population(), "a population file not named SYNTHETIC-*");
    assertEquals(DataStatus.NOT_READ, status.returns(), "a command that reads no returns says so");
    assertEquals("Returns not read; population as supplied", status.summary(), "the plain words");
  }

  @Test
  void laterCommandsTakeTheStatusFromTheTablesTheyRead() {
    Locations where = Fixtures.locations(tmp, tmp.resolve("out"));
    new DataStatus(DataStatus.AS_SUPPLIED, "Returns as supplied", DataStatus.NOT_READ, "Population not read", "n-1")
        .applyTo(spark);
    Outputs.parquet(spark.range(3).toDF(), where.processed("board_return"));
    new DataStatus(DataStatus.NOT_READ, "Returns not read", DataStatus.SYNTHETIC,
        "Synthetic population, not ONS figures", "p-1").applyTo(spark);
    Outputs.parquet(spark.range(2).toDF(), where.processed("population_board"));
    DataStatus.clear(spark);

    Map<String, String> footer = DataStatus.footer(spark.sparkContext().hadoopConfiguration(),
        where.processed("board_return"));
    assertEquals("n-1", footer.get(DataStatus.RUN_ID_KEY), "the footer names the run that wrote the table");
    DataStatus merged = DataStatus.ofTables(spark, List.of(where.processed("board_return"),
        where.processed("population_board"), where.processed("missing")), "a-1");
    assertEquals(DataStatus.AS_SUPPLIED, merged.returns(), "the returns' fact from the table that read them");
    assertEquals(DataStatus.SYNTHETIC, merged.population(), "the population's fact from the table that read it");
    assertEquals("a-1", merged.runId(), "this command's own run id");
    assertEquals(DataStatus.UNKNOWN_STATUS, DataStatus.of(spark), "a session without a status says unknown");
    assertTrue(DataStatus.UNKNOWN_STATUS.summary().contains("unrecorded"), "and says so in plain words");
  }
}
