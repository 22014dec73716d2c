package lscb.analysis;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** EES geography and time columns: national and regional copies of board rows, and board (LA) codes. */
public final class Geo {
  public static final String NATIONAL = "National";
  public static final String REGIONAL = "Regional";
  public static final String LOCAL_AUTHORITY = "Local authority";
  public static final String ENGLAND_CODE = "E92000001";
  public static final String ENGLAND_NAME = "England";
  public static final String CALENDAR_YEAR = "Calendar year";
  public static final String FINANCIAL_YEAR = "Financial year";
  /** The join key of a geography: the region code, or "National". */
  static final String GEO_KEY = "geo_key";

  private Geo() {}

  /**
   * Each board row twice: once at National level (no region) and once at Regional level, with a
   * non-null {@link #GEO_KEY} so that national and regional aggregates can be joined.
   */
  static Dataset<Row> nationalAndRegional(Dataset<Row> rows) {
    Dataset<Row> national = rows.withColumn("geographic_level", lit(NATIONAL))
        .withColumn("region_code", lit(null).cast("string"))
        .withColumn("region_name", lit(null).cast("string"));
    Dataset<Row> regional = rows.withColumn("geographic_level", lit(REGIONAL));
    return national.unionByName(regional)
        .withColumn(GEO_KEY, coalesce(col("region_code"), lit(NATIONAL)));
  }

  /** The grouping columns of a national/regional aggregate. */
  static Column[] keys(String... more) {
    Column[] base = {col("time_period"), col("geographic_level"), col("region_code"), col("region_name"),
        col(GEO_KEY)};
    Column[] all = java.util.Arrays.copyOf(base, base.length + more.length);
    for (int i = 0; i < more.length; i++) {
      all[base.length + i] = col(more[i]);
    }
    return all;
  }

  /** Adds the EES time identifier and country columns and drops the join key. */
  static Dataset<Row> ees(Dataset<Row> rows, String timeIdentifier) {
    Dataset<Row> withCountry = rows.withColumn("time_identifier", lit(timeIdentifier))
        .withColumn("country_code", lit(ENGLAND_CODE)).withColumn("country_name", lit(ENGLAND_NAME));
    return java.util.Arrays.asList(rows.columns()).contains(GEO_KEY) ? withCountry.drop(GEO_KEY) : withCountry;
  }

  /** National-only rows: level National, no region. */
  static Dataset<Row> national(Dataset<Row> rows) {
    return rows.withColumn("geographic_level", lit(NATIONAL))
        .withColumn("region_code", lit(null).cast("string"))
        .withColumn("region_name", lit(null).cast("string"));
  }

  /**
   * Board (Local authority level) codes as DfE writes combined authorities: the board's councils'
   * codes and DfE numbers joined with " / " in register order, la_name the board name.
   *
   * @param boards rows with board_code, board_name, council_codes (array)
   * @param councils rows with council_code, dfe_la_number
   */
  static Dataset<Row> boardCodes(Dataset<Row> boards, Dataset<Row> councils) {
    Dataset<Row> perCouncil = boards.select(col("board_code"), col("board_name"),
            posexplode(col("council_codes")).as(new String[] {"pos", "council_code"}))
        .join(councils.select(col("council_code"), col("dfe_la_number")), "council_code")
        .dropDuplicates("board_code", "pos");
    return perCouncil.groupBy("board_code")
        .agg(first("board_name").as("la_name"),
            sort_array(collect_list(struct(col("pos"), col("council_code"), col("dfe_la_number")))).as("c"))
        .select(col("board_code"), col("la_name"),
            expr("array_join(transform(c, x -> x.council_code), ' / ')").as("new_la_code"),
            expr("array_join(transform(c, x -> x.dfe_la_number), ' / ')").as("old_la_code"));
  }

  /** Board rows at Local authority level: their region and DfE codes joined from {@code codes}. */
  static Dataset<Row> localAuthority(Dataset<Row> rows, Dataset<Row> codes) {
    return rows.join(codes, new String[] {"board_code"}, "left")
        .withColumn("geographic_level", lit(LOCAL_AUTHORITY));
  }
}
