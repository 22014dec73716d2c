package lscb.run;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import lscb.analysis.Analyses;
import lscb.ingest.Normalise;
import lscb.ingest.Reconciliation;
import lscb.population.PopulationJob;
import lscb.population.PopulationResult;
import lscb.publish.EesPublisher;
import lscb.publish.ReportCheck;
import org.apache.spark.sql.SparkSession;

/** The main job: every stage in order, in one SparkSession, each stage timed. */
public final class Pipeline {
  private Pipeline() {}

  /** One stage's wall time. */
  public record StageTime(String name, double seconds) {}

  /** What a run produced, whether the report's figures were all reproduced, and how long each stage took. */
  public record Result(Reconciliation reconciliation, List<String> published, boolean conforms,
      PopulationResult population, List<StageTime> stages) {}

  /** Normalise, population, analyses, EES publication and the report-conformance check; all write under locations.out(). */
  public static Result run(SparkSession spark, Locations locations, Progress progress) {
    List<StageTime> stages = new ArrayList<>();
    Reconciliation reconciliation = timed(stages, "normalise", () -> Normalise.run(spark, locations, progress));
    PopulationResult population = timed(stages, "population", () -> PopulationJob.run(spark, locations, progress));
    timed(stages, "analyse", () -> Analyses.run(spark, locations, progress));
    List<String> published = timed(stages, "ees", () -> EesPublisher.run(spark, locations, progress));
    boolean conforms = timed(stages, "report-check", () -> ReportCheck.run(spark, locations, progress));
    return new Result(reconciliation, published, conforms, population, List.copyOf(stages));
  }

  private static <T> T timed(List<StageTime> stages, String name, Supplier<T> stage) {
    long start = System.nanoTime();
    T value = stage.get();
    stages.add(new StageTime(name, Math.round((System.nanoTime() - start) / 1e7) / 100.0));
    return value;
  }
}
