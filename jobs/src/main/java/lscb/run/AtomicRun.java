package lscb.run;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import lscb.io.Locations;
import lscb.io.Progress;
import lscb.io.UserError;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * A whole run that becomes the published one only when it completes: take the output location's lock,
 * run every stage into OUT/runs/RUN-ID, write the manifest there, point OUT/LATEST at it, then remove
 * runs beyond the newest N (see {@link RunFolders}).
 */
public final class AtomicRun {
  private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private AtomicRun() {}

  /** A published run: its id, the pipeline's result, the exit code decided for it, its folder and the runs removed. */
  public record Outcome(String runId, Pipeline.Result result, int exitCode, String folder, List<String> removed) {}

  /** Decides a finished pipeline's exit code (and prints why); its outputs are published whatever it is. */
  @FunctionalInterface
  public interface ExitCode {
    int of(Pipeline.Result result);
  }

  /** As {@link #run(SparkSession, Locations, Map, Progress, ExitCode, int)}, keeping the default number of runs. */
  public static Outcome run(SparkSession spark, Locations where, Map<String, String> options, Progress progress,
      ExitCode exit) {
    return run(spark, where, where.raw("population"), options, progress, exit, RunFolders.DEFAULT_KEEP);
  }

  /**
   * Runs the pipeline on {@code where} atomically, the population read from {@code population} (a folder
   * or file), keeping the newest {@code keep} finished runs; {@code options} are recorded in the manifest.
   */
  public static Outcome run(SparkSession spark, Locations where, String population, Map<String, String> options,
      Progress progress, ExitCode exit, int keep) {
    if (keep < 1) {
      throw new UserError("--keep-runs must be 1 or more (the published run is always kept), not " + keep);
    }
    String runId = ID.format(Instant.now()) + "-" + String.format("%06x", ThreadLocalRandom.current().nextInt(1 << 24));
    Instant started = Instant.now();
    Path out;
    FileSystem fs;
    try {
      Path given = new Path(where.out());
      fs = given.getFileSystem(spark.sparkContext().hadoopConfiguration());
      out = fs.makeQualified(given);
    } catch (IOException | IllegalArgumentException e) {
      throw new UserError(where.out() + ": not a usable output location (" + e.getMessage() + ")");
    }
    try (RunLock lock = RunLock.acquire(fs, RunFolders.lockFile(out), runId)) {
      RunFolders runs = RunFolders.open(fs, out, runId);
      try {
        Pipeline.Result result = Pipeline.run(spark, runs.locations(where), population, progress, runId);
        int code = exit.of(result);
        RunManifest.write(spark, new RunManifest.Run(runId, started, code, options), where, runs.dir(), result);
        Progress.Stage stage = progress.start("commit");
        runs.publish();
        List<String> removed = runs.prune(keep);
        stage.done("run " + runId + " published: " + new Path(out, RunFolders.LATEST) + " -> " + runs.dir()
            + (removed.isEmpty() ? "" : "; " + removed.size() + " older run(s) removed"));
        return new Outcome(runId, result, code, runs.dir().toString(), removed);
      } finally {
        runs.discard();
      }
    }
  }
}
