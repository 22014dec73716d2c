package lscb.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;

/**
 * Where a run's numbers come from: reconstructed or supplied returns, and a synthetic, ONS or supplied
 * population, derived from the inputs the run read. Every writer in {@link Outputs} puts it into its file.
 */
public record DataStatus(String returns, String returnsLabel, String population, String populationLabel,
    String runId) {

  public static final String RECONSTRUCTED = "reconstructed";
  public static final String AS_SUPPLIED = "as supplied";
  public static final String SYNTHETIC = "synthetic";
  public static final String ONS = "ons";
  /** A fact about an input the command did not read (e.g. the population, for `lscb normalise`). */
  public static final String NOT_READ = "not read";
  /** No status was derived for the writing session (a stage called on its own, outside a command). */
  public static final String UNKNOWN = "unknown";

  /** The first line that marks a returns folder's README as the project's reconstruction (see README.md). */
  public static final String RECONSTRUCTED_MARKER = "# RECONSTRUCTED DATA";

  /** Parquet footer keys (key-value metadata) written on every table. */
  public static final String RETURNS_KEY = "lscb.returns_source";
  public static final String POPULATION_KEY = "lscb.population_source";
  public static final String RUN_ID_KEY = "lscb.run_id";
  static final String RETURNS_LABEL_KEY = "lscb.returns_label";
  static final String POPULATION_LABEL_KEY = "lscb.population_label";
  static final String SUMMARY_KEY = "lscb.data_status";

  /** The columns every CSV under OUT ends with (EES files carry {@code data_status} as a filter instead). */
  public static final List<String> CSV_COLUMNS = List.of("data_status", "returns_source", "population_source");

  /** A population's source: synthetic, ons or as supplied, and its plain-words label. */
  public record Population(String source, String label) {
    public static final Population SYNTHETIC = new Population(DataStatus.SYNTHETIC,
        "Synthetic population, not ONS figures");
    public static final Population AS_SUPPLIED = new Population(DataStatus.AS_SUPPLIED, "Population as supplied");
    public static final Population NOT_READ = new Population(DataStatus.NOT_READ, "Population not read");

    /** Real ONS estimates, described by their series and vintage. */
    public static Population ons(String description) {
      return new Population(ONS, description);
    }
  }

  private static final String RECONSTRUCTED_LABEL = "Reconstructed returns, not real";
  private static final String SUPPLIED_LABEL = "Returns as supplied";
  private static final String RETURNS_NOT_READ = "Returns not read";

  /** The status of a session that derived none. */
  public static final DataStatus UNKNOWN_STATUS = new DataStatus(UNKNOWN, "Returns of unrecorded origin", UNKNOWN,
      "Population of unrecorded origin", UNKNOWN);

  /** The plain-words label of a returns status. */
  public static String returnsLabel(String returns) {
    return switch (returns) {
      case RECONSTRUCTED -> RECONSTRUCTED_LABEL;
      case AS_SUPPLIED -> SUPPLIED_LABEL;
      case NOT_READ -> RETURNS_NOT_READ;
      default -> UNKNOWN_STATUS.returnsLabel();
    };
  }

  /** The status in plain words, e.g. "Reconstructed returns, not real; synthetic population, not ONS figures". */
  public String summary() {
    String pop = populationLabel;
    boolean acronym = pop.length() > 1 && Character.isUpperCase(pop.charAt(1));
    return returnsLabel + "; " + (acronym ? pop : Character.toLowerCase(pop.charAt(0)) + pop.substring(1));
  }

  /** The values of {@link #CSV_COLUMNS}. */
  public List<String> csvValues() {
    return List.of(summary(), returns, population);
  }

  /** The Parquet footer's key-value metadata. */
  public Map<String, String> footer() {
    Map<String, String> footer = new LinkedHashMap<>();
    footer.put(RETURNS_KEY, returns);
    footer.put(RETURNS_LABEL_KEY, returnsLabel);
    footer.put(POPULATION_KEY, population);
    footer.put(POPULATION_LABEL_KEY, populationLabel);
    footer.put(SUMMARY_KEY, summary());
    footer.put(RUN_ID_KEY, runId);
    return footer;
  }

  /** Makes this the status every writer of the session puts into its outputs. */
  public DataStatus applyTo(SparkSession spark) {
    RuntimeConfig conf = spark.conf();
    footer().forEach(conf::set);
    return this;
  }

  /** Forgets the session's status (the run is over). */
  public static void clear(SparkSession spark) {
    List.of(RETURNS_KEY, RETURNS_LABEL_KEY, POPULATION_KEY, POPULATION_LABEL_KEY, SUMMARY_KEY, RUN_ID_KEY)
        .forEach(spark.conf()::unset);
  }

  /** The status the session's writers use: the one applied, or {@link #UNKNOWN_STATUS}. */
  public static DataStatus of(SparkSession spark) {
    RuntimeConfig conf = spark.conf();
    if (!conf.contains(RETURNS_KEY)) {
      return UNKNOWN_STATUS;
    }
    return new DataStatus(conf.get(RETURNS_KEY), conf.get(RETURNS_LABEL_KEY), conf.get(POPULATION_KEY),
        conf.get(POPULATION_LABEL_KEY), conf.get(RUN_ID_KEY));
  }

  /** The status a Parquet file's footer carries, or null when it carries none. */
  public static DataStatus ofFooter(Map<String, String> footer) {
    if (!footer.containsKey(RETURNS_KEY)) {
      return null;
    }
    return new DataStatus(footer.get(RETURNS_KEY), footer.get(RETURNS_LABEL_KEY), footer.get(POPULATION_KEY),
        footer.get(POPULATION_LABEL_KEY), footer.get(RUN_ID_KEY));
  }

  /**
   * The status of outputs made from earlier Parquet tables (`lscb analyse`, `lscb report-check`): each fact
   * from the tables' footers, the cautious value when they disagree; {@code runId} names this command's run.
   */
  public static DataStatus ofTables(SparkSession spark, List<String> tables, String runId) {
    List<DataStatus> found = new ArrayList<>();
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    for (String table : tables) {
      DataStatus status = ofFooter(footer(hadoop, table));
      if (status != null) {
        found.add(status);
      }
    }
    String[] returns = pick(found, true, List.of(RECONSTRUCTED, UNKNOWN, AS_SUPPLIED));
    String[] population = pick(found, false, List.of(SYNTHETIC, UNKNOWN, AS_SUPPLIED, ONS));
    return new DataStatus(returns[0], returns[1], population[0], population[1], runId);
  }

  /** The first fact in {@code caution} order among the found ones (not read left out), with its label. */
  private static String[] pick(List<DataStatus> found, boolean returns, List<String> caution) {
    for (String value : caution) {
      for (DataStatus s : found) {
        if ((returns ? s.returns() : s.population()).equals(value)) {
          return returns ? new String[] {s.returns(), s.returnsLabel()} : new String[] {s.population(), s.populationLabel()};
        }
      }
    }
    return returns ? new String[] {UNKNOWN, UNKNOWN_STATUS.returnsLabel()}
        : new String[] {UNKNOWN, UNKNOWN_STATUS.populationLabel()};
  }

  /** The key-value metadata of the first Parquet part file of a table folder (empty when there is none). */
  public static Map<String, String> footer(Configuration hadoop, String table) {
    try {
      Path dir = new Path(table);
      FileSystem fs = dir.getFileSystem(hadoop);
      if (!fs.exists(dir)) {
        return Map.of();
      }
      for (FileStatus part : fs.listStatus(dir)) {
        if (part.isFile() && part.getPath().getName().endsWith(".parquet")) {
          try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(part.getPath(), hadoop))) {
            return reader.getFileMetaData().getKeyValueMetaData();
          }
        }
      }
      return Map.of();
    } catch (IOException e) {
      throw new UserError(table + ": cannot be read (" + e.getMessage() + ")");
    }
  }
}
