package lscb.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import lscb.analysis.Analyses;
import lscb.ingest.Normalise;
import lscb.ingest.Reconciliation;
import lscb.io.Concurrently;
import lscb.io.DataStatus;
import lscb.io.Locations;
import lscb.io.Progress;
import lscb.population.PopulationJob;
import lscb.population.PopulationResult;
import lscb.publish.EesPublisher;
import lscb.publish.ReportCheck;
import org.apache.spark.sql.SparkSession;

/**
 * The main job in one SparkSession, each stage timed: normalise and population side by side (they share
 * no input), the analyses of the returns as soon as normalise ends, spend per child once the population is
 * in, then EES publication and the report-conformance check side by side.
 */
public final class Pipeline {
  private static final List<String> STAGES = List.of("normalise", "population", "analyse", "ees", "report-check");

  private Pipeline() {}

  /** One stage's wall time. */
  public record StageTime(String name, double seconds) {}

  /**
   * What a run produced, whether the report's figures were reproduced (conforms: every miss, if any, is
   * explained by the population used; verdict: the details), and how long each stage took.
   */
  public record Result(Reconciliation reconciliation, List<String> published, boolean conforms,
      PopulationResult population, List<StageTime> stages, DataStatus status, ReportCheck.Verdict verdict) {}

  /**
   * Normalise, population, analyses, EES publication and the report-conformance check; all write under
   * locations.out(), each output marked with the data status derived from the inputs and with {@code runId}.
   */
  public static Result run(SparkSession spark, Locations locations, Progress progress, String runId) {
    return run(spark, locations, locations.raw("population"), progress, runId);
  }

  /** As {@link #run(SparkSession, Locations, Progress, String)}, with the population read from {@code populationAt}. */
  public static Result run(SparkSession spark, Locations locations, String populationAt, Progress progress,
      String runId) {
    Progress.Stage derived = progress.start("data status");
    DataStatus status = RunDataStatus.derive(spark, locations, true, populationAt, null, runId)
        .applyTo(spark);
    derived.done(status.summary());
    try {
      return stages(spark, locations, populationAt, progress, status);
    } finally {
      DataStatus.clear(spark);
    }
  }

  private static Result stages(SparkSession spark, Locations locations, String populationAt, Progress progress,
      DataStatus status) {
    List<StageTime> stages = Collections.synchronizedList(new ArrayList<>());
    // The returns and the population figures share no input: normalise them side by side. The analyses
    // of the returns alone follow normalise while the population stage is still running; spend per child,
    // the one analysis that needs the population, follows both.
    Concurrently.Both<Returns, PopulationResult> normalised = Concurrently.both(spark,
        "normalise", () -> {
          Reconciliation reconciliation = timed(stages, "normalise", () -> Normalise.run(spark, locations, progress));
          return new Returns(reconciliation, Analyses.start(spark, locations, progress));
        },
        "population", () -> timed(stages, "population",
            () -> PopulationJob.run(spark, locations, progress, populationAt, null)));
    Reconciliation reconciliation = normalised.first().reconciliation();
    PopulationResult population = normalised.second();
    Analyses.Started analyses = normalised.first().analyses();
    Analyses.finish(spark, locations, analyses);
    stages.add(new StageTime("analyse", seconds(analyses.stage().startNanos())));
    // Publication reads the analysis tables and so does the check: they too run side by side.
    Concurrently.Both<List<String>, ReportCheck.Verdict> checked = Concurrently.both(spark,
        "ees", () -> timed(stages, "ees", () -> EesPublisher.run(spark, locations, progress,
            population::realDescription)),
        "report-check", () -> timed(stages, "report-check", () -> ReportCheck.verdict(spark, locations, progress,
            population::realDescription)));
    List<String> published = checked.first();
    ReportCheck.Verdict verdict = checked.second();
    List<StageTime> order = stages.stream().sorted(Comparator.comparing(t -> STAGES.indexOf(t.name()))).toList();
    return new Result(reconciliation, published, verdict.conforms(), population, order, status, verdict);
  }

  /** The normalise stage's reconciliation and the analyses of the returns started after it. */
  private record Returns(Reconciliation reconciliation, Analyses.Started analyses) {}

  private static <T> T timed(List<StageTime> stages, String name, Supplier<T> stage) {
    long start = System.nanoTime();
    T value = stage.get();
    stages.add(new StageTime(name, seconds(start)));
    return value;
  }

  /** Seconds since {@code start} (System.nanoTime), to the hundredth. */
  private static double seconds(long start) {
    return Math.round((System.nanoTime() - start) / 1e7) / 100.0;
  }
}
