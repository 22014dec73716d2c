package lscb.cli;

import java.util.List;
import java.util.concurrent.Callable;
import lscb.io.DataStatus;
import lscb.io.Locations;
import lscb.io.Progress;
import lscb.publish.ReportCheck;
import lscb.run.RunFolders;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** `lscb report-check`: every published figure against the pipeline's outputs; non-zero exit on a mismatch. */
@Command(name = "report-check", mixinStandardHelpOptions = true,
    description = {"Compare each figure of PUBLISHED/figures.csv with the analysis outputs under OUT/analysis, "
        + "print id | figure | published | reproduced | ok, and write OUT/conformance.csv.",
        "Exit status: 0 when every figure is reproduced, 1 when any is not."})
public final class ReportCheckCommand implements Callable<Integer> {
  @Mixin
  LocationOptions locations;

  @Mixin
  SparkOptions spark;

  @Override
  public Integer call() {
    SparkSession session = spark.session("lscb-report-check");
    try {
      Locations where = RunFolders.finished(session, locations.locations());
      DataStatus.ofTables(session, List.of(where.analysis("answer_share"), where.analysis("spend_per_child")),
          session.sparkContext().applicationId()).applyTo(session);
      return ReportCheck.run(session, where, new Progress(System.out)) ? 0 : 1;
    } finally {
      spark.release(session);
    }
  }
}
