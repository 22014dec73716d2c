package lscb.population;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import lscb.population.PopulationSource.Layout;
import lscb.population.PopulationTotals.Totals;
import lscb.run.Concurrently;
import lscb.run.Locations;
import lscb.run.Outputs;
import lscb.run.Progress;
import lscb.run.SparkSessions;
import lscb.run.TextSplits;
import lscb.schema.Schemas;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;

/** The population stage: ONS estimates in, children under 18 per council, board and region out. */
public final class PopulationJob {
  private static final List<String> LEVELS = List.of("council", "board", "region");

  private PopulationJob() {}

  /** Runs the stage on Locations.raw("population") with the layout detected from each header. */
  public static PopulationResult run(SparkSession spark, Locations locations, Progress progress) {
    return run(spark, locations, progress, locations.raw("population"), null);
  }

  /**
   * Runs the stage on a folder or file of estimates.
   *
   * @param forced LONG or WIDE to insist on a layout, null to detect it from each header
   */
  public static PopulationResult run(SparkSession spark, Locations locations, Progress progress,
      String population, Layout forced) {
    Progress.Stage stage = progress.start("population");
    List<PopulationSource> found = PopulationReader.sources(spark, population, forced);
    List<PopulationSource> sources = PopulationReader.preferReal(found);
    if (sources.size() < found.size()) {
      progress.start("population").done("left out " + found.stream().filter(s -> !sources.contains(s))
          .map(PopulationSource::fileName).toList() + ": a real population file is present");
    }
    AreaCrosswalk crosswalk = AreaCrosswalk.load(spark, locations);
    Dataset<Row> codes = crosswalk.areas().select("area_code");
    List<Dataset<Row>> persisted = new ArrayList<>(List.of(crosswalk.areas()));
    Dataset<Row> lines = null;
    Dataset<Row> cells = null;
    TextSplits splits = PopulationReader.scan(spark, sources);
    // Large inputs keep the stage's caches on disk by design (memory stays bounded; no cache overflows
    // memory and spills); the shipped data's fit in memory and are fastest there.
    long bytes = splits.files().stream().mapToLong(TextSplits.FileScan::bytes).sum();
    StorageLevel storage = bytes >= SparkSessions.SMALL_INPUT_BYTES ? StorageLevel.DISK_ONLY()
        : StorageLevel.MEMORY_AND_DISK();
    for (PopulationSource source : sources) {
      Dataset<Row> classified = PopulationChecks.classify(PopulationReader.lines(spark, splits, source), codes)
          .persist(storage);
      persisted.add(classified);
      Dataset<Row> fileLines = classified.select("source_file", "source_line", "layout", "area_code",
          "status", "problems");
      Dataset<Row> fileCells = PopulationReader.cells(
              classified.where(col("status").equalTo(PopulationChecks.CANDIDATE)), source)
          .select("source_file", "source_line", "area_code", "small_area", "sex", "age", "year", "field",
              "raw_value", "geography");
      lines = lines == null ? fileLines : lines.unionByName(fileLines);
      cells = cells == null ? fileCells : cells.unionByName(fileCells);
    }
    Dataset<Row> checked = PopulationChecks.checkCells(cells).persist(storage);
    persisted.add(checked);
    // The first pass over the cells (the totals' checkpoints) runs beside the crosswalk's own checks;
    // a broken crosswalk stops the stage before anything is written.
    Map<String, Supplier<Object>> first = new LinkedHashMap<>();
    first.put("crosswalk", () -> {
      crosswalk.check();
      return null;
    });
    first.put("totals", () -> PopulationTotals.of(checked.where(col("reason").isNull()), crosswalk, population,
        storage));
    Totals totals = (Totals) Concurrently.run(spark, first).get("totals");

    Dataset<Row> rejects = PopulationChecks.lineRejects(lines)
        .unionByName(PopulationChecks.cellRejects(checked)).unionByName(totals.rejects());
    long apportioned = write(spark, locations, totals, rejects, reconcile(lines, checked, totals.usedAreas()));
    if (apportioned > 0) {
      progress.start("population").done(apportioned + " council-years rest on fixed shares of Bournemouth,"
          + " Christchurch and Poole (E06000058): estimates, see data/reference/CROSSWALK.md");
    }
    PopulationResult result = counts(spark, locations, sources.size());
    persisted.forEach(Dataset::unpersist);
    stage.done(String.format(Locale.ROOT, "%d file(s) %s; lines read %,d = used %,d + out of scope %,d"
            + " + rejected %,d; council-years %,d, board-years %,d, region-years %,d; reject rows %,d (%s)",
        result.files(), describe(sources), result.rowsRead(), result.used(), result.outOfScope(),
        result.rejected(), result.councilYears(), result.boardYears(), result.regionYears(),
        result.rejectRows(), locations.rejects("population.csv")));
    return result;
  }

  /** Writes the stage's outputs side by side; returns the council-years resting on apportioned shares. */
  private static long write(SparkSession spark, Locations locations, Totals totals, Dataset<Row> rejects,
      Dataset<Row> reconciliation) {
    Map<String, Runnable> writes = new LinkedHashMap<>();
    for (String level : LEVELS) {
      Dataset<Row> rows = level.equals("council") ? totals.councils()
          : level.equals("board") ? totals.boards() : totals.regions();
      writes.put(level, () -> Outputs.parquet(Schemas.conform(rows, "population_" + level),
          locations.processed("population_" + level)));
    }
    writes.put("rejects", () -> {
      Outputs.parquet(Schemas.conform(rejects, "population_reject"), locations.rejects("population"));
      Outputs.csv(spark.read().parquet(locations.rejects("population")), locations.rejects("population.csv"),
          col("source_file"), col("source_line"), col("area_code"), col("field"), col("reason"), col("raw_value"));
    });
    writes.put("reconciliation", () -> Outputs.parquet(Schemas.conform(reconciliation, "population_reconciliation"),
        locations.processed("population_reconciliation")));
    long[] apportioned = new long[1];
    writes.put("apportioned", () -> apportioned[0] = totals.apportioned().count());
    Concurrently.runAll(spark, writes);
    return apportioned[0];
  }

  /** The stage's counts, read back from what it wrote (table rows from the Parquet footers). */
  private static PopulationResult counts(SparkSession spark, Locations locations, int files) {
    List<Row> perFile = spark.read().parquet(locations.processed("population_reconciliation"))
        .orderBy("source_file").collectAsList();
    return new PopulationResult(files,
        sum(perFile, "rows_read"), sum(perFile, "used"), sum(perFile, "out_of_scope"), sum(perFile, "rejected"),
        Outputs.parquetRows(spark, locations.rejects("population")),
        Outputs.parquetRows(spark, locations.processed("population_council")),
        Outputs.parquetRows(spark, locations.processed("population_board")),
        Outputs.parquetRows(spark, locations.processed("population_region")));
  }

  /** Per file: lines read = used + out of scope + rejected. */
  static Dataset<Row> reconcile(Dataset<Row> lines, Dataset<Row> checkedCells, Dataset<Row> usedAreas) {
    Dataset<Row> badCells = checkedCells.where(col("reason").isNotNull())
        .select("source_file", "source_line").distinct().withColumn("cell_bad", lit(true));
    Dataset<Row> used = functions.broadcast(usedAreas.select(col("area_code").as("used_area"))
        .withColumn("area_used", lit(true)));
    Dataset<Row> status = lines.join(badCells, new String[] {"source_file", "source_line"}, "left")
        .join(used, col("area_code").equalTo(col("used_area")), "left")
        .select(col("source_file"), col("layout"), when(col("status").equalTo(PopulationChecks.REJECTED)
                .or(col("cell_bad").isNotNull()), lit("rejected"))
            .when(col("status").equalTo(PopulationChecks.OUT_OF_SCOPE).or(col("area_used").isNull()),
                lit("out_of_scope"))
            .otherwise(lit("used")).as("final"));
    return status.groupBy("source_file", "layout").agg(
        functions.count(lit(1)).as("rows_read"),
        functions.count(when(col("final").equalTo("used"), lit(1))).as("used"),
        functions.count(when(col("final").equalTo("out_of_scope"), lit(1))).as("out_of_scope"),
        functions.count(when(col("final").equalTo("rejected"), lit(1))).as("rejected"));
  }

  private static long sum(List<Row> rows, String column) {
    return rows.stream().mapToLong(r -> r.getLong(r.fieldIndex(column))).sum();
  }

  private static String describe(List<PopulationSource> sources) {
    return sources.stream().map(s -> s.fileName() + " (" + s.layout().name().toLowerCase(Locale.ROOT)
        + (s.layout() == Layout.WIDE ? " " + s.wideYear() : "") + ")").toList().toString();
  }
}
