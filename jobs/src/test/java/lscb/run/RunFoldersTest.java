package lscb.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import lscb.io.UserError;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run-folder layout on a real local file system: write once, point LATEST last, keep the newest N. */
class RunFoldersTest {
  @TempDir java.nio.file.Path tmp;
  FileSystem fs;
  java.nio.file.Path outDir;
  Path out;

  @BeforeEach
  void setUp() throws Exception {
    fs = FileSystem.newInstanceLocal(new Configuration()); // not the cached instance other tests share
    outDir = tmp.resolve("out");
    out = new Path(outDir.toUri());
  }

  @Test
  void aReaderUsesOutItselfUntilARunIsPublishedThenTheRunLatestNames() throws Exception {
    assertEquals(out, RunFolders.resolve(fs, out), "without LATEST a reader reads OUT itself");
    RunFolders run = finished("r1");
    assertEquals(out, RunFolders.resolve(fs, out), "a finished run is not read before LATEST names it");
    run.publish();
    assertEquals("r1\n", read(outDir.resolve("LATEST")), "LATEST names the run");
    assertEquals(run.dir(), RunFolders.resolve(fs, out), "a reader follows LATEST to OUT/runs/r1");
    assertEquals(run.dir().toString(), RunFolders.resolve(new Configuration(), out.toString()),
        "the same through a path string");
  }

  @Test
  void aRunWithoutItsManifestIsNeverPublished() {
    RunFolders run = RunFolders.open(fs, out, "r1");
    assertThrows(IllegalStateException.class, run::publish, "a run without manifest.json is incomplete");
    assertFalse(Files.exists(outDir.resolve("LATEST")), "no pointer to an incomplete run");
  }

  @Test
  void theNewestFinishedRunsAreKeptAndOlderOnesRemoved() throws Exception {
    for (String id : List.of("r1", "r2", "r3", "r4")) {
      RunFolders run = finished(id);
      run.publish();
      run.prune(2);
    }
    assertEquals(List.of("r3", "r4"), runs(), "keep 2: the two newest finished runs");
    assertEquals("r4\n", read(outDir.resolve("LATEST")), "the newest is the published one");
    RunFolders r5 = finished("r5");
    r5.publish();
    assertEquals(List.of("r4", "r3"), r5.prune(1), "keep 1 removes every run but the published one, newest first");
    assertEquals(List.of("r5"), runs(), "keep 1 keeps only the published run");
  }

  @Test
  void theNextRunRemovesFoldersOfKilledRunsButNotFinishedOnes() throws Exception {
    finished("r1").publish();
    write(outDir.resolve("runs/r2-killed/processed/board/part-0.parquet"), "partial");
    write(outDir.resolve(".lscb/staging/old/conformance.csv"), "the staging layout's leftovers");
    RunFolders.open(fs, out, "r3");
    assertEquals(List.of("r1", "r3"), runs(), "the killed run's folder is gone, the published one stays");
    assertFalse(Files.exists(outDir.resolve(".lscb/staging")), "the staging layout's leftovers are removed");
    assertEquals("r1\n", read(outDir.resolve("LATEST")), "the published run is unchanged");
  }

  @Test
  void aRunKilledAfterItsManifestButBeforeItsPointerTakesNoKeptSlot() throws Exception {
    for (String id : List.of("r1", "r2")) {
      finished(id).publish();
    }
    finished("r3"); // killed between manifest.json and LATEST
    RunFolders r4 = finished("r4");
    assertEquals(List.of("r1", "r2", "r4"), runs(), "the next run removes the finished run LATEST never named");
    r4.publish();
    r4.prune(2);
    assertEquals(List.of("r2", "r4"), runs(), "keep 2: both kept runs were published");
    Files.delete(outDir.resolve("LATEST"));
    finished("r5");
    assertEquals(List.of("r2", "r4", "r5"), runs(), "without LATEST (removed by hand) no finished run is removed");
  }

  @Test
  void aDiscardedRunLeavesThePublishedOneAndAPublishedRunIsNotDiscarded() throws Exception {
    finished("r1").publish();
    RunFolders failed = RunFolders.open(fs, out, "r2");
    write(java.nio.file.Path.of(failed.dir().toUri()).resolve("conformance.csv"), "half written");
    failed.discard();
    assertEquals(List.of("r1"), runs(), "a failed run leaves no folder");
    RunFolders live = finished("r3");
    live.publish();
    live.discard();
    assertTrue(Files.exists(outDir.resolve("runs/r3/manifest.json")), "discard never removes the published run");
  }

  @Test
  void aPointerNamingNoRunIsOnePlainLine() throws Exception {
    write(outDir.resolve("LATEST"), "gone\n");
    UserError error = assertThrows(UserError.class, () -> RunFolders.resolve(fs, out));
    assertTrue(error.getMessage().contains("names run gone"), "the message says what LATEST names: " + error.getMessage());
  }

  @Test
  void aReaderNeverSeesAMissingOrHalfPointerWhileRunsArePublished() throws Exception {
    finished("r000").publish();
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicReference<String> seen = new AtomicReference<>();
    AtomicInteger reads = new AtomicInteger();
    Thread reader = new Thread(() -> {
      while (writing.get() && seen.get() == null) {
        try {
          Path folder = RunFolders.resolve(fs, out);
          if (folder.equals(out) || !fs.exists(new Path(folder, "manifest.json"))) {
            seen.set("a reader resolved " + folder + ", not a complete run");
          }
          reads.incrementAndGet();
        } catch (Exception | AssertionError e) {
          seen.set("a reader failed: " + e);
        }
      }
    });
    reader.start();
    // No pruning here: a reader held up for three publishes would lose its run, which is pruning's known
    // limit (README), not the pointer's.
    for (int i = 1; i <= 60; i++) {
      finished(String.format("r%03d", i)).publish();
    }
    writing.set(false);
    reader.join();
    assertEquals(null, seen.get(), "every read during 60 publishes found one complete run");
    assertTrue(reads.get() > 0, "the reader read while runs were published");
  }

  private RunFolders finished(String id) throws Exception {
    RunFolders run = RunFolders.open(fs, out, id);
    java.nio.file.Path dir = java.nio.file.Path.of(run.dir().toUri());
    write(dir.resolve("conformance.csv"), id);
    write(dir.resolve("manifest.json"), "{\"run_id\":\"" + id + "\"}");
    return run;
  }

  private List<String> runs() throws Exception {
    try (Stream<java.nio.file.Path> s = Files.list(outDir.resolve("runs"))) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static void write(java.nio.file.Path file, String text) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static String read(java.nio.file.Path file) throws Exception {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
