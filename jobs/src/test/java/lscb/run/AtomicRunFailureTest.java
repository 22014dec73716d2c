package lscb.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import lscb.io.Locations;
import lscb.io.Progress;
import lscb.io.UserError;
import lscb.testing.SparkTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run that fails in a stage changes nothing published, leaves no run folder and releases the lock. */
class AtomicRunFailureTest extends SparkTestBase {
  @TempDir Path tmp;

  @Test
  void aFailedStageLeavesThePublishedOutputsAndReleasesTheLock() throws Exception {
    Path out = tmp.resolve("out");
    Path run = out.resolve("runs/20010101T000000Z-000000");
    Files.createDirectories(run.resolve("processed/board"));
    Files.writeString(run.resolve("processed/board/part-0.parquet"), "published", StandardCharsets.UTF_8);
    Files.writeString(run.resolve("manifest.json"), "{\"run_id\":\"published\"}", StandardCharsets.UTF_8);
    Files.writeString(out.resolve("LATEST"), "20010101T000000Z-000000\n", StandardCharsets.UTF_8);
    Files.createDirectories(tmp.resolve("raw/returns/2006"));
    OutputSnapshot before = OutputSnapshot.folder(out);
    Locations where = new Locations("file:" + tmp.resolve("raw"), "file:" + tmp.resolve("reference"),
        "file:" + tmp.resolve("published"), "file:" + out);

    UserError failed = assertThrows(UserError.class, () -> AtomicRun.run(spark, where, Map.of(),
        new Progress(System.out), r -> 0), "a run without its inputs fails before any stage writes");
    assertTrue(failed.getMessage().contains(tmp.resolve("raw").toString()),
        "the failure names the missing input (the population is read first, for the data status): "
            + failed.getMessage());
    assertEquals(before, OutputSnapshot.folder(out), "a failed run changes no published file, LATEST included");
    assertFalse(Files.exists(out.resolve(".lscb/lock")), "a failed run releases the lock");
    try (Stream<Path> runs = Files.list(out.resolve("runs"))) {
      assertEquals(List.of(run), runs.toList(), "a failed run leaves no run folder of its own");
    }
  }
}
