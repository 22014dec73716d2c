package lscb.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import lscb.io.DataStatus;
import lscb.io.Locations;
import lscb.io.UserError;
import lscb.population.PopulationReader;
import lscb.population.PopulationSource;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * A run's {@link DataStatus} derived from the inputs it reads: the orchestration's part, since it looks
 * into the returns' folders and the population files (the stages only carry the status they are given).
 */
public final class RunDataStatus {
  private RunDataStatus() {}

  /**
   * The status of a run reading the returns under {@code locations.raw("returns")} and the population at
   * {@code population} (a folder or file, as the population stage reads it; null when not read).
   */
  public static DataStatus derive(SparkSession spark, Locations locations, boolean readsReturns, String population,
      PopulationSource.Layout forced, String runId) {
    String returns = readsReturns ? returnsSource(spark, locations) : DataStatus.NOT_READ;
    DataStatus.Population pop = population == null ? DataStatus.Population.NOT_READ
        : population(PopulationReader.preferReal(PopulationReader.sources(spark, population, forced)));
    return new DataStatus(returns, DataStatus.returnsLabel(returns), pop.source(), pop.label(), runId);
  }

  /**
   * {@code reconstructed} when a returns folder the run reads (2006, 2007) holds a README.md starting with
   * {@link DataStatus#RECONSTRUCTED_MARKER}, as {@code ./lscb reconstruct} writes it; otherwise {@code as supplied}.
   */
  static String returnsSource(SparkSession spark, Locations locations) {
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    for (String year : List.of("2006", "2007")) {
      Path readme = new Path(locations.raw("returns/" + year), "README.md");
      try {
        FileSystem fs = readme.getFileSystem(hadoop);
        if (fs.exists(readme)) {
          try (BufferedReader in = new BufferedReader(new InputStreamReader(fs.open(readme), StandardCharsets.UTF_8))) {
            String first = in.readLine();
            if (first != null && first.strip().startsWith(DataStatus.RECONSTRUCTED_MARKER)) {
              return DataStatus.RECONSTRUCTED;
            }
          }
        }
      } catch (IOException e) {
        throw new UserError(readme + ": cannot be read (" + e.getMessage() + ")");
      }
    }
    return DataStatus.AS_SUPPLIED;
  }

  /** The population of several files: synthetic if any is, ons if all are, else as supplied; labels joined. */
  static DataStatus.Population population(List<PopulationSource> sources) {
    Set<String> kinds = new LinkedHashSet<>();
    Set<String> labels = new LinkedHashSet<>();
    for (PopulationSource source : sources) {
      kinds.add(source.provenance().source());
      labels.add(source.provenance().label());
    }
    String kind = kinds.contains(DataStatus.SYNTHETIC) ? DataStatus.SYNTHETIC
        : kinds.equals(Set.of(DataStatus.ONS)) ? DataStatus.ONS : DataStatus.AS_SUPPLIED;
    return new DataStatus.Population(kind, String.join(" + ", labels));
  }

}
