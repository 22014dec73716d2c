package lscb.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {
  @TempDir
  Path out;

  @Test
  void withoutLatestTheRunIsTheOutputFolderItself() {
    assertEquals(out, RunFolder.resolve(out), "no OUT/LATEST: the run's outputs are in OUT");
  }

  @Test
  void latestNamesTheRunUnderRuns() throws Exception {
    Files.writeString(out.resolve("LATEST"), "20261201T032412Z-60c5b2\n");
    assertEquals(out.resolve("runs/20261201T032412Z-60c5b2"), RunFolder.resolve(out), "OUT/LATEST (trimmed) names OUT/runs/ID");
  }

  @Test
  void aLatestThatLeavesRunsIsRefused() throws Exception {
    Files.writeString(out.resolve("LATEST"), "../elsewhere");
    assertThrows(IllegalStateException.class, () -> RunFolder.resolve(out), "LATEST must name a folder under runs/");
  }

  @Test
  void theDefaultOutputFolderComesFromTheEnvironmentThenTheCheckout() throws Exception {
    assertEquals(Path.of("/data/out"), RunFolder.defaultOut(Map.of("LSCB_OUT", "/data/out", "LSCB_ROOT", "/x"), out));
    assertEquals(Path.of("/x/out"), RunFolder.defaultOut(Map.of("LSCB_ROOT", "/x"), out), "LSCB_ROOT/out without LSCB_OUT");
    Path checkout = out.resolve("checkout");
    Files.createDirectories(checkout.resolve("notebooks"));
    Files.writeString(checkout.resolve("lscb"), "#!/bin/sh\n");
    assertEquals(checkout.resolve("out"), RunFolder.defaultOut(Map.of(), checkout.resolve("notebooks")),
        "a notebook in the checkout's notebooks/ reads the checkout's out/");
  }

  @Test
  void anExecutedCopyInOutNotebooksReadsTheRunAboveIt() throws Exception {
    Path run = out.resolve("elsewhere/out");
    Files.createDirectories(run.resolve("notebooks"));
    Files.writeString(run.resolve("manifest.json"), "{}");
    assertEquals(run, RunFolder.defaultOut(Map.of(), run.resolve("notebooks")), "OUT/notebooks/ reads OUT, not OUT/out");
    Files.createDirectories(out.resolve("elsewhere/notebooks"));
    Files.writeString(out.resolve("elsewhere/lscb"), "#!/bin/sh\n");
    assertEquals(run, RunFolder.defaultOut(Map.of(), run.resolve("notebooks")), "even when a checkout lies above OUT");
  }

  @Test
  void anExecutedCopyReadsTheRunAboveItEvenWithTheKernelspecsLscbRoot() throws Exception {
    Path run = out.resolve("elsewhere/out");
    Files.createDirectories(run.resolve("notebooks"));
    Files.writeString(run.resolve("LATEST"), "20261201T032412Z-60c5b2\n");
    assertEquals(run, RunFolder.defaultOut(Map.of("LSCB_ROOT", "/checkout"), run.resolve("notebooks")),
        "kernel.json sets LSCB_ROOT: OUT/notebooks/ still reads OUT, not the checkout's out/");
    assertEquals(Path.of("/given"), RunFolder.defaultOut(Map.of("LSCB_OUT", "/given", "LSCB_ROOT", "/checkout"), run.resolve("notebooks")),
        "LSCB_OUT, when given, wins");
  }
}
