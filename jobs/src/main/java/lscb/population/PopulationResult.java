package lscb.population;

import java.util.List;

/**
 * What the population stage read and wrote: its files, line counts (read = used + out of scope +
 * rejected) and table sizes.
 */
public record PopulationResult(List<PopulationSource> sources, long rowsRead, long used, long outOfScope,
    long rejected, long rejectRows, long councilYears, long boardYears, long regionYears) {

  /** How many files were used. */
  public int files() {
    return sources.size();
  }

  /** The data status word of the population: synthetic, ons or as supplied (mixed files: as supplied). */
  public String status() {
    List<String> all = sources.stream().map(PopulationSource::status).distinct().toList();
    return all.size() == 1 ? all.get(0) : "as supplied";
  }

  /** What the figures are, for people: "synthetic" or e.g. "ONS mid-year estimates, revised series (Nomis NM_2002_1)". */
  public String description() {
    return String.join("; ", sources.stream().map(PopulationSource::description).distinct().toList());
  }

  /** The description of a real population, or null when it is synthetic (nothing real to divide by). */
  public String realDescription() {
    List<String> real = sources.stream().filter(s -> !s.synthetic()).map(PopulationSource::description)
        .distinct().toList();
    return real.isEmpty() ? null : String.join("; ", real);
  }

  /**
   * The sentence a reader of the outputs (notebooks, report) shows about the population: for the
   * Nomis export "ONS mid-year estimates (revised series); Source: Office for National Statistics
   * licensed under the Open Government Licence v3.0".
   */
  public String notice() {
    return switch (status()) {
      case "ons" -> "ONS mid-year estimates (revised series); " + NomisLayout.ATTRIBUTION;
      case "synthetic" -> "synthetic, not ONS estimates: a made-up stand-in with the shape of the ONS mid-year estimates";
      default -> description() + ", as supplied (not checked by the project)";
    };
  }
}
