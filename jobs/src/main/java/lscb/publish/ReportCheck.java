package lscb.publish;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import lscb.io.Locations;
import lscb.io.Outputs;
import lscb.io.Progress;
import lscb.io.UserError;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Report conformance: each published figure (data/published/figures.csv) against the pipeline's outputs. */
public final class ReportCheck {
  /** figures.csv, read with this explicit schema. */
  public static final StructType FIGURES = new StructType()
      .add("id", DataTypes.StringType).add("part", DataTypes.StringType)
      .add("figure", DataTypes.StringType).add("published", DataTypes.StringType)
      .add("where", DataTypes.StringType).add("rule", DataTypes.StringType)
      .add("value", DataTypes.DoubleType).add("value_high", DataTypes.DoubleType);
  /** conformance.csv's columns. */
  public static final StructType CONFORMANCE = new StructType()
      .add("id", DataTypes.StringType).add("part", DataTypes.StringType)
      .add("figure", DataTypes.StringType).add("published", DataTypes.StringType)
      .add("rule", DataTypes.StringType).add("value", DataTypes.DoubleType)
      .add("value_high", DataTypes.DoubleType).add("reproduced_value", DataTypes.DoubleType)
      .add("reproduced", DataTypes.StringType).add("ok", DataTypes.BooleanType)
      .add("note", DataTypes.StringType);
  /** The figure parts computed by dividing by the population: F1-F4 per child. */
  static final Set<String> PER_CHILD = Set.of("F1/per_child", "F2/per_child", "F3/per_child", "F4/per_child");

  private ReportCheck() {}

  /**
   * The check's verdict: every figure reproduced; and, when not, whether every miss is explained by a
   * population other than the one the report divided by (those are listed, never counted as reproduced).
   */
  public record Verdict(boolean allReproduced, boolean conforms, List<String> explained) {}

  /** One checked figure part; note says why a figure is not reproduced when the reason is known. */
  public record Result(String id, String part, String figure, String published, String rule, Double value,
      Double valueHigh, Double reproduced, boolean ok, String note) {

    /** A checked part without a note. */
    public Result(String id, String part, String figure, String published, String rule, Double value,
        Double valueHigh, Double reproduced, boolean ok) {
      this(id, part, figure, published, rule, value, valueHigh, reproduced, ok, null);
    }

    /** True when it is not reproduced for a stated reason outside the pipeline (see {@link #note()}). */
    public boolean explained() {
      return !ok && note != null;
    }

    /** The reproduced value as a person reads it (percentages with 2 decimals, pounds, counts). */
    public String shown() {
      if (reproduced == null) {
        return "missing";
      }
      return switch (rule) {
        case "pounds" -> String.format(Locale.UK, "£%,.0f", reproduced);
        case "pence" -> String.format(Locale.UK, "£%.4f", reproduced);
        case "pct0", "pct1", "range_pct" -> String.format(Locale.ROOT, "%.2f%%", reproduced);
        default -> published.contains("%") ? String.format(Locale.ROOT, "%.2f%%", reproduced)
            : String.format(Locale.ROOT, "%.0f", reproduced);
      };
    }
  }

  /**
   * Reads figures.csv and the analysis outputs, prints {@code id | figure | published | reproduced | ok},
   * writes conformance.csv, and returns whether every figure was reproduced.
   */
  public static boolean run(SparkSession spark, Locations locations, Progress progress) {
    return verdict(spark, locations, progress).conforms();
  }

  /**
   * As {@link #run}, returning the whole verdict. On a real population (not the synthetic stand-in the
   * returns were calibrated with), a per-child figure that differs is noted with the reason and does
   * not count against {@link Verdict#conforms()}; it is still not reproduced.
   */
  public static Verdict verdict(SparkSession spark, Locations locations, Progress progress) {
    return verdict(spark, locations, progress, () -> PopulationUsed.realDescription(spark, locations));
  }

  /** As {@link #verdict(SparkSession, Locations, Progress)}, told the real population's description (null: synthetic). */
  public static Verdict verdict(SparkSession spark, Locations locations, Progress progress,
      Supplier<String> realPopulation) {
    Progress.Stage stage = progress.start("report-check");
    String path = locations.published("figures.csv");
    requireFile(spark, path);
    List<Row> figures = spark.read().schema(FIGURES).option("header", "true").option("mode", "FAILFAST")
        .csv(path).collectAsList();
    String population = realPopulation.get();
    List<Result> results = noted(check(figures, FigureSources.read(spark, locations)), population);
    List<Row> rows = new ArrayList<>();
    for (Result r : results) {
      rows.add(RowFactory.create(r.id(), r.part(), r.figure(), r.published(), r.rule(), r.value(),
          r.valueHigh(), r.reproduced(), r.shown(), r.ok(), r.note()));
    }
    Outputs.csv(spark.createDataFrame(rows, CONFORMANCE).coalesce(1), locations.output("conformance.csv"));
    System.out.print(table(results));
    Set<String> ids = new LinkedHashSet<>();
    Set<String> failed = new LinkedHashSet<>();
    results.forEach(r -> {
      ids.add(r.id());
      if (!r.ok()) {
        failed.add(r.id());
      }
    });
    long rowsOk = results.stream().filter(Result::ok).count();
    List<String> explained = results.stream().filter(Result::explained).map(r -> r.id() + " " + r.part())
        .toList();
    boolean onlyExplained = results.stream().allMatch(r -> r.ok() || r.explained());
    stage.done(String.format(Locale.ROOT, "%d of %d figures reproduced (%d of %d rows)%s%s; %s",
        ids.size() - failed.size(), ids.size(), rowsOk, results.size(),
        failed.isEmpty() ? "" : "; not reproduced: " + String.join(", ", failed),
        explained.isEmpty() ? "" : " (" + String.join(", ", explained) + " divide by " + population
            + ", not the 2007 estimates the report used: expected to differ, see the note column)",
        locations.output("conformance.csv")));
    boolean any = !results.isEmpty();
    return new Verdict(any && failed.isEmpty(), any && onlyExplained, explained);
  }

  /**
   * Notes the per-child figures that differ when the population is {@code population} (a real
   * series; null for the synthetic stand-in or unknown, when nothing is noted).
   */
  static List<Result> noted(List<Result> results, String population) {
    if (population == null) {
      return results;
    }
    return results.stream().map(r -> r.ok() || !PER_CHILD.contains(r.id() + "/" + r.part()) ? r
        : new Result(r.id(), r.part(), r.figure(), r.published(), r.rule(), r.value(), r.valueHigh(),
            r.reproduced(), false, "not reproduced on " + population + ": " + r.shown() + " against the report's "
                + r.published() + ". The report divided by the mid-2006 and mid-2007 estimates published in"
                + " 2007-08; today's series was revised after the 2011 Census, so the per-child figure differs"
                + " (the spend is reproduced)")).toList();
  }

  /** Checks each figures.csv row against the pipeline's value. */
  public static List<Result> check(List<Row> figures, FigureSources sources) {
    List<Result> out = new ArrayList<>();
    for (Row f : figures) {
      String id = f.getString(0);
      String part = f.getString(1);
      Double value = f.isNullAt(6) ? null : f.getDouble(6);
      Double high = f.isNullAt(7) ? null : f.getDouble(7);
      Double reproduced = sources.value(id, part);
      out.add(new Result(id, part, f.getString(2), f.getString(3), f.getString(5), value, high, reproduced,
          passes(f.getString(5), value, high, reproduced)));
    }
    return out;
  }

  /** Whether a reproduced value meets a figure's rule (data/published/README.md). */
  public static boolean passes(String rule, Double value, Double high, Double reproduced) {
    if (reproduced == null || value == null || reproduced.isNaN()) {
      return false;
    }
    return switch (rule) {
      case "count" -> reproduced.doubleValue() == value.doubleValue();
      case "pct0", "pounds" -> rounded(reproduced, 0) == rounded(value, 0);
      case "pct1" -> rounded(reproduced, 1) == rounded(value, 1);
      case "pence" -> rounded(reproduced, 2) == rounded(value, 2);
      case "at_least" -> reproduced >= value;
      case "more_than" -> reproduced > value;
      case "less_than" -> reproduced < value;
      case "range_pct" -> high != null && value <= reproduced && reproduced < high;
      default -> false;
    };
  }

  /** Half-up rounding of the decimal value as written (so 62.5 -> 63), scaled to an integer. */
  private static long rounded(double x, int dp) {
    return BigDecimal.valueOf(x).setScale(dp, RoundingMode.HALF_UP).movePointRight(dp).longValueExact();
  }

  /** The printed table: id | figure | published | reproduced | ok. */
  public static String table(List<Result> results) {
    StringBuilder out = new StringBuilder("id | figure | published | reproduced | ok\n");
    for (Result r : results) {
      out.append(r.id()).append(" | ").append(r.figure()).append(" [").append(r.part()).append(']').append(" | ").append(r.published())
          .append(" | ").append(r.shown()).append(" | ").append(r.ok()).append('\n');
    }
    return out.toString();
  }

  private static void requireFile(SparkSession spark, String path) {
    try {
      Path file = new Path(path);
      if (!file.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(file)) {
        throw new UserError(path + ": the published figures file is missing; pass --published");
      }
    } catch (IOException e) {
      throw new UserError(path + ": cannot be read (" + e.getMessage() + ")");
    }
  }
}
