package lscb.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import lscb.io.DataStatus;
import lscb.io.Locations;
import lscb.io.Progress;
import lscb.run.AtomicRun;
import lscb.run.OutputSnapshot;
import lscb.testing.SparkTestBase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduled run's own script (jobs/schedule/lscb-spark-submit.sh) submits the whole pipeline through
 * SparkSubmit to a real standalone cluster; executors on both workers do the work and the outputs equal
 * a local run's.
 */
@Tag("slow") // left out by ./lscb test --fast
class StandaloneClusterTest extends SparkTestBase {
  @TempDir Path tmp;

  @Test
  void theScheduledRunOnAStandaloneClusterEqualsTheLocalRun() throws Exception {
    Path build = Builds.dir();
    Path thinJar = build.resolve("lscb-jobs-submit.jar");
    assertTrue(Files.isRegularFile(thinJar), "the build made the thin spark-submit jar " + thinJar);
    Path clusterOut = tmp.resolve("cluster-out");
    Path localOut = tmp.resolve("local-out");
    String data = "file:" + Builds.repo().resolve("data");

    List<ProcessHandle> started;
    JsonNode manifest;
    long t0 = System.nanoTime();
    try (LocalCluster cluster = LocalCluster.start(tmp.resolve("spark-home"), Builds.sparkJars(), 2)) {
      long t1 = System.nanoTime();
      System.out.printf("[cluster] master + 2 workers up in %.1f s%n", (t1 - t0) / 1e9);
      Process submit = cluster.run("submit", List.of("bash", Builds.repo().resolve("jobs/schedule/lscb-spark-submit.sh")
          .toString()), Map.of("LSCB_MASTER", cluster.masterUrl(), "LSCB_JAR", thinJar.toString(),
          "LSCB_DATA", data, "LSCB_OUT", "file:" + clusterOut, "LSCB_SHUFFLE_PARTITIONS", "4",
          "LSCB_SUBMIT_OPTS", "--executor-memory 768m --conf spark.driver.host=127.0.0.1 "
              + "--conf spark.driver.bindAddress=127.0.0.1"));
      assertTrue(submit.waitFor(25, TimeUnit.MINUTES), "the submitted run ends within 25 minutes");
      System.out.printf("[cluster] submitted run finished in %.1f s%n", (System.nanoTime() - t1) / 1e9);
      assertEquals(0, submit.exitValue(), "the run submitted to the cluster succeeds; its log ends:\n"
          + tail(cluster.log("submit")));
      manifest = new ObjectMapper().readTree(OutputSnapshot.finished(clusterOut).resolve("manifest.json").toFile());
      assertEquals(cluster.masterUrl(), manifest.at("/spark/master").asText(),
          "the manifest records the cluster's master: the run did not fall back to a local master");
      String app = manifest.at("/spark/application_id").asText();
      for (int worker = 0; worker < 2; worker++) {
        Path appDir = cluster.workDir(worker).resolve(app);
        assertTrue(Files.isDirectory(appDir), "worker " + worker + " launched an executor for " + app);
        assertTrue(executorLogs(appDir).contains("Running task"),
            "an executor on worker " + worker + " ran tasks (its stderr under " + appDir + ")");
      }
      Map<String, String> footer = DataStatus.footer(spark.sparkContext().hadoopConfiguration(),
          OutputSnapshot.finished(clusterOut).resolve("processed/board_return").toUri().toString());
      assertEquals(DataStatus.RECONSTRUCTED, footer.get(DataStatus.RETURNS_KEY),
          "the executors wrote the data status into the Parquet footers");
      assertEquals(manifest.get("run_id").asText(), footer.get(DataStatus.RUN_ID_KEY), "and the run id");
      started = cluster.handles();
    }
    for (ProcessHandle process : started) {
      assertFalse(process.isAlive(), "no process the cluster started outlives it: pid " + process.pid());
    }

    long t2 = System.nanoTime();
    AtomicRun.run(spark, new Locations(data + "/raw", data + "/reference", data + "/published", "file:" + localOut),
        Map.of(), new Progress(System.out), result -> 0);
    System.out.printf("[cluster] local[2] run for comparison in %.1f s%n", (System.nanoTime() - t2) / 1e9);
    OutputSnapshot.assertSameOutputs(spark, localOut, clusterOut, "standalone cluster vs local[2]");
  }

  private static String executorLogs(Path appDir) throws Exception {
    StringBuilder logs = new StringBuilder();
    try (Stream<Path> files = Files.walk(appDir)) {
      for (Path f : files.filter(p -> p.getFileName().toString().equals("stderr")).toList()) {
        logs.append(Files.readString(f, StandardCharsets.UTF_8));
      }
    }
    return logs.toString();
  }

  static String tail(String log) {
    List<String> lines = log.lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }
}
