package lscb.cli;

import java.util.concurrent.Callable;
import lscb.population.SyntheticPopulation;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `lscb synth-population`: writes the seeded synthetic stand-in for the ONS back series. */
@Command(name = "synth-population", mixinStandardHelpOptions = true,
    description = {"Write a SYNTHETIC (not ONS) population file in the ONS MYEB long layout: the 2018 local "
        + "authority areas that cover the 150 councils of 2006/07, both sexes, ages 0-90, mid-2001 to "
        + "mid-2010. Same seed, same bytes. Isle of Wight and Lancashire are held so that the report's "
        + "per-child figures (F1-F4) come out."})
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

  @Override
  public Integer call() {
    long start = System.nanoTime();
    int areas = SyntheticPopulation.write(reference + "/area_crosswalk.csv", output, seed, new Configuration());
    System.out.printf("[synth-population] %d areas x 2 sexes x 91 ages, mid-%d to mid-%d, seed %d -> %s (%.1f s)%n",
        areas, SyntheticPopulation.FIRST_YEAR, SyntheticPopulation.LAST_YEAR, seed, output,
        (System.nanoTime() - start) / 1e9);
    return 0;
  }
}
