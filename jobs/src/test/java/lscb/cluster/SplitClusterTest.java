package lscb.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import lscb.testing.SparkTestBase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One population file, submitted to a real standalone cluster with a small split size, is read in
 * splits by tasks on both workers (as the Spark event log records), and the stage's totals come out.
 */
@Tag("slow") // left out by ./lscb test --fast
class SplitClusterTest extends SparkTestBase {
  @TempDir Path tmp;

  @Test
  void oneFileIsReadInSplitsOnBothWorkers() throws Exception {
    Path thinJar = Builds.dir().resolve("lscb-jobs-submit.jar");
    Path file = Builds.repo().resolve("data/raw/population/SYNTHETIC-myeb-2001-2010.csv");
    long splitBytes = 256 << 10;
    long splits = (Files.size(file) + splitBytes - 1) / splitBytes;
    Path events = Files.createDirectories(tmp.resolve("events"));
    Path out = tmp.resolve("out");
    try (LocalCluster cluster = LocalCluster.start(tmp.resolve("spark-home"), Builds.sparkJars(), 2)) {
      Process submit = cluster.run("population", List.of(cluster.home().resolve("bin/spark-submit").toString(),
          "--master", cluster.masterUrl(), "--class", "lscb.cli.Lscb", "--executor-memory", "768m",
          "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1",
          "--conf", "spark.lscb.splitBytes=" + splitBytes, "--conf", "spark.eventLog.enabled=true",
          "--conf", "spark.eventLog.dir=file:" + events,
          // one plain JSON-lines file (Spark 4 rolls and compresses event logs by default)
          "--conf", "spark.eventLog.rolling.enabled=false", "--conf", "spark.eventLog.compress=false", thinJar.toString(), "population",
          "--population", "file:" + file, "--reference", "file:" + Builds.repo().resolve("data/reference"),
          "--out", "file:" + out), Map.of());
      assertTrue(submit.waitFor(20, TimeUnit.MINUTES), "the submitted population stage ends within 20 minutes");
      assertEquals(0, submit.exitValue(), "the population stage on the cluster succeeds; its log ends:\n"
          + StandaloneClusterTest.tail(cluster.log("population")));
    }
    Map<Integer, String> stageNames = new HashMap<>();
    Map<Integer, Set<String>> executors = new HashMap<>();
    Map<Integer, Integer> tasks = new HashMap<>();
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> logs = Files.walk(events)) {
      for (Path log : logs.filter(Files::isRegularFile).toList()) {
        for (String line : Files.readAllLines(log)) {
          JsonNode event = json.readTree(line);
          String kind = event.path("Event").asText();
          if (kind.equals("SparkListenerStageSubmitted")) {
            stageNames.put(event.at("/Stage Info/Stage ID").asInt(), event.at("/Stage Info/Stage Name").asText());
          } else if (kind.equals("SparkListenerTaskEnd")) {
            int stage = event.path("Stage ID").asInt();
            executors.computeIfAbsent(stage, s -> new HashSet<>()).add(event.at("/Task Info/Executor ID").asText());
            tasks.merge(stage, 1, Integer::sum);
          }
        }
      }
    }
    int scan = stageNames.entrySet().stream().filter(e -> e.getValue().contains("TextSplits")).map(Map.Entry::getKey)
        .findFirst().orElseThrow(() -> new AssertionError("no stage of the split scan in the event log: " + stageNames));
    assertEquals(splits, tasks.get(scan).longValue(), "the " + Files.size(file) + "-byte file is scanned in " + splits
        + " splits of " + splitBytes + " bytes, one task each");
    assertEquals(2, executors.get(scan).size(), "tasks of the one file ran on the executors of both workers: "
        + executors.get(scan));
    try (Stream<Path> parts = Files.list(out.resolve("processed/population_council"))) {
      assertTrue(parts.anyMatch(p -> p.getFileName().toString().endsWith(".parquet")),
          "the stage wrote the council totals");
    }
  }
}
