package lscb.analysis;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Membership gaps: boards with and without each agency, of the boards answering for it. */
public final class Membership {
  private Membership() {}

  /** Per survey year, geography and agency: boards with / without the agency, n, % with; Total = any answer. */
  public static Dataset<Row> of(Canonical in) {
    Dataset<Row> byGeo = Geo.nationalAndRegional(in.ofAcceptedReturns(in.members()));
    Dataset<Row> perAgency = byGeo.groupBy(Geo.keys("agency"))
        .agg(count_if(col("is_member")).as("boards_with_member"),
            count_if(not(col("is_member"))).as("boards_without_member"),
            count(lit(1)).as("boards_answering"))
        .withColumn("pct_with_member", Shares.percent(col("boards_with_member"), col("boards_answering")));
    Dataset<Row> total = byGeo.groupBy(Geo.keys())
        .agg(countDistinct("board_code").as("boards_answering"))
        .withColumn("agency", lit(Shares.TOTAL))
        .withColumn("boards_with_member", lit(null).cast("long"))
        .withColumn("boards_without_member", lit(null).cast("long"))
        .withColumn("pct_with_member", lit(null).cast("double"));
    return Geo.ees(perAgency.unionByName(total), Geo.CALENDAR_YEAR);
  }
}
