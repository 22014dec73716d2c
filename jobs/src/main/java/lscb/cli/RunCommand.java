package lscb.cli;

import java.util.concurrent.Callable;
import lscb.run.Locations;
import lscb.run.Pipeline;
import lscb.run.Progress;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `lscb run`: the whole pipeline on one SparkSession, ending with where each output is. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run the main job: normalise the returns, normalise the population, compute the analyses, "
        + "publish them as EES open-data CSVs and check every published figure of the report.",
        "Exit codes: 0 all figures reproduced; 2 a user error; 3 rejects with --strict; 4 a figure not reproduced."})
public final class RunCommand implements Callable<Integer> {
  @Mixin LocationOptions locations;
  @Mixin SparkOptions spark;

  @Option(names = "--strict", description = "Exit non-zero (3) if any survey record is rejected.")
  boolean strict;

  @Override
  public Integer call() {
    Locations where = locations.locations();
    Progress progress = new Progress(System.out);
    Progress.Stage total = progress.start("run");
    SparkSession session = spark.session("lscb-run");
    Pipeline.Result result;
    try {
      result = Pipeline.run(session, where, progress);
    } finally {
      session.stop();
    }
    total.done("all stages");
    System.out.println();
    System.out.println("Outputs under " + where.out() + "/:");
    System.out.println("  processed/          canonical Parquet: board_return, board_member, board_contribution, "
        + "board_priority, board_highest_cost, board_subgroup, superseded_return, board, population_*");
    System.out.println("  rejects/returns.csv survey records that could not be accepted, with reasons "
        + "(Parquet beside it)");
    System.out.println("  reconciliation.csv  per input file: read = accepted + superseded + rejected");
    System.out.println("  analysis/           analysis results (Parquet)");
    System.out.println("  ees/                " + result.published().size() + " EES open-data CSVs with .meta.csv files");
    System.out.println("  conformance.csv     each published figure of the report against the pipeline's");
    int code = NormaliseCommand.outcome(result.reconciliation(), where, strict);
    if (code != 0) {
      return code;
    }
    if (!result.conforms()) {
      System.err.println("lscb: some published figures were not reproduced; see " + where.output("conformance.csv"));
      return 4;
    }
    return 0;
  }
}
