package lscb.cli;

import java.util.concurrent.Callable;
import lscb.io.Progress;
import lscb.synth.Reconstruction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes the reconstructed 2006 and 2007 raw returns, calibrated to every published figure. */
@Command(name = "reconstruct", mixinStandardHelpOptions = true,
    description = "Write RECONSTRUCTED 2006 and 2007 raw returns (not the boards' real returns) that "
        + "reproduce every figure of data/published/figures.csv; the same seed gives the same bytes.")
public final class ReconstructCommand implements Callable<Integer> {
  @Option(names = "--seed", defaultValue = "" + Reconstruction.DEFAULT_SEED,
      description = "Random seed (default: ${DEFAULT-VALUE}, the seed of the shipped files).")
  long seed;

  @Option(names = "--raw", paramLabel = "DIR", defaultValue = "data/raw",
      description = "Raw root to write returns/2006 and returns/2007 under (default: ${DEFAULT-VALUE}).")
  String raw;

  @Option(names = "--reference", paramLabel = "DIR", defaultValue = "data/reference",
      description = "Board register (default: ${DEFAULT-VALUE}).")
  String reference;

  @Option(names = "--published", paramLabel = "DIR", defaultValue = "data/published",
      description = "The report's figures.csv to calibrate to (default: ${DEFAULT-VALUE}).")
  String published;

  @Override
  public Integer call() {
    Reconstruction.Summary s = Reconstruction.run(seed, raw, reference, published, new Progress(System.out));
    System.out.printf("reconstructed %d returns for 2006 and %d for 2007 (%d figures reproduced)%n",
        s.accepted2006(), s.accepted2007(), s.figuresChecked());
    return 0;
  }
}
