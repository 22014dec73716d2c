package lscb.run;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * A whole run that replaces the published outputs only when it completes: take the output location's
 * lock, run every stage into a staging folder, write the manifest there, then move it all into OUT.
 */
public final class AtomicRun {
  private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private AtomicRun() {}

  /** A published run: its id, the pipeline's result, the exit code decided for it and the entries moved into OUT. */
  public record Outcome(String runId, Pipeline.Result result, int exitCode, List<String> published) {}

  /** Decides a finished pipeline's exit code (and prints why); its outputs are published whatever it is. */
  @FunctionalInterface
  public interface ExitCode {
    int of(Pipeline.Result result);
  }

  /** Runs the pipeline on {@code where} atomically; {@code options} are recorded in the manifest as given. */
  public static Outcome run(SparkSession spark, Locations where, Map<String, String> options, Progress progress,
      ExitCode exit) {
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
    try (RunLock lock = RunLock.acquire(fs, Staging.lockFile(out), runId)) {
      Staging staging = Staging.open(fs, out, runId);
      boolean publishing = false;
      try {
        Pipeline.Result result = Pipeline.run(spark, staging.locations(where), progress, runId);
        int code = exit.of(result);
        RunManifest.write(spark, new RunManifest.Run(runId, started, code, options), where, staging.dir(), result);
        Progress.Stage stage = progress.start("commit");
        publishing = true;
        List<String> published = staging.publish();
        stage.done(published.size() + " outputs moved into " + out + " (run " + runId + ", manifest.json)");
        return new Outcome(runId, result, code, published);
      } finally {
        if (!publishing) {
          staging.discard();
        }
      }
    }
  }
}
