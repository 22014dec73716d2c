package lscb.population;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lscb.io.Concurrently;
import lscb.io.Locations;
import lscb.io.Outputs;
import lscb.io.Progress;
import lscb.io.SparkSessions;
import lscb.io.TextSplits;
import lscb.population.PopulationSource.Layout;
import lscb.population.PopulationTotals.Totals;
import lscb.schema.Schemas;
import org.apache.spark.sql.Column;
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
    // The crosswalk's cache is filled while the files are scanned: both are small jobs, one task each at times.
    TextSplits splits = Concurrently.both(spark, "crosswalk", () -> crosswalk.areas().count(),
        "scan", () -> PopulationReader.scan(spark, sources)).second();
    // Large inputs keep the stage's caches on disk by design (memory stays bounded; no cache overflows
    // memory and spills); the shipped data's fit in memory and are fastest there.
    long bytes = splits.files().stream().mapToLong(TextSplits.FileScan::bytes).sum();
    StorageLevel storage = bytes >= SparkSessions.SMALL_INPUT_BYTES ? StorageLevel.DISK_ONLY()
        : StorageLevel.MEMORY_AND_DISK();
    // Each line is read once and its counts checked and summed in the line: the rows kept are one per
    // line (per line and year for a long file), and only unusable counts become rows of their own. Files
    // of one shape (layout and count columns) share one plan for the checks.
    Map<String, List<Integer>> shapes = new LinkedHashMap<>();
    for (int f = 0; f < sources.size(); f++) {
      shapes.computeIfAbsent(PopulationReader.shape(sources.get(f)), k -> new ArrayList<>()).add(f);
    }
    Dataset<Row> rows = null;
    for (List<Integer> files : shapes.values()) {
      Dataset<Row> lines = PopulationReader.lines(spark, splits, files.stream().map(sources::get).toList(), files);
      Dataset<Row> shapeRows = PopulationChecks.countRows(PopulationChecks.classify(lines, codes),
          sources.get(files.get(0)));
      rows = rows == null ? shapeRows : rows.unionByName(shapeRows);
    }
    // Checkpointed, not only cached: the jobs that read the rows again ship a short lineage to each task
    // instead of the readers' and checks' whole plan (some 2 MB per task, deserialised by every task).
    // Lazily: the summary's pass writes it. Its blocks go when it is garbage-collected (Spark's
    // context cleaner), as do the totals' checkpoints.
    Dataset<Row> checked = rows.localCheckpoint(false, storage);
    // The first pass over the rows (the per-area summary, see CountKeys#summary), then the few rows behind
    // line and cell rejects (kept apart so those rejects do not read every row again; in as many partitions
    // as the cores, not one per split), run beside the crosswalk's own checks; a broken crosswalk stops
    // the stage before anything is written.
    boolean codesGiveGeography = sources.stream().anyMatch(s -> s.geography() == NomisLayout.GEOGRAPHY_FROM_CODES);
    List<Dataset<Row>> stored = Concurrently.both(spark, "crosswalk", () -> {
      crosswalk.check();
      return null;
    }, "summary", () -> List.of(CountKeys.summary(checked).localCheckpoint(true, storage),
        checked.where(col("status").notEqual(PopulationChecks.CANDIDATE).or(col("bad_cells").isNotNull()))
            .coalesce(Math.max(1, spark.sparkContext().defaultParallelism())).localCheckpoint(true, storage)))
        .second();
    Dataset<Row> summary = stored.get(0);
    Dataset<Row> notable = stored.get(1);

    // From here every query reads the summary, the notable rows or the few rows of rare keys: small data.
    PopulationResult result;
    try (SparkSessions.Scope small = SparkSessions.smallDataFromHere(spark)) {
      Totals totals = PopulationTotals.of(summary, checked, sources, crosswalk, population, codesGiveGeography,
          storage);
      Dataset<Row> lines = checked.where(col("first"));
      Dataset<Row> inseparable = totals.inseparableAreas().isEmpty() ? lines.limit(0) : lines;
      Dataset<Row> rejects = PopulationChecks.lineRejects(notable.where(col("first")))
          .unionByName(PopulationChecks.cellRejects(notable)).unionByName(totals.rejects())
          .unionByName(inseparableRejects(inseparable, totals.inseparableAreas()));
      long apportioned = write(spark, locations, totals, rejects,
          reconcile(notable, totals.candidateLines(), totals.duplicateLines(), totals.usedAreas(),
              totals.inseparableAreas()));
      if (apportioned > 0) {
        progress.start("population").done(apportioned + " council-years rest on shares of a merged area given in"
            + " data/reference/area_crosswalk.csv (method apportioned): estimates, see data/reference/CROSSWALK.md");
      }
      result = counts(spark, locations, sources);
    }
    crosswalk.areas().unpersist();
    stage.done(String.format(Locale.ROOT, "using %s: %s; lines read %,d = used %,d + out of scope %,d"
            + " + rejected %,d; council-years %,d, board-years %,d, region-years %,d; reject rows %,d (%s)",
        result.description(), describe(spark, locations, sources), result.rowsRead(), result.used(), result.outOfScope(),
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
  private static PopulationResult counts(SparkSession spark, Locations locations, List<PopulationSource> sources) {
    List<Row> perFile = spark.read().parquet(locations.processed("population_reconciliation"))
        .orderBy("source_file").collectAsList();
    return new PopulationResult(sources,
        sum(perFile, "rows_read"), sum(perFile, "used"), sum(perFile, "out_of_scope"), sum(perFile, "rejected"),
        Outputs.parquetRows(spark, locations.rejects("population")),
        Outputs.parquetRows(spark, locations.processed("population_council")),
        Outputs.parquetRows(spark, locations.processed("population_board")),
        Outputs.parquetRows(spark, locations.processed("population_region")));
  }

  /**
   * Per file: lines read = used + out of scope + rejected. Lines are counted per file, area and status
   * (a small table: the candidates' from the per-area summary, the others' from the notable rows), and the
   * few lines with an unusable or duplicate count are taken off their area's.
   *
   * @param notable the rows that are not candidates or have an unusable count (a subset of the rows)
   * @param candidateLines the candidate lines per file and area (see PopulationTotals.Totals)
   */
  static Dataset<Row> reconcile(Dataset<Row> notable, Dataset<Row> candidateLines, Dataset<Row> duplicateLines,
      Dataset<Row> usedAreas, Dataset<Row> inseparableAreas) {
    Dataset<Row> perArea = candidateLines.withColumn("status", lit(PopulationChecks.CANDIDATE))
        .unionByName(notable.where(col("first").and(col("status").notEqual(PopulationChecks.CANDIDATE)))
            .groupBy("source_file", "layout", "area_code", "status").agg(functions.count(lit(1)).as("lines")));
    Dataset<Row> badLines = notable.where(col("bad_cells").isNotNull()).select("source_file", "source_line", "area_code")
        .unionByName(duplicateLines).distinct()
        .groupBy("source_file", "area_code").agg(functions.count(lit(1)).as("bad_lines"))
        .withColumn("status", lit(PopulationChecks.CANDIDATE));
    Dataset<Row> used = functions.broadcast(usedAreas.select(col("area_code").as("used_area"))
        .withColumn("area_used", lit(true)));
    Dataset<Row> inseparable = functions.broadcast(inseparableAreas.select(col("area_code").as("inseparable_area")));
    Dataset<Row> counted = perArea.join(badLines, new String[] {"source_file", "area_code", "status"}, "left")
        .join(used, col("area_code").eqNullSafe(col("used_area")), "left")
        .join(inseparable, col("area_code").eqNullSafe(col("inseparable_area")), "left");
    Column candidate = col("status").equalTo(PopulationChecks.CANDIDATE);
    Column bad = functions.coalesce(col("bad_lines"), lit(0L));
    Column good = col("lines").minus(bad);
    Column rejected = when(col("status").equalTo(PopulationChecks.REJECTED), col("lines"))
        .when(candidate.and(col("inseparable_area").isNotNull()), col("lines"))
        .when(candidate, bad).otherwise(lit(0L));
    Column outOfScope = when(col("status").equalTo(PopulationChecks.OUT_OF_SCOPE), col("lines"))
        .when(candidate.and(col("inseparable_area").isNull()).and(col("area_used").isNull()), good)
        .otherwise(lit(0L));
    Column usedLines = when(candidate.and(col("inseparable_area").isNull()).and(col("area_used").isNotNull()), good)
        .otherwise(lit(0L));
    return counted.groupBy("source_file", "layout").agg(
        functions.sum("lines").as("rows_read"), functions.sum(usedLines).as("used"),
        functions.sum(outOfScope).as("out_of_scope"), functions.sum(rejected).as("rejected"));
  }

  private static long sum(List<Row> rows, String column) {
    return rows.stream().mapToLong(r -> r.getLong(r.fieldIndex(column))).sum();
  }

  /**
   * One reject per in-scope line of an area no council can use because of an area that cannot be
   * split back (see PopulationTotals.Totals#inseparableAreas), in the population_reject columns.
   */
  static Dataset<Row> inseparableRejects(Dataset<Row> lines, Dataset<Row> inseparableAreas) {
    return lines.where(col("status").equalTo(PopulationChecks.CANDIDATE))
        .join(functions.broadcast(inseparableAreas), "area_code")
        .select(col("source_file"), col("source_line"), col("area_code"), lit("area_code").as("field"),
            col("area_code").as("raw_value"), functions.concat(col("area_code"), lit(" is not used: the 2006/07"
                + " council(s) it counts towards also need an area that holds children of more than one of them and"
                + " cannot be split back (method inseparable in data/reference/area_crosswalk.csv, e.g. E06000058"
                + " Bournemouth, Christchurch and Poole), so they get no figure and no split is invented;"
                + " see data/reference/CROSSWALK.md to supply a real split")).as("reason"));
  }

  /** The files used, each with its layout and the mid-years it holds (read from the council table for Nomis files). */
  private static String describe(SparkSession spark, Locations locations, List<PopulationSource> sources) {
    return sources.stream().map(s -> s.fileName() + " (" + s.layoutName()
        + (s.layout() == Layout.WIDE ? " " + s.wideYear() : "")
        + (s.layout() == Layout.LONG ? ", mid-" + s.counts().get(0).year() + " to mid-"
            + s.counts().get(s.counts().size() - 1).year() : "")
        + (s.layout() == Layout.NOMIS ? ", " + years(spark, locations) : "") + ")").toList().toString();
  }

  private static String years(SparkSession spark, Locations locations) {
    Row span = spark.read().parquet(locations.processed("population_council"))
        .agg(functions.min("year"), functions.max("year")).first();
    return span.isNullAt(0) ? "no complete council-year" : "councils for mid-" + span.get(0) + " to mid-" + span.get(1);
  }
}
