package lscb.cli;

import java.util.List;
import java.util.concurrent.Callable;
import lscb.analysis.Analyses;
import lscb.io.DataStatus;
import lscb.io.Locations;
import lscb.io.Progress;
import lscb.publish.EesPublisher;
import lscb.run.RunFolders;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** `lscb analyse`: the trend analyses over the canonical Parquet, published as EES open-data files. */
@Command(name = "analyse", mixinStandardHelpOptions = true,
    description = {"Compute the analyses (chairing trend, funding by contributor, regional funding variance, "
        + "spend per child, membership, priorities, highest costs, influence, reviews) from the canonical "
        + "tables under OUT/processed, write them as Parquet under OUT/analysis, and publish them as "
        + "EES open-data CSV files with .meta.csv under OUT/ees."})
public final class AnalyseCommand implements Callable<Integer> {
  @Mixin
  LocationOptions locations;

  @Mixin
  SparkOptions spark;

  @Override
  public Integer call() {
    SparkSession session = spark.session("lscb-analyse");
    try {
      Locations where = RunFolders.finished(session, locations.locations());
      Progress progress = new Progress(System.out);
      DataStatus.ofTables(session, List.of(where.processed("board_return"), where.processed("board_contribution"),
          where.processed("population_board")), session.sparkContext().applicationId()).applyTo(session);
      Analyses.run(session, where, progress);
      EesPublisher.run(session, where, progress);
      return 0;
    } finally {
      spark.release(session);
    }
  }
}
