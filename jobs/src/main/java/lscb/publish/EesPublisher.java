package lscb.publish;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import lscb.analysis.Geo;
import lscb.analysis.Shares;
import lscb.io.Concurrently;
import lscb.io.DataStatus;
import lscb.io.Inputs;
import lscb.io.Locations;
import lscb.io.Outputs;
import lscb.io.Progress;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

/** Publishes the analysis tables as EES open-data CSV files, each with its .meta.csv. */
public final class EesPublisher {
  /** The EES metadata file's columns, in order. */
  public static final List<String> META_COLUMNS = List.of("col_name", "col_type", "label",
      "indicator_grouping", "indicator_unit", "indicator_dp", "filter_hint", "filter_grouping_column");

  private EesPublisher() {}

  /** Writes every file of {@link EesFiles#all()} under locations.ees(); returns their names. */
  public static List<String> run(SparkSession spark, Locations locations, Progress progress) {
    return run(spark, locations, progress, () -> PopulationUsed.realDescription(spark, locations));
  }

  /**
   * As {@link #run(SparkSession, Locations, Progress)}; {@code realPopulation} gives the real population's
   * description, or null for the synthetic one (footnotes are written only for a real population).
   */
  public static List<String> run(SparkSession spark, Locations locations, Progress progress,
      Supplier<String> realPopulation) {
    Progress.Stage stage = progress.start("publish");
    String status = DataStatus.of(spark).summary();
    Map<String, Dataset<Row>> tables = new HashMap<>();
    Dataset<Row> councils = EesLocalAuthorities.load(spark, locations).cache();
    List<String> written = new ArrayList<>();
    for (EesFile file : EesFiles.all()) {
      tables.computeIfAbsent(file.table(), t -> read(spark, locations, t));
      written.add(file.name() + ".csv");
    }
    Concurrently.forEach(spark, EesFiles.all(), EesFile::name, file -> {
      Outputs.csvAsIs(data(tables.get(file.table()), file, councils, status), locations.ees(file.name() + ".csv"),
          order(file));
      Outputs.smallCsv(spark, locations.ees(file.name() + ".meta.csv"), META_COLUMNS, metaRows(file));
    });
    String population = realPopulation.get();
    List<List<String>> footnotes = population != null && tables.containsKey("spend_per_child")
        ? EesFootnotes.of(spark, locations, tables.get("spend_per_child"), population) : List.of();
    if (!footnotes.isEmpty()) {
      Outputs.smallCsvWithStatus(spark, locations.ees("footnotes.csv"), EesFootnotes.COLUMNS, footnotes);
    }
    tables.values().forEach(Dataset::unpersist);
    councils.unpersist();
    stage.done(written.size() + " EES files (+ .meta.csv) to " + locations.ees("")
        + (footnotes.isEmpty() ? "" : "; " + footnotes.size() + " footnotes in footnotes.csv"));
    return written;
  }

  /**
   * The file's rows of the analysis table as EES text: rounded to each column's dp, nulls as symbols;
   * Local authority rows once per council ({@link EesLocalAuthorities}), columns under DfE's names; the
   * run's data status in plain words in every row.
   */
  public static Dataset<Row> data(Dataset<Row> table, EesFile file, Dataset<Row> councils, String dataStatus) {
    Dataset<Row> rows = file.rows() == null ? table : table.where(expr(file.rows()));
    if (file.levels() == EesFile.Levels.LOCAL_AUTHORITY) {
      rows = EesLocalAuthorities.perCouncilRows(rows, councils);
    }
    for (Map.Entry<String, String> rename : EesFiles.DFE_NAMES.entrySet()) {
      rows = rows.withColumnRenamed(rename.getKey(), rename.getValue());
    }
    List<Column> columns = new ArrayList<>();
    for (String name : file.dataColumns()) {
      if (name.equals(EesFile.DATA_STATUS)) {
        columns.add(lit(dataStatus).as(name));
        continue;
      }
      EesColumn spec = file.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
      DataType type = rows.schema().apply(name).dataType();
      Column value = col(name);
      if (spec != null && !spec.isFilter()) {
        if (type.equals(DataTypes.DoubleType) || type instanceof DecimalType) {
          value = round(value, spec.dp()).cast(DataTypes.createDecimalType(38, spec.dp()));
        }
        value = coalesce(value.cast("string"), lit(spec.missing()));
      }
      columns.add(value.cast("string").as(name));
    }
    return rows.select(columns.toArray(new Column[0]));
  }

  /** The file's .meta.csv rows ({@link #META_COLUMNS}): one per filter and indicator, in file order. */
  public static List<List<String>> metaRows(EesFile file) {
    List<List<String>> rows = new ArrayList<>();
    for (EesColumn c : file.columns()) {
      rows.add(Arrays.asList(c.name(), c.colType(), c.label(), null, blankToNull(c.unit()),
          c.dp() == null ? null : c.dp().toString(), c.filterHint(), c.filterGroupingColumn()));
    }
    return rows;
  }

  /** A total order of a file's rows: National, Regional, Local authority; then time, place, filters (Total last). */
  static Column[] order(EesFile file) {
    List<Column> order = new ArrayList<>();
    order.add(when(col("geographic_level").equalTo(Geo.NATIONAL), 0)
        .when(col("geographic_level").equalTo(Geo.REGIONAL), 1).otherwise(2));
    order.add(col("time_period"));
    for (String name : file.dataColumns()) {
      boolean isFilter = file.columns().stream().anyMatch(c -> c.name().equals(name) && c.isFilter());
      boolean isGrouping = file.columns().stream().anyMatch(c -> name.equals(c.filterGroupingColumn()));
      if (name.equals("region_code") || name.equals("new_la_code")) {
        order.add(col(name));
      } else if (isFilter || isGrouping) {
        order.add(col(name).equalTo(Shares.TOTAL));
        order.add(col(name));
      }
    }
    return order.toArray(new Column[0]);
  }

  private static Dataset<Row> read(SparkSession spark, Locations locations, String table) {
    return Inputs.table(spark, locations.analysis(table), table, "analyse").cache();
  }

  private static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
