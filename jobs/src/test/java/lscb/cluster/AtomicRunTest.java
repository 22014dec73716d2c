package lscb.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import lscb.io.Locations;
import lscb.io.Progress;
import lscb.io.UserError;
import lscb.run.AtomicRun;
import lscb.run.OutputSnapshot;
import lscb.run.RunLock;
import lscb.testing.SparkTestBase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs on one output location, with real processes: a run killed with SIGKILL in the middle of a stage
 * leaves the published run intact, a run started meanwhile is refused, and the next run takes the stale
 * lock over, removes the killed run's folder and reproduces the outputs byte for byte, with a manifest that
 * names its inputs.
 */
@Tag("slow") // left out by ./lscb test --fast
class AtomicRunTest extends SparkTestBase {
  @TempDir Path tmp;

  @Test
  void aKilledRunLeavesThePublishedOutputsAndTheRerunReproducesThem() throws Exception {
    Path out = tmp.resolve("out");
    String data = "file:" + Builds.repo().resolve("data");
    Locations where = new Locations(data + "/raw", data + "/reference", data + "/published", "file:" + out);
    AtomicRun.Outcome first = AtomicRun.run(spark, where, Map.of("test", "first"), new Progress(System.out), r -> 0);
    OutputSnapshot published = OutputSnapshot.of(out);
    assertManifestNamesInputsAndOutputs(out, first);
    Path firstCopy = copy(out, tmp.resolve("first"));

    Process run = launch(out, data, tmp.resolve("killed.log"));
    try {
      awaitLine(run, tmp.resolve("killed.log"), "[normalise]", Duration.ofMinutes(10));
      UserError refused = assertThrows(UserError.class, () -> AtomicRun.run(spark, where, Map.of(),
          new Progress(System.out), r -> 0), "a run started while another writes the same output is refused");
      assertEquals(RunLock.BUSY, refused.exitCode(), "the refusal has its own exit code");
      assertTrue(refused.getMessage().contains("pid " + run.pid()), "the refusal names the running process: "
          + refused.getMessage());
      assertTrue(run.isAlive(), "the run is still inside its stages when it is killed");
      assertEquals(0, new ProcessBuilder("kill", "-KILL", String.valueOf(run.pid())).start().waitFor(), "kill -9");
      assertTrue(run.waitFor(1, TimeUnit.MINUTES), "the killed run ends");
    } finally {
      run.destroyForcibly();
    }
    assertEquals(published.files(), OutputSnapshot.of(out).files(),
        "a run killed midway changes no published file");
    assertEquals(first.runId() + "\n", Files.readString(out.resolve("LATEST")), "LATEST still names the first run");
    assertTrue(Files.exists(out.resolve(".lscb/lock")), "the killed run left its lock behind (stale)");

    AtomicRun.Outcome rerun = AtomicRun.run(spark, where, Map.of(), new Progress(System.out), r -> 0);
    assertNotEquals(first.runId(), rerun.runId(), "the rerun is a new run");
    assertEquals(rerun.runId(), new ObjectMapper().readTree(OutputSnapshot.finished(out).resolve("manifest.json")
        .toFile()).get("run_id").asText(), "the rerun's outputs and manifest were published");
    assertFalse(Files.exists(out.resolve(".lscb/lock")), "the rerun released the lock");
    try (Stream<Path> left = Files.list(out.resolve("runs"))) {
      assertEquals(List.of(first.runId(), rerun.runId()), left.map(p -> p.getFileName().toString()).sorted().toList(),
          "the two finished runs are kept; the killed run's unfinished folder is removed");
    }
    assertEquals(published, OutputSnapshot.folder(out.resolve("runs").resolve(first.runId())),
        "the previous run stays readable, unchanged, beside the new one");
    OutputSnapshot.assertSameOutputs(spark, firstCopy, out, "rerun on the same inputs and settings", true);
  }

  /** The manifest's inputs carry the real files' sha256 and reconciliation counts; outputs their row counts. */
  private void assertManifestNamesInputsAndOutputs(Path out, AtomicRun.Outcome run) throws Exception {
    Path folder = OutputSnapshot.finished(out);
    assertEquals(out.resolve("runs").resolve(run.runId()), folder, "LATEST names this run's folder");
    JsonNode manifest = new ObjectMapper().readTree(folder.resolve("manifest.json").toFile());
    assertEquals(run.runId(), manifest.get("run_id").asText(), "the manifest is this run's");
    assertFalse(manifest.at("/code/version").asText().isBlank(), "the code version is recorded");
    assertEquals(spark.version(), manifest.at("/spark/version").asText(), "the Spark version is recorded");
    assertEquals(5, manifest.get("stages").size(), "each stage's duration is recorded");
    long accepted = 0;
    int returns = 0;
    for (JsonNode input : manifest.get("inputs")) {
      Path file = Path.of(java.net.URI.create(input.get("path").asText()));
      assertEquals(sha256(file), input.get("sha256").asText(), "sha256 of " + file);
      assertEquals(Files.size(file), input.get("bytes").asLong(), "size of " + file);
      if (input.has("rows_accepted") && input.get("path").asText().contains("/returns/")) {
        returns++;
        accepted += input.get("rows_accepted").asLong();
      }
    }
    assertEquals(run.result().reconciliation().files().size(), returns, "every returns file has its counts");
    assertEquals(run.result().reconciliation().accepted(2006) + run.result().reconciliation().accepted(2007),
        accepted, "rows accepted per input file add up to the run's accepted returns");
    Map<String, Long> rows = new java.util.TreeMap<>();
    manifest.get("outputs").forEach(o -> rows.put(o.get("path").asText(), o.get("rows").asLong()));
    assertEquals(spark.read().parquet(folder.resolve("processed/board_return").toString()).count(),
        rows.get("processed/board_return"), "the manifest's row count of processed/board_return");
    assertEquals(Files.readAllLines(folder.resolve("conformance.csv")).size() - 1L, rows.get("conformance.csv"),
        "the manifest's row count of conformance.csv");
  }

  /** `lscb run` in its own JVM, as the launcher and spark-submit run it: the thin jar plus Spark's jars. */
  private static Process launch(Path out, String data, Path log) throws Exception {
    List<String> command = new ArrayList<>(List.of(LocalCluster.java()));
    command.addAll(List.of(LocalCluster.flags().split(" ")));
    String classpath = Builds.dir().resolve("lscb-jobs-submit.jar") + File.pathSeparator
        + Builds.sparkJars().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    command.addAll(List.of("-Xmx1g", "-cp", classpath, "lscb.cli.Lscb", "run", "--master", "local[2]",
        "--raw", data + "/raw", "--reference", data + "/reference", "--published", data + "/published",
        "--out", "file:" + out));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  private static void awaitLine(Process run, Path log, String start, Duration timeout) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
      if (text.lines().anyMatch(l -> l.startsWith(start))) {
        return;
      }
      if (!run.isAlive()) {
        throw new AssertionError("the run ended (exit " + run.exitValue() + ") before " + start + ":\n" + text);
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no " + start + " line within " + timeout);
  }

  private static Path copy(Path from, Path to) throws Exception {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    return to;
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
