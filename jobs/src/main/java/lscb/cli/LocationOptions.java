package lscb.cli;

import lscb.io.Locations;
import picocli.CommandLine.Option;

/** Input and output locations shared by the commands; each accepts any Hadoop path or URI. */
public class LocationOptions {
  @Option(names = "--raw", paramLabel = "DIR", defaultValue = "data/raw",
      description = "Raw inputs: returns/2006, returns/2007, population (default: ${DEFAULT-VALUE}).")
  String raw;

  @Option(names = "--reference", paramLabel = "DIR", defaultValue = "data/reference",
      description = "Board register and crosswalk (default: ${DEFAULT-VALUE}).")
  String reference;

  @Option(names = "--published", paramLabel = "DIR", defaultValue = "data/published",
      description = "The report's published figures (default: ${DEFAULT-VALUE}).")
  String published;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "out",
      description = "Output root (default: ${DEFAULT-VALUE}; git ignores it). `run` writes OUT/runs/RUN-ID and points "
          + "OUT/LATEST at it; the single-stage commands work in the run OUT/LATEST names, or in OUT itself without one.")
  String out;

  /** The locations these options name. */
  public Locations locations() {
    return new Locations(raw, reference, published, out);
  }
}
