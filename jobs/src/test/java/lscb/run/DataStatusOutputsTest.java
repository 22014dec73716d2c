package lscb.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import lscb.io.DataStatus;
import lscb.io.Locations;
import lscb.io.Progress;
import lscb.testing.Fixtures;
import lscb.testing.SparkTestBase;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every output kind says where its numbers come from, read back from the written files: a run on the
 * shipped data (reconstructed returns, synthetic population) and one on the tests' fixture returns with a
 * population file that is not the synthetic one (both "as supplied").
 */
@Tag("slow") // left out by ./lscb test --fast: two full pipeline runs
class DataStatusOutputsTest extends SparkTestBase {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;
  static Run shipped;
  static Run supplied;

  /** One finished run: its run folder (OUT/runs/RUN-ID), its id and the status it should carry. */
  record Run(String name, Path out, String runId, String returns, String population) {}

  @BeforeAll
  static void runBoth() throws IOException {
    Path repo = Fixtures.repository();
    String data = repo.resolve("data").toString();
    shipped = run("shipped", new Locations(data + "/raw", data + "/reference", data + "/published",
        tmp.resolve("shipped").toString()), DataStatus.RECONSTRUCTED, DataStatus.SYNTHETIC);

    Path raw = Fixtures.copyReturns(tmp.resolve("raw"));
    Files.createDirectories(raw.resolve("population"));
    Files.copy(repo.resolve("data/raw/population/SYNTHETIC-myeb-2001-2010.csv"),
        raw.resolve("population/myeb-2001-2010.csv"));
    supplied = run("supplied", Fixtures.locations(raw, tmp.resolve("supplied")), DataStatus.AS_SUPPLIED,
        DataStatus.AS_SUPPLIED);
  }

  private static Run run(String name, Locations where, String returns, String population) {
    Progress quiet = new Progress(new PrintStream(new ByteArrayOutputStream()));
    AtomicRun.Outcome outcome = AtomicRun.run(spark, where, Map.of(), quiet, r -> 0);
    assertEquals(returns, outcome.result().status().returns(), name + ": the returns' status derived from the inputs");
    assertEquals(population, outcome.result().status().population(), name + ": the population's status");
    return new Run(name, Path.of(new org.apache.hadoop.fs.Path(outcome.folder()).toUri().getPath()), outcome.runId(),
        returns, population);
  }

  private static String summary(Run run) {
    return run.returns().equals(DataStatus.RECONSTRUCTED)
        ? "Reconstructed returns, not real; synthetic population, not ONS figures"
        : "Returns as supplied; population as supplied";
  }

  @Test
  void everyParquetFileCarriesTheStatusInItsFooter() throws IOException {
    for (Run run : List.of(shipped, supplied)) {
      List<Path> parts = files(run.out(), ".parquet");
      assertTrue(parts.size() > 20, run.name() + ": the run wrote its Parquet tables, found " + parts.size());
      for (Path part : parts) {
        Map<String, String> footer;
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(
            new org.apache.hadoop.fs.Path(part.toUri()), new Configuration()))) {
          footer = reader.getFileMetaData().getKeyValueMetaData();
        }
        String where = run.name() + ": " + run.out().relativize(part);
        assertEquals(run.returns(), footer.get("lscb.returns_source"), where + " lscb.returns_source");
        assertEquals(run.population(), footer.get("lscb.population_source"), where + " lscb.population_source");
        assertEquals(run.runId(), footer.get("lscb.run_id"), where + " lscb.run_id");
        assertTrue(footer.containsKey("org.apache.spark.sql.parquet.row.metadata"), where + " keeps Spark's own schema");
      }
    }
  }

  @Test
  void everyEesFileSaysWhereItsNumbersComeFromInEveryRow() throws IOException {
    for (Run run : List.of(shipped, supplied)) {
      List<Path> data = files(run.out().resolve("ees"), ".csv").stream()
          .filter(p -> !p.toString().endsWith(".meta.csv")).toList();
      assertTrue(data.size() >= 15, run.name() + ": the EES files were written");
      for (Path file : data) {
        List<List<String>> csv = csv(file);
        List<String> header = csv.get(0);
        int at = header.indexOf("data_status");
        assertTrue(at > 0, run.name() + ": " + file.getFileName() + " has a data_status column");
        assertEquals("data_status", header.get(header.indexOf("geographic_level") + 1 + geographyAfterLevel(header)),
            file.getFileName() + ": data_status comes right after the geography columns");
        assertTrue(csv.size() > 1, run.name() + ": " + file.getFileName() + " has rows");
        csv.stream().skip(1).forEach(row -> assertEquals(summary(run), row.get(at),
            run.name() + ": " + file.getFileName() + " says where every row's numbers come from"));
        assertFalse(header.contains("run_id"), "no run id in an EES file: it would break byte-identical reruns");
        List<List<String>> meta = csv(Path.of(file.toString().replace(".csv", ".meta.csv")));
        assertTrue(meta.stream().noneMatch(r -> r.get(0).equals("data_status")), file.getFileName()
            + ": data_status stays out of the meta file (a one-item filter without Total fails DfE's screener)");
      }
    }
  }

  /** How many geography columns follow geographic_level (country, region, local authority). */
  private static int geographyAfterLevel(List<String> header) {
    return (int) header.stream().filter(c -> c.matches("country_(code|name)|region_(code|name)|new_la_code"
        + "|old_la_code|la_name")).count();
  }

  @Test
  void theManifestStatesTheStatus() throws IOException {
    for (Run run : List.of(shipped, supplied)) {
      JsonNode status = JSON.readTree(run.out().resolve("manifest.json").toFile()).get("data_status");
      assertEquals(run.returns(), status.get("returns").asText(), run.name() + ": manifest data_status.returns");
      assertEquals(run.population(), status.get("population").asText(), run.name() + ": data_status.population");
      assertEquals(summary(run), status.get("summary").asText(), run.name() + ": data_status.summary");
      assertTrue(summary(run).startsWith(status.get("returns_label").asText()), "returns_label in the summary");
      assertFalse(status.get("population_label").asText().isBlank(), "a population_label");
    }
  }

  @Test
  void rejectsReconciliationAndConformanceEndWithTheStatusColumns() throws IOException {
    for (Run run : List.of(shipped, supplied)) {
      for (String name : List.of("rejects/returns.csv", "rejects/population.csv", "reconciliation.csv",
          "conformance.csv")) {
        List<List<String>> csv = csv(run.out().resolve(name));
        List<String> header = csv.get(0);
        assertEquals(DataStatus.CSV_COLUMNS, header.subList(header.size() - 3, header.size()),
            run.name() + ": " + name + " ends with the status columns");
        for (List<String> row : csv.subList(1, csv.size())) {
          assertEquals(List.of(summary(run), run.returns(), run.population()), row.subList(row.size() - 3, row.size()),
              run.name() + ": " + name + " row " + row);
        }
      }
      assertTrue(csv(run.out().resolve("rejects/returns.csv")).size() > 1, run.name() + ": some rejects to check");
    }
  }

  @Test
  void everyCsvCarriesTheStatusOrIsAnEesMetaFile() throws IOException {
    for (Run run : List.of(shipped, supplied)) {
      for (Path file : files(run.out(), ".csv")) {
        List<String> header = csv(file).get(0);
        boolean carries = header.contains("data_status");
        assertTrue(carries || file.getFileName().toString().endsWith(".meta.csv"), run.name() + ": "
            + run.out().relativize(file) + " carries data_status or is declared in the README as unable to");
      }
    }
  }

  private static List<Path> files(Path root, String suffix) {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(suffix))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** RFC 4180 records of a small CSV file. */
  private static List<List<String>> csv(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted && c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
        field.append('"');
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == ',' || c == '\n')) {
        record.add(field.toString());
        field.setLength(0);
        if (c == '\n') {
          records.add(record);
          record = new ArrayList<>();
        }
      } else {
        field.append(c);
      }
    }
    return records;
  }
}
