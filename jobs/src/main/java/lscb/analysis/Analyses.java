package lscb.analysis;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
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

/** The analyses stage: reads the canonical tables once, computes every analysis, writes them as Parquet. */
public final class Analyses {
  /** The analysis tables, each declared in schemas/TABLE.schema.json and written to locations.analysis(TABLE). */
  public static final List<String> TABLES = List.of("answer_share", "chair_type_change", "chair_several_boards",
      "membership", "board_structure", "funding_contributor", "funding_region_test", "funding_board_share",
      "spend_per_child", "spend_summary", "spend_extremes");

  private Analyses() {}

  /** Runs the stage; returns the tables computed (already written). */
  public static Map<String, Dataset<Row>> run(SparkSession spark, Locations locations, Progress progress) {
    Dataset<Row> population = read(spark, locations, "population_board"); // a missing table stops it before any write
    return finish(spark, locations, start(spark, locations, progress), population);
  }

  /**
   * The analyses of the survey returns alone (every table but spend per child), written: they need only
   * the normalise stage's tables, so a pipeline runs them while its population stage is still running.
   */
  public static Started start(SparkSession spark, Locations locations, Progress progress) {
    Progress.Stage stage = progress.start("analyse");
    Canonical in = load(spark, locations);
    Map<String, Dataset<Row>> tables = surveyTables(in);
    write(spark, locations, tables);
    return new Started(stage, in, tables);
  }

  /** The survey analyses written by {@link #start}, with their inputs still cached for the rest. */
  public record Started(Progress.Stage stage, Canonical in, Map<String, Dataset<Row>> tables) {}

  /** The spend-per-child tables, from the population stage's board table, written; then the stage's line. */
  public static Map<String, Dataset<Row>> finish(SparkSession spark, Locations locations, Started started) {
    return finish(spark, locations, started, read(spark, locations, "population_board"));
  }

  private static Map<String, Dataset<Row>> finish(SparkSession spark, Locations locations, Started started,
      Dataset<Row> population) {
    Canonical in = started.in().withPopulation(population);
    Map<String, Dataset<Row>> spend = spendTables(in);
    write(spark, locations, spend);
    Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
    TABLES.forEach(table -> tables.put(table, started.tables().containsKey(table) ? started.tables().get(table)
        : spend.get(table)));
    List<Row> national = tables.get("board_structure").where(col("geographic_level").equalTo(Geo.NATIONAL))
        .select("time_period", "boards_responding").orderBy("time_period").collectAsList();
    StringBuilder counts = new StringBuilder(tables.size() + " tables to " + locations.analysis(""));
    national.forEach(r -> counts.append("; ").append(r.getInt(0)).append(": ").append(r.getLong(1))
        .append(" boards responding"));
    started.stage().done(counts.toString());
    in.unpersist();
    return tables;
  }

  private static void write(SparkSession spark, Locations locations, Map<String, Dataset<Row>> tables) {
    Concurrently.forEach(spark, List.copyOf(tables.keySet()), table -> table,
        table -> Outputs.parquet(tables.get(table), locations.analysis(table)));
  }

  /**
   * Reads the survey's canonical tables (explicit schemas) and caches them: every analysis reads them.
   * The population is added by {@link Canonical#withPopulation} for spend per child.
   */
  public static Canonical load(SparkSession spark, Locations locations) {
    Dataset<Row> returns = read(spark, locations, "board_return");
    return new Canonical(returns,
        read(spark, locations, "board_member"),
        read(spark, locations, "board_contribution"),
        read(spark, locations, "board_priority"),
        read(spark, locations, "board_highest_cost"),
        null,
        BoardRegister.load(spark, locations).councils().select("council_code", "dfe_la_number").coalesce(1)
            .cache());
  }

  /** Every analysis table but spend per child, conformed to its declared schema (in TABLES order). */
  public static Map<String, Dataset<Row>> surveyTables(Canonical in) {
    Map<String, Dataset<Row>> out = new LinkedHashMap<>();
    List<Row> domain = new ArrayList<>(ChairingTrend.domain());
    domain.addAll(Priorities.domain());
    domain.addAll(HighestCosts.domain());
    domain.addAll(Influence.domain());
    domain.addAll(Reviews.domain());
    List<Shares.Question> questions = new ArrayList<>(ChairingTrend.questions());
    questions.addAll(Influence.questions());
    questions.addAll(Reviews.questions());
    Dataset<Row> answers = Shares.single(in.returnsByYear(), questions)
        .where(col("time_period").equalTo(2007).or(col("topic").equalTo("chairing")))
        .unionByName(Priorities.answers(in)).unionByName(HighestCosts.answers(in));
    Dataset<Row> boardShares = FundingByContributor.boardShares(in).cache();
    // The two analyses that finish in the driver (their small counts and shares collected) run side by side.
    Map<String, Supplier<Dataset<Row>>> collected = new LinkedHashMap<>();
    collected.put("answer_share", () -> Shares.of(answers, domain));
    collected.put("funding_region_test", () -> RegionalFundingVariance.betweenRegions(boardShares));
    Map<String, Dataset<Row>> done = Concurrently.run(in.returns().sparkSession(), collected);
    Dataset<Row> shares = done.get("answer_share");
    out.put("answer_share", shares);
    out.put("chair_type_change", ChairingTrend.change(shares));
    out.put("chair_several_boards", ChairingTrend.severalBoards(in));
    out.put("membership", Membership.of(in));
    out.put("board_structure", BoardStructure.of(in).cache());
    out.put("funding_contributor", FundingByContributor.byContributor(boardShares));
    out.put("funding_region_test", done.get("funding_region_test"));
    out.put("funding_board_share", FundingByContributor.boardShareTable(boardShares, in));
    out.replaceAll((table, rows) -> Schemas.conform(rows, table));
    return out;
  }

  /** The spend-per-child tables (spend_per_child, spend_summary, spend_extremes), conformed; needs the population. */
  public static Map<String, Dataset<Row>> spendTables(Canonical in) {
    Map<String, Dataset<Row>> out = new LinkedHashMap<>();
    Dataset<Row> spend = SpendPerChild.spendRows(in).cache();
    out.put("spend_per_child", SpendPerChild.perBoard(spend, in));
    out.put("spend_summary", SpendPerChild.summary(spend, in));
    out.put("spend_extremes", SpendPerChild.extremes(spend, in));
    out.replaceAll((table, rows) -> Schemas.conform(rows, table));
    return out;
  }

  private static Dataset<Row> read(SparkSession spark, Locations locations, String table) {
    String stage = table.startsWith("population_") ? "population" : "normalise";
    // The canonical tables hold at most one return per board and year (about 150 boards): one cached
    // partition each keeps the many small aggregations below to a few tasks.
    return Inputs.table(spark, locations.processed(table), table, stage).coalesce(1).cache();
  }
}
