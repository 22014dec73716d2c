package lscb.ingest;

import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.exists;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.when;

import lscb.quality.Problems;
import lscb.reference.NameKey;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Decides each record's fate: ACCEPTED (the board's return for that survey), SUPERSEDED (a valid
 * 2007 return replaced by a later submission from the same board) or REJECTED (with its problems).
 */
public final class Acceptance {
  public static final String ACCEPTED = "ACCEPTED";
  public static final String SUPERSEDED = "SUPERSEDED";
  public static final String REJECTED = "REJECTED";

  private Acceptance() {}

  /** Resolves boards, finds duplicate references and resubmissions, and adds `status` and `superseded_by`. */
  public static Dataset<Row> assess(Dataset<Row> records, Dataset<Row> nameKeys) {
    Dataset<Row> resolved = records
        .join(broadcast(nameKeys), NameKey.of(records.col("name_as_written")).equalTo(nameKeys.col("name_key")),
            "left")
        .drop("name_key");
    Column structural = exists(col("problems"), p -> p.getField("field").isin("(file)", "(row)", "(line)"));
    Column unresolved = col("name_as_written").isNotNull().and(col("board_code").isNull())
        .and(structural.unary_$bang());
    Dataset<Row> named = resolved.withColumn("problems", Problems.append(col("problems"), unresolved,
        when(col("survey_year").equalTo(2006), lit("LSCB Name")).otherwise(lit("lscb")),
        col("name_as_written"), lit("matches no board in the register; correct the name, or add it to "
            + "data/reference/board_aliases.csv if it is another name of a board")));

    WindowSpec byRef = Window.partitionBy("survey_year", "return_ref").orderBy("source_file", "source_line");
    Column firstFile = first("source_file").over(byRef);
    Column firstLine = first("source_line").over(byRef);
    Column duplicate = col("return_ref").isNotNull().and(row_number().over(byRef).gt(1));
    Dataset<Row> unique = named.withColumn("problems", Problems.append(col("problems"), duplicate,
        lit("return reference"), col("return_ref"), concat(lit("duplicate return reference; first used at "),
            firstFile, lit(" line "), firstLine.cast("string"), lit("; give each return its own reference"))));

    WindowSpec byBoard = Window.partitionBy("survey_year", "board_code", "valid")
        .orderBy(col("submitted").desc_nulls_last(), col("source_file").desc(), col("source_line").desc());
    WindowSpec wholeBoard = Window.partitionBy("survey_year", "board_code", "valid");
    Dataset<Row> ranked = unique.withColumn("valid", size(col("problems")).equalTo(0))
        .withColumn("rank", row_number().over(byBoard))
        .withColumn("board_returns", count(lit(1)).over(wholeBoard))
        .withColumn("board_refs", array_join(sort_array(collect_list("return_ref").over(wholeBoard)), ", "))
        .withColumn("latest_ref", first("return_ref").over(byBoard));

    Column twice2006 = col("valid").and(col("survey_year").equalTo(2006)).and(col("board_returns").gt(1));
    Dataset<Row> decided = ranked.withColumn("problems", Problems.append(col("problems"), twice2006,
        lit("LSCB Name"), col("name_as_written"), concat(lit("the board has more than one 2006 return ("),
            col("board_refs"), lit("); the 2006 export has no submission time to choose by, so keep one "
                + "and remove the others"))));
    Column status = when(size(col("problems")).gt(0), lit(REJECTED))
        .when(col("rank").equalTo(1), lit(ACCEPTED)).otherwise(lit(SUPERSEDED));
    return decided.withColumn("status", status)
        .withColumn("superseded_by", when(status.equalTo(SUPERSEDED), col("latest_ref")))
        .drop("valid", "rank", "board_returns", "board_refs", "latest_ref");
  }
}
