package lscb.analysis;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.median;
import static org.apache.spark.sql.functions.min;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Responding boards, meetings, contributing organisations and executive groups per survey year. */
public final class BoardStructure {
  private BoardStructure() {}

  /** One row per survey year and geography; each statistic over the boards answering its question. */
  public static Dataset<Row> of(Canonical in) {
    Dataset<Row> rows = Geo.nationalAndRegional(in.returnsByYear()).groupBy(Geo.keys())
        .agg(count(lit(1)).as("boards_responding"),
            count("meetings_per_year").as("boards_answering_meetings"),
            count_if(col("meetings_per_year").lt(4)).as("boards_meeting_less_than_quarterly"),
            min("meetings_per_year").as("min_meetings"),
            median(col("meetings_per_year")).cast("double").as("median_meetings"),
            max("meetings_per_year").as("max_meetings"),
            count("contributing_organisations").as("boards_answering_organisations"),
            median(col("contributing_organisations")).cast("double").as("median_organisations"),
            max("contributing_organisations").as("max_organisations"),
            count("executive_group").as("boards_answering_executive_group"),
            count_if(col("executive_group")).as("boards_with_executive_group"))
        .withColumn("pct_executive_group",
            Shares.percent(col("boards_with_executive_group"), col("boards_answering_executive_group")));
    return Geo.ees(rows, Geo.CALENDAR_YEAR);
  }
}
