package lscb.analysis;

import static org.apache.spark.sql.functions.ceil;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import lscb.ingest.Codes;
import lscb.schema.Schemas;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/** Chairing trend: chair type and post shares per survey year, the 2006->2007 change, chairs of several boards. */
public final class ChairingTrend {

  private ChairingTrend() {}

  /** The questions (topic chairing, both survey years): chair type and chair post. */
  static List<Shares.Question> questions() {
    return List.of(new Shares.Question("chairing", "chair_type", col("chair_type"), false),
        new Shares.Question("chairing", "chair_post", col("chair_post"), false));
  }

  /** The answers that always get a row. */
  public static List<Row> domain() {
    List<Row> out = new ArrayList<>(Shares.domain("chairing", "chair_type", Codes.CHAIR_TYPES));
    out.addAll(Shares.domain("chairing", "chair_post", Codes.CHAIR_POSTS));
    return out;
  }

  /**
   * The 2006->2007 change of each chair type's share, with a Pearson chi-square test: 2x2 (years x this
   * type or not, the two-proportion test) per chair type, years x chair types for the Total row.
   * Collects the chair type counts (a handful of rows per region) to the driver.
   *
   * @param answerShares the answer_share table
   */
  public static Dataset<Row> change(Dataset<Row> answerShares) {
    List<Row> counts = answerShares.where(col("question").equalTo("chair_type")
            .and(col("chair_type").equalTo(Shares.TOTAL)).and(col("answer").notEqual(Shares.TOTAL)))
        .select("geographic_level", "region_code", "region_name", "answer", "time_period", "boards",
            "boards_answering")
        .collectAsList();
    Map<String, Map<String, Cell>> byGeo = new TreeMap<>();
    Map<String, Row> geoOf = new TreeMap<>();
    for (Row r : counts) {
      String geo = r.<String>getAs("geographic_level") + "|" + Objects.toString(r.getAs("region_code"), "");
      geoOf.put(geo, r);
      Cell cell = byGeo.computeIfAbsent(geo, g -> new TreeMap<>()).computeIfAbsent(r.getAs("answer"), a -> new Cell());
      if (r.<Integer>getAs("time_period") == 2006) {
        cell.boards06 = r.getAs("boards");
        cell.answering06 = r.getAs("boards_answering");
      } else {
        cell.boards07 = r.getAs("boards");
        cell.answering07 = r.getAs("boards_answering");
      }
    }
    List<Row> out = new ArrayList<>();
    byGeo.forEach((geo, types) -> {
      Row g = geoOf.get(geo);
      long n06 = 0;
      long n07 = 0;
      List<Cell> columns = new ArrayList<>();
      for (Map.Entry<String, Cell> e : types.entrySet()) {
        Cell c = e.getValue();
        n06 = Math.max(n06, c.answering06);
        n07 = Math.max(n07, c.answering07);
        long[][] table = {{c.boards06, c.answering06 - c.boards06}, {c.boards07, c.answering07 - c.boards07}};
        out.add(changeRow(g, e.getKey(), c.boards06, c.answering06, c.boards07, c.answering07, table));
        if (c.boards06 + c.boards07 > 0) {
          columns.add(c);
        }
      }
      long[][] all = new long[2][columns.size()];
      for (int i = 0; i < columns.size(); i++) {
        all[0][i] = columns.get(i).boards06;
        all[1][i] = columns.get(i).boards07;
      }
      out.add(changeRow(g, Shares.TOTAL, n06, n06, n07, n07, all));
    });
    return answerShares.sparkSession().createDataFrame(out, Schemas.of("chair_type_change"));
  }

  private static Row changeRow(Row geo, String type, long b06, long n06, long b07, long n07, long[][] table) {
    Double pct06 = n06 > 0 ? 100.0 * b06 / n06 : null;
    Double pct07 = n07 > 0 ? 100.0 * b07 / n07 : null;
    Double change = pct06 != null && pct07 != null ? pct07 - pct06 : null;
    Double chi = null;
    Integer df = null;
    Double p = null;
    if (testable(table)) {
      ChiSquareTest test = new ChiSquareTest();
      chi = test.chiSquare(table);
      df = (table.length - 1) * (table[0].length - 1);
      p = test.chiSquareTest(table);
    }
    return Schemas.row("chair_type_change").set("time_period", 2007).set("time_identifier", Geo.CALENDAR_YEAR)
        .set("geographic_level", geo.getAs("geographic_level")).set("country_code", Geo.ENGLAND_CODE)
        .set("country_name", Geo.ENGLAND_NAME).set("region_code", geo.getAs("region_code"))
        .set("region_name", geo.getAs("region_name")).set("chair_type", type)
        .set("boards_2006", b06).set("boards_answering_2006", n06).set("pct_2006", pct06)
        .set("boards_2007", b07).set("boards_answering_2007", n07).set("pct_2007", pct07)
        .set("change_pp", change).set("chi_square", chi).set("degrees_of_freedom", df).set("p_value", p).build();
  }

  /** One chair type's counts in one geography: boards with it and boards answering, per survey year. */
  private static final class Cell {
    long boards06;
    long answering06;
    long boards07;
    long answering07;
  }

  /** A contingency table is testable when it is at least 2x2 with no empty row or column. */
  static boolean testable(long[][] table) {
    if (table.length < 2 || table[0].length < 2) {
      return false;
    }
    long[] columnSums = new long[table[0].length];
    for (long[] row : table) {
      long rowSum = 0;
      for (int j = 0; j < row.length; j++) {
        rowSum += row[j];
        columnSums[j] += row[j];
      }
      if (rowSum == 0) {
        return false;
      }
    }
    for (long s : columnSums) {
      if (s == 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns by how many boards their chair chairs (2007), per chair type and Total, with the fewest
   * distinct chairs consistent with them: ceil(returns with k / k), summed for "2 or more" and Total.
   */
  public static Dataset<Row> severalBoards(Canonical in) {
    Dataset<Row> base = in.returnsByYear().where(col("survey_year").equalTo(2007)
        .and(col("chair_boards_chaired").geq(1)));
    Dataset<Row> byType = base.where(col("chair_type").isNotNull())
        .unionByName(base.withColumn("chair_type", lit(Shares.TOTAL)));
    Dataset<Row> byK = byType.groupBy(col("chair_type"), col("chair_boards_chaired").as("k"))
        .agg(count(lit(1)).as("returns"))
        .withColumn("fewest_distinct_chairs", ceil(col("returns").divide(col("k"))).cast("long"));
    Dataset<Row> several = byK.where(col("k").geq(2)).groupBy("chair_type")
        .agg(sum("returns").as("returns"), sum("fewest_distinct_chairs").as("fewest_distinct_chairs"))
        .withColumn("boards_chaired", lit("2 or more"));
    Dataset<Row> total = byK.groupBy("chair_type")
        .agg(sum("returns").as("returns"), sum("fewest_distinct_chairs").as("fewest_distinct_chairs"))
        .withColumn("boards_chaired", lit(Shares.TOTAL));
    Dataset<Row> rows = byK.withColumn("boards_chaired", col("k").cast("string")).drop("k")
        .unionByName(several).unionByName(total)
        .withColumn("time_period", lit(2007));
    return Geo.ees(Geo.national(rows), Geo.CALENDAR_YEAR);
  }
}
