package lscb.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lscb.io.Concurrently;
import lscb.io.Inputs;
import lscb.io.Locations;
import lscb.io.Outputs;
import lscb.io.Progress;
import lscb.reference.BoardRegister;
import lscb.schema.Schemas;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/** The normalise stage: both surveys' raw returns in, canonical Parquet, rejects and reconciliation out. */
public final class Normalise {
  private Normalise() {}

  /** Reads data/raw/returns/{2006,2007}, writes the canonical tables and returns the reconciliation. */
  public static Reconciliation run(SparkSession spark, Locations locations, Progress progress) {
    Progress.Stage stage = progress.start("normalise");
    List<String> files2006 = Inputs.files(spark, locations.raw("returns/2006"), ".csv", "2006 survey returns (CSV)");
    List<String> files2007 = Inputs.files(spark, locations.raw("returns/2007"), ".jsonl",
        "2007 survey returns (JSON Lines)");
    BoardRegister register = BoardRegister.load(spark, locations);

    Dataset<Row> raw2006 = RawRecords.read(spark, files2006, 2006, RawRecords.Layout.CSV_WINDOWS_1252,
        Returns2006Reader.HEADER);
    Dataset<Row> raw2007 = RawRecords.read(spark, files2007, 2007, RawRecords.Layout.JSONL_UTF8, null);
    Dataset<Row> raw = raw2006.unionByName(raw2007).persist(StorageLevel.MEMORY_ONLY());
    Dataset<Row> records = Returns2006Reader.read(raw.filter(col("survey_year").equalTo(2006)))
        .unionByName(Returns2007Reader.read(raw.filter(col("survey_year").equalTo(2007))), true);
    Dataset<Row> assessed = Acceptance.assess(records, register.nameKeys()).localCheckpoint(true, StorageLevel.MEMORY_AND_DISK());

    Dataset<Row> boards = register.boards();
    Dataset<Row> accepted = assessed.filter(col("status").equalTo(Acceptance.ACCEPTED));
    Dataset<Row> rejects = CanonicalTables.rejects(assessed);
    Map<String, Runnable> writes = new LinkedHashMap<>();
    writes.put("board", () -> Outputs.parquet(boards, locations.processed("board")));
    writes.put("board_return", () -> Outputs.parquet(CanonicalTables.boardReturns(accepted, boards),
        locations.processed("board_return")));
    writes.put("board_member", () -> Outputs.parquet(CanonicalTables.members(accepted),
        locations.processed("board_member")));
    writes.put("board_contribution", () -> Outputs.parquet(CanonicalTables.contributions(accepted),
        locations.processed("board_contribution")));
    writes.put("board_priority", () -> Outputs.parquet(CanonicalTables.priorities(accepted),
        locations.processed("board_priority")));
    writes.put("board_highest_cost", () -> Outputs.parquet(CanonicalTables.highestCosts(accepted),
        locations.processed("board_highest_cost")));
    writes.put("board_subgroup", () -> Outputs.parquet(CanonicalTables.subgroups(accepted),
        locations.processed("board_subgroup")));
    writes.put("superseded_return", () -> Outputs.parquet(CanonicalTables.superseded(assessed),
        locations.processed("superseded_return")));
    writes.put("rejects", () -> {
      Outputs.parquet(rejects, locations.rejects("returns"));
      Outputs.csv(rejects, locations.rejects("returns.csv"), col("survey_year"), col("source_file"),
          col("source_line"), col("field"));
    });
    Concurrently.runAll(spark, writes);

    Reconciliation reconciliation = reconcile(spark, raw, assessed, files2006, files2007);
    Dataset<Row> table = Schemas.conform(spark.createDataFrame(reconciliation.rows(),
        Schemas.of("reconciliation")), "reconciliation");
    Outputs.parquet(table, locations.processed("reconciliation"));
    Outputs.csv(table, locations.output("reconciliation.csv"), col("survey_year"), col("source_file"));
    raw.unpersist();
    assessed.unpersist();
    stage.done(reconciliation.summary());
    return reconciliation;
  }

  /** Counts per file, read from the raw records and from the decisions separately, then checked. */
  private static Reconciliation reconcile(SparkSession spark, Dataset<Row> raw, Dataset<Row> assessed,
      List<String> files2006, List<String> files2007) {
    List<Row> read = raw.groupBy("survey_year", "source_file")
        .agg(count(lit(1)).as("read"), first("file_problem", true).as("file_problem")).collectAsList();
    List<Row> decided = assessed.groupBy("survey_year", "source_file").agg(
        sum(when(col("status").equalTo(Acceptance.ACCEPTED), 1).otherwise(0)).as("accepted"),
        sum(when(col("status").equalTo(Acceptance.SUPERSEDED), 1).otherwise(0)).as("superseded"),
        sum(when(col("status").equalTo(Acceptance.REJECTED), 1).otherwise(0)).as("rejected")).collectAsList();
    List<Reconciliation.FileCount> counts = new ArrayList<>();
    addFiles(counts, 2006, files2006, read, decided);
    addFiles(counts, 2007, files2007, read, decided);
    Reconciliation reconciliation = new Reconciliation(counts);
    reconciliation.requireBalanced();
    return reconciliation;
  }

  private static void addFiles(List<Reconciliation.FileCount> counts, int year, List<String> files,
      List<Row> read, List<Row> decided) {
    for (String path : files) {
      String name = path.substring(path.lastIndexOf('/') + 1);
      Row r = find(read, year, name);
      Row d = find(decided, year, name);
      counts.add(new Reconciliation.FileCount(year, name, counted(r, "read"), counted(d, "accepted"),
          counted(d, "superseded"), counted(d, "rejected"), r == null ? null : r.getAs("file_problem")));
    }
  }

  private static long counted(Row row, String column) {
    return row == null ? 0 : ((Number) row.getAs(column)).longValue();
  }

  private static Row find(List<Row> rows, int year, String file) {
    return rows.stream().filter(r -> r.<Integer>getAs("survey_year") == year && file.equals(r.getAs("source_file")))
        .findFirst().orElse(null);
  }
}
