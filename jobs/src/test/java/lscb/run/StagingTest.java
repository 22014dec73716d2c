package lscb.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Staging and publishing on a real local file system, including a publish interrupted midway. */
class StagingTest {
  @TempDir java.nio.file.Path tmp;
  FileSystem fs;
  java.nio.file.Path outDir;
  Path out;

  @BeforeEach
  void setUp() throws Exception {
    fs = FileSystem.getLocal(new Configuration());
    outDir = tmp.resolve("out");
    out = new Path(outDir.toUri());
    write(outDir.resolve("processed/board/part-0.parquet"), "old board");
    write(outDir.resolve("conformance.csv"), "old conformance");
    write(outDir.resolve("manifest.json"), "old manifest");
    write(outDir.resolve("notebooks/report.html"), "not this run's");
  }

  @Test
  void publishReplacesTheRunsEntriesAndKeepsOthers() throws Exception {
    Staging staging = Staging.open(fs, out, "r1");
    java.nio.file.Path staged = java.nio.file.Path.of(staging.dir().toUri());
    assertEquals(staged.toString() + "", staging.locations(Locations.defaults()).out().replace("file:", ""),
        "the stages write under the staging folder");
    write(staged.resolve("processed/board/part-1.parquet"), "new board");
    write(staged.resolve("conformance.csv"), "new conformance");
    write(staged.resolve("manifest.json"), "new manifest");
    List<String> moved = staging.publish();
    assertEquals(List.of("conformance.csv", "processed", "manifest.json"), moved, "entries moved, manifest last");
    assertEquals("new board", read(outDir.resolve("processed/board/part-1.parquet")), "new table in place");
    assertFalse(Files.exists(outDir.resolve("processed/board/part-0.parquet")), "old table replaced, not merged");
    assertEquals("new conformance", read(outDir.resolve("conformance.csv")), "file replaced");
    assertEquals("new manifest", read(outDir.resolve("manifest.json")), "manifest replaced");
    assertEquals("not this run's", read(outDir.resolve("notebooks/report.html")), "other entries are left alone");
    assertEquals(List.of(), leftovers(), "no staging or previous folder is left after publishing");
  }

  @Test
  void aDiscardedRunLeavesThePublishedOutputsUntouched() throws Exception {
    Staging staging = Staging.open(fs, out, "r1");
    write(java.nio.file.Path.of(staging.dir().toUri()).resolve("conformance.csv"), "half written");
    staging.discard();
    assertEquals("old conformance", read(outDir.resolve("conformance.csv")), "a failed run changes nothing");
    assertEquals(List.of(), leftovers(), "a discarded run leaves no staging folder");
  }

  @Test
  void theNextRunRemovesWhatAKilledRunStaged() throws Exception {
    write(outDir.resolve(".lscb/staging/killed/conformance.csv"), "partial");
    Staging.open(fs, out, "next");
    assertEquals(List.of(".lscb/staging/next"), leftovers(), "only the new run's staging folder remains");
    assertEquals("old conformance", read(outDir.resolve("conformance.csv")), "the published outputs stay");
  }

  @Test
  void anInterruptedPublishIsCompletedByTheNextRun() throws Exception {
    // The state a run killed in the middle of publishing leaves: journal written, manifest and
    // conformance.csv already moved aside, conformance.csv moved in, processed/ not yet.
    java.nio.file.Path meta = outDir.resolve(".lscb");
    write(meta.resolve("publishing"), "dead\nconformance.csv\nprocessed\nmanifest.json\n");
    write(meta.resolve("staging/dead/processed/board/part-1.parquet"), "new board");
    write(meta.resolve("staging/dead/manifest.json"), "new manifest");
    Files.move(outDir.resolve("manifest.json"), Files.createDirectories(meta.resolve("previous/dead"))
        .resolve("manifest.json"));
    Files.move(outDir.resolve("conformance.csv"), meta.resolve("previous/dead/conformance.csv"));
    write(outDir.resolve("conformance.csv"), "new conformance");
    Staging.open(fs, out, "next");
    assertEquals("new board", read(outDir.resolve("processed/board/part-1.parquet")), "processed/ rolled forward");
    assertFalse(Files.exists(outDir.resolve("processed/board/part-0.parquet")), "old processed/ replaced");
    assertEquals("new conformance", read(outDir.resolve("conformance.csv")), "the moved entry stays");
    assertEquals("new manifest", read(outDir.resolve("manifest.json")), "the manifest arrives last");
    assertFalse(Files.exists(meta.resolve("publishing")), "the journal is gone once the publish is complete");
    assertEquals(List.of(".lscb/staging/next"), leftovers(), "the dead run's folders are removed");
  }

  private List<String> leftovers() throws Exception {
    java.nio.file.Path meta = outDir.resolve(".lscb");
    try (Stream<java.nio.file.Path> s = Stream.of("staging", "previous").map(meta::resolve).filter(Files::isDirectory)
        .flatMap(d -> {
          try {
            return Files.list(d).toList().stream();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        })) {
      return s.map(p -> outDir.relativize(p).toString()).sorted().toList();
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
