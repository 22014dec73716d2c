package lscb.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import lscb.io.Locations;
import lscb.io.Progress;
import lscb.run.AtomicRun;
import lscb.run.RunFolders;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `lscb run`: the whole pipeline on one SparkSession, staged and published atomically, with a manifest. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run the main job: normalise the returns, normalise the population, compute the analyses, "
        + "publish them as EES open-data CSVs and check every published figure of the report.",
        "Each run writes once into OUT/runs/RUN-ID/, with manifest.json (inputs and their sha256, code version, "
            + "Spark, settings, row counts, stage times); only when all stages have finished is OUT/LATEST pointed "
            + "at it, and readers follow that pointer. The newest --keep-runs finished runs are kept. One run at a "
            + "time per OUT: a second one is refused while the first runs.",
        "Exit codes: 0 all figures reproduced; 2 a user error; 3 rejects with --strict; 4 a figure not reproduced; "
            + "5 another run is writing OUT."})
public final class RunCommand implements Callable<Integer> {
  @Mixin LocationOptions locations;
  @Mixin SparkOptions spark;

  @Option(names = "--strict", description = "Exit non-zero (3) if any survey record is rejected.")
  boolean strict;

  @Option(names = "--keep-runs", paramLabel = "N", defaultValue = "" + RunFolders.DEFAULT_KEEP,
      description = "Finished runs kept under OUT/runs, the published one included; older ones are removed "
          + "(default: ${DEFAULT-VALUE}).")
  int keepRuns;

  @Option(names = "--population", paramLabel = "PATH",
      description = "A folder of population CSV files, or one file, e.g. the Nomis NM_2002_1 export "
          + "(default: RAW/population, the synthetic stand-in). The run prints which population it used.")
  String population;

  @Override
  public Integer call() {
    Locations where = locations.locations();
    Progress progress = new Progress(System.out);
    Progress.Stage total = progress.start("run");
    SparkSession session = spark.session("lscb-run", where.raw("returns"), where.raw("population"));
    AtomicRun.Outcome outcome;
    try {
      outcome = AtomicRun.run(session, where, population(where), options(), progress, result -> {
        int code = NormaliseCommand.outcome(result.reconciliation(), where, strict);
        if (code == 0 && !result.conforms()) {
          System.err.println("lscb: some published figures were not reproduced; see conformance.csv in "
              + where.output(RunFolders.RUNS) + "/ (the run named by " + where.output(RunFolders.LATEST) + ")");
          return 4;
        }
        return code;
      }, keepRuns);
    } finally {
      spark.release(session);
    }
    total.done("all stages");
    System.out.println();
    System.out.println("Outputs under " + outcome.folder() + "/ (run " + outcome.runId() + ", named by "
        + where.output(RunFolders.LATEST) + "):");
    System.out.println("  processed/          canonical Parquet: board_return, board_member, board_contribution, "
        + "board_priority, board_highest_cost, board_subgroup, superseded_return, board, population_*");
    System.out.println("  rejects/returns.csv survey records that could not be accepted, with reasons "
        + "(Parquet beside it)");
    System.out.println("  reconciliation.csv  per input file: read = accepted + superseded + rejected");
    System.out.println("  analysis/           analysis results (Parquet)");
    System.out.println("  ees/                " + outcome.result().published().size()
        + " EES open-data CSVs with .meta.csv files");
    System.out.println("  conformance.csv     each published figure of the report against the pipeline's");
    System.out.println("  manifest.json       inputs (sha256, rows), code version, Spark, settings, output rows, "
        + "stage times");
    return outcome.exitCode();
  }

  private String population(Locations where) {
    return population != null ? population : where.raw("population");
  }

  /** The options as given, for the manifest. */
  private Map<String, String> options() {
    Map<String, String> options = new LinkedHashMap<>();
    Locations where = locations.locations();
    options.put("raw", where.raw());
    options.put("reference", where.reference());
    options.put("published", where.published());
    options.put("out", where.out());
    options.put("population", population(where));
    options.put("strict", String.valueOf(strict));
    options.put("keep_runs", String.valueOf(keepRuns));
    options.put("master_option", spark.master);
    spark.conf.forEach((k, v) -> options.put("conf " + k, v));
    return options;
  }
}
