package lscb.run;

import java.util.List;
import lscb.analysis.Analyses;
import lscb.ingest.Normalise;
import lscb.ingest.Reconciliation;
import lscb.population.PopulationJob;
import lscb.publish.EesPublisher;
import lscb.publish.ReportCheck;
import org.apache.spark.sql.SparkSession;

/** The main job: every stage in order, in one SparkSession. */
public final class Pipeline {
  private Pipeline() {}

  /** What a run produced and whether the report's figures were all reproduced. */
  public record Result(Reconciliation reconciliation, List<String> published, boolean conforms) {}

  /** Normalise, population, analyses, EES publication and the report-conformance check. */
  public static Result run(SparkSession spark, Locations locations, Progress progress) {
    Reconciliation reconciliation = Normalise.run(spark, locations, progress);
    PopulationJob.run(spark, locations, progress);
    Analyses.run(spark, locations, progress);
    List<String> published = EesPublisher.run(spark, locations, progress);
    boolean conforms = ReportCheck.run(spark, locations, progress);
    return new Result(reconciliation, published, conforms);
  }
}
