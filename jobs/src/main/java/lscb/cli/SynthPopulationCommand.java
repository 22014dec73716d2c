package lscb.cli;

import java.util.concurrent.Callable;
import lscb.io.UserError;
import lscb.population.SyntheticPopulation;
import lscb.population.SyntheticSmallAreas;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `lscb synth-population`: writes the seeded synthetic stand-in for the ONS back series. */
@Command(name = "synth-population", mixinStandardHelpOptions = true,
    description = {"Write a SYNTHETIC (not ONS) population file in the ONS MYEB long layout: the 2018 local "
        + "authority areas that cover the 150 councils of 2006/07, both sexes, ages 0-90, mid-2001 to "
        + "mid-2010. Same seed, same bytes. Isle of Wight and Lancashire are held so that the report's "
        + "per-child figures (F1-F4) come out.",
        "With --small-areas DIR: instead, a SYNTHETIC small-area (LSOA) set in the ONS wide layout, one file per "
            + "year and sex, cut from the district file so that its sums per council and year equal that file's "
            + "(about 33,000 areas x 91 ages x 2 sexes x 20 years = 120M values by default; streamed to disk)."})
public final class SynthPopulationCommand implements Callable<Integer> {
  @Option(names = "--seed", defaultValue = "" + SyntheticPopulation.DEFAULT_SEED,
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--reference", paramLabel = "DIR", defaultValue = "data/reference",
      description = "Folder holding area_crosswalk.csv (default: ${DEFAULT-VALUE}).")
  String reference;

  @Option(names = "--output", paramLabel = "FILE",
      defaultValue = "data/raw/population/SYNTHETIC-myeb-2001-2010.csv",
      description = "File to write (default: ${DEFAULT-VALUE}).")
  String output;

  @Option(names = "--small-areas", paramLabel = "DIR",
      description = "Write the synthetic small-area (LSOA) set into DIR instead of the district file.")
  String smallAreas;

  @Option(names = "--areas", defaultValue = "" + SyntheticSmallAreas.DEFAULT_AREAS,
      description = "With --small-areas: about how many small areas (default: ${DEFAULT-VALUE}).")
  int areas;

  @Option(names = "--years", defaultValue = "" + SyntheticSmallAreas.DEFAULT_YEARS,
      description = "With --small-areas: how many years from mid-2001 (default: ${DEFAULT-VALUE}; after mid-2010 "
          + "the district file's years repeat).")
  int years;

  @Override
  public Integer call() {
    long start = System.nanoTime();
    if (smallAreas != null) {
      if (areas < 1 || years < 1) {
        throw new UserError("--areas and --years must be 1 or more");
      }
      SyntheticSmallAreas.Summary s = SyntheticSmallAreas.write(reference + "/area_crosswalk.csv", smallAreas, seed,
          areas, years, new Configuration());
      System.out.printf("[synth-population] SYNTHETIC small areas: %,d areas x 91 ages x 2 sexes x %d years = %,d values"
          + " in %d files (%,d MB), seed %d -> %s (%.1f s)%n", s.smallAreas(), years, s.values(), s.files(),
          s.bytes() >> 20, seed, smallAreas, (System.nanoTime() - start) / 1e9);
      return 0;
    }
    int areas = SyntheticPopulation.write(reference + "/area_crosswalk.csv", output, seed, new Configuration());
    System.out.printf("[synth-population] %d areas x 2 sexes x 91 ages, mid-%d to mid-%d, seed %d -> %s (%.1f s)%n",
        areas, SyntheticPopulation.FIRST_YEAR, SyntheticPopulation.LAST_YEAR, seed, output,
        (System.nanoTime() - start) / 1e9);
    return 0;
  }
}
