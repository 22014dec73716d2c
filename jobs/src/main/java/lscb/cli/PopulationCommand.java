package lscb.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import lscb.io.DataStatus;
import lscb.io.Locations;
import lscb.io.Progress;
import lscb.io.UserError;
import lscb.population.PopulationJob;
import lscb.population.PopulationSource.Layout;
import lscb.run.RunDataStatus;
import lscb.run.RunFolders;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `lscb population`: ONS estimates by single year of age into children under 18 per council, board and region. */
@Command(name = "population", mixinStandardHelpOptions = true,
    description = {"Read ONS mid-year population estimates by single year of age (the MYEB long back series, "
        + "the wide per-year layout, the small-area (LSOA) wide layout or the Nomis NM_2002_1 export, detected from the header) from RAW/population, map areas to the "
        + "2006/07 councils through REFERENCE/area_crosswalk.csv, and write children under 18 per year to "
        + "OUT/processed/population_{council,board,region}, with rejects in OUT/rejects/population.csv and "
        + "a reconciliation per file (lines read = used + out of scope + rejected).",
        "When a real file sits beside SYNTHETIC-*.csv, the synthetic file is left out.",
        "Exit codes: 0 done (rejects do not stop the run); 2 a user error (missing folder or file, "
            + "unrecognised header)."})
public final class PopulationCommand implements Callable<Integer> {
  @Mixin LocationOptions locations;
  @Mixin SparkOptions spark;

  @Option(names = "--population", paramLabel = "PATH",
      description = "A folder of population CSV files, or one file (default: RAW/population).")
  String population;

  @Option(names = "--layout", paramLabel = "LAYOUT", defaultValue = "auto",
      description = "long, wide, small-area, nomis or auto (detect from each header; default: ${DEFAULT-VALUE}).")
  String layout;

  @Override
  public Integer call() {
    Locations where = locations.locations();
    Layout forced = switch (layout.toLowerCase(Locale.ROOT)) {
      case "auto" -> null;
      case "long" -> Layout.LONG;
      case "wide" -> Layout.WIDE;
      case "small-area" -> Layout.SMALL_AREA;
      case "nomis" -> Layout.NOMIS;
      default -> throw new UserError("--layout must be long, wide, small-area, nomis or auto, not " + layout);
    };
    SparkSession session = spark.session("lscb-population", population != null ? population : where.raw("population"));
    try {
      where = RunFolders.finished(session, where);
      String path = population != null ? population : where.raw("population");
      RunDataStatus.derive(session, where, false, path, forced, session.sparkContext().applicationId()).applyTo(session);
      PopulationJob.run(session, where, new Progress(System.out), path, forced);
      return 0;
    } finally {
      spark.release(session);
    }
  }
}
