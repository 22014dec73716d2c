package lscb.cli;

import java.util.concurrent.Callable;
import lscb.ingest.Normalise;
import lscb.ingest.Reconciliation;
import lscb.io.DataStatus;
import lscb.io.Locations;
import lscb.io.Progress;
import lscb.run.RunDataStatus;
import lscb.run.RunFolders;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `lscb normalise`: the survey returns into canonical Parquet, rejects and a reconciliation. */
@Command(name = "normalise", mixinStandardHelpOptions = true,
    description = {"Normalise the 2006 (CSV, Windows-1252) and 2007 (JSON Lines, UTF-8) survey returns into "
        + "canonical Parquet tables under OUT/processed, with rejects (OUT/rejects/returns.csv) and a "
        + "reconciliation per input file (OUT/reconciliation.csv).",
        "Exit codes: 0 done; 2 a user error (missing folder, unreadable file, file in the wrong encoding); "
            + "3 records were rejected and --strict was given."})
public final class NormaliseCommand implements Callable<Integer> {
  @Mixin LocationOptions locations;
  @Mixin SparkOptions spark;

  @Option(names = "--strict", description = "Exit non-zero (3) if any record is rejected.")
  boolean strict;

  @Override
  public Integer call() {
    Progress progress = new Progress(System.out);
    SparkSession session = spark.session("lscb-normalise", locations.locations().raw("returns"));
    try {
      Locations where = RunFolders.finished(session, locations.locations());
      RunDataStatus.derive(session, where, true, null, null, session.sparkContext().applicationId()).applyTo(session);
      Reconciliation reconciliation = Normalise.run(session, where, progress);
      System.out.print(reconciliation.table());
      return outcome(reconciliation, where, strict);
    } finally {
      spark.release(session);
    }
  }

  /** The exit code a reconciliation calls for, after one plain line per problem file. */
  static int outcome(Reconciliation reconciliation, Locations where, boolean strict) {
    for (Reconciliation.FileCount f : reconciliation.rejectedFiles()) {
      System.err.println("lscb: " + f.file() + " (" + f.surveyYear() + "): " + f.fileProblem()
          + "; its " + f.read() + " records were rejected");
    }
    if (!reconciliation.rejectedFiles().isEmpty()) {
      return 2;
    }
    if (strict && reconciliation.rejected() > 0) {
      System.err.println("lscb: " + reconciliation.rejected() + " records rejected (--strict); reasons in "
          + where.rejects("returns.csv"));
      return 3;
    }
    return 0;
  }
}
