package lscb.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lscb.ingest.Normalise;
import lscb.io.Locations;
import lscb.io.Progress;
import lscb.population.PopulationJob;
import lscb.testing.SparkTestBase;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real normaliser (and population stage) on freshly generated returns, then computes every
 * figure of figures.csv with independent Spark SQL over the canonical Parquet, per the definitions in
 * data/published/README.md, and checks each figure's rule.
 */
@Tag("slow") // left out by ./lscb test --fast
class ReconstructionCalibrationTest extends SparkTestBase {
  static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  @TempDir
  static Path dir;
  static Locations locations;
  static Reconstruction.Summary written;

  @BeforeAll
  static void normalise() {
    locations = new Locations(dir.resolve("raw").toString(), REPO.resolve("data/reference").toString(),
        REPO.resolve("data/published").toString(), dir.resolve("out").toString());
    Progress quiet = new Progress(System.out);
    written = Reconstruction.run(Reconstruction.DEFAULT_SEED, locations.raw(), locations.reference(), locations.published(), quiet);
    Normalise.run(spark, locations, quiet);
    PopulationJob.run(spark, locations, quiet, REPO.resolve("data/raw/population").toString(), null);
    for (String t : List.of("board_return", "board_member", "board_contribution", "board_priority",
        "superseded_return", "population_board")) {
      spark.read().parquet(locations.processed(t)).createOrReplaceTempView(t);
    }
    spark.read().parquet(locations.rejects("returns")).createOrReplaceTempView("reject");
  }

  @Test
  void everyRecordIsAccountedForAndOnlyTheDeliberateOnesAreRejected() {
    assertEquals(109L, one("select count(*) from board_return where survey_year = 2006"), "2006 accepted");
    assertEquals(118L, one("select count(*) from board_return where survey_year = 2007"), "2007 accepted");
    assertEquals(0L, one("select count(*) from board_return where survey_year = 2007 and board_code not in "
        + "('" + String.join("','", appendix1()) + "')"), "2007 returns are exactly the Appendix 1 boards");
    assertEquals(2L, one("select count(*) from superseded_return"), "two 2007 resubmissions superseded");
    List<String> rejected = sql("select distinct concat(regexp_extract(source_file, '([^/]+)$', 1), ':', "
        + "source_line) from reject order by 1").stream().map(r -> r.getString(0)).toList();
    assertEquals(8, written.deliberatelyRejected().size(), "4 bad 2006 rows and 4 bad 2007 lines were written");
    assertEquals(written.deliberatelyRejected(), rejected,
        "exactly the deliberately bad records are rejected (file:line), no good one");
  }

  @Test
  void everyPublishedFigureIsReproducedFromTheCanonicalTables() {
    StructType schema = new StructType().add("id", DataTypes.StringType).add("part", DataTypes.StringType)
        .add("figure", DataTypes.StringType).add("published", DataTypes.StringType)
        .add("where", DataTypes.StringType).add("rule", DataTypes.StringType)
        .add("value", DataTypes.StringType).add("value_high", DataTypes.StringType);
    List<Row> rows = spark.read().schema(schema).option("header", "true").option("mode", "FAILFAST")
        .csv(locations.published("figures.csv")).collectAsList();
    Map<String, String> queries = Figures.queries();
    List<String> failures = new ArrayList<>();
    Map<String, Double> computed = new LinkedHashMap<>();
    for (Row f : rows) {
      String key = f.getString(0) + "|" + f.getString(1);
      String query = queries.get(key);
      assertNotNull(query, "no query for figure " + key);
      Double got = value(query);
      computed.put(key, got);
      if (got == null || !holds(f.getString(5), new BigDecimal(f.getString(6)),
          f.isNullAt(7) ? null : new BigDecimal(f.getString(7)), BigDecimal.valueOf(got))) {
        failures.add(key + " published " + f.getString(3) + " (" + f.getString(5) + " " + f.getString(6)
            + ") but computed " + got);
      }
    }
    assertTrue(failures.isEmpty(), "figures not reproduced: " + failures + "\nall: " + computed);
    assertEquals(84, rows.size(), "every one of figures.csv's 84 rows (42 figures) was checked");
  }

  /** The figure rules of data/published/README.md, written out again here. */
  static boolean holds(String rule, BigDecimal value, BigDecimal high, BigDecimal got) {
    return switch (rule) {
      case "count" -> got.compareTo(value) == 0;
      case "pct0", "pounds" -> got.setScale(0, RoundingMode.HALF_UP).compareTo(value) == 0;
      case "pct1" -> got.setScale(1, RoundingMode.HALF_UP).compareTo(value) == 0;
      case "pence" -> got.setScale(2, RoundingMode.HALF_UP).compareTo(value) == 0;
      case "at_least" -> got.compareTo(value) >= 0;
      case "more_than" -> got.compareTo(value) > 0;
      case "less_than" -> got.compareTo(value) < 0;
      case "range_pct" -> got.compareTo(value) >= 0 && got.compareTo(high) < 0;
      default -> throw new IllegalArgumentException("unknown rule " + rule);
    };
  }

  private static List<String> appendix1() {
    return sql("select board_code from parquet.`%s` where responded_2007", locations.processed("board"))
        .stream().map(r -> r.getString(0)).toList();
  }

  private static long one(String query) {
    return ((Number) sql(query).get(0).get(0)).longValue();
  }

  private static Double value(String query) {
    List<Row> out = sql(query);
    return out.isEmpty() || out.get(0).isNullAt(0) ? null : ((Number) out.get(0).get(0)).doubleValue();
  }
}
