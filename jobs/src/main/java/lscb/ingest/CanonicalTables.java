package lscb.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode;

import lscb.schema.Schemas;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The canonical tables derived from assessed records; each conforms to its schema in schemas/. */
public final class CanonicalTables {
  private static final Column[] KEY = {col("survey_year"), col("board_code"), col("return_ref")};

  private CanonicalTables() {}

  /** One accepted return per board and survey year, with the register's board facts. */
  public static Dataset<Row> boardReturns(Dataset<Row> accepted, Dataset<Row> boards) {
    Dataset<Row> facts = boards.select(col("board_code").as("b_code"), col("board_name"), col("region_code"),
        col("region_name"), col("council_codes"));
    return Schemas.conform(accepted.join(facts, accepted.col("board_code").equalTo(facts.col("b_code")))
        .drop("b_code", "raw_text", "problems", "status", "superseded_by", "members", "contributions",
            "priorities", "highest_costs", "subgroups", "file_problem", "text"), "board_return");
  }

  /** Membership answers, one row per agency answered. */
  public static Dataset<Row> members(Dataset<Row> accepted) {
    return Schemas.conform(accepted.select(col("survey_year"), col("board_code"), col("return_ref"),
        explode(col("members")).as(new String[] {"agency", "is_member"})), "board_member");
  }

  /** Contributions, one row per contributor answered. */
  public static Dataset<Row> contributions(Dataset<Row> accepted) {
    return Schemas.conform(accepted.select(col("survey_year"), col("board_code"), col("return_ref"),
        explode(col("contributions")).as(new String[] {"contributor", "amount"})), "board_contribution");
  }

  /** Priorities in rank order. */
  public static Dataset<Row> priorities(Dataset<Row> accepted) {
    return Schemas.conform(ranked(accepted, "priorities", "priority_rank", "priority"), "board_priority");
  }

  /** Highest cost items in the order given. */
  public static Dataset<Row> highestCosts(Dataset<Row> accepted) {
    return Schemas.conform(ranked(accepted, "highest_costs", "cost_rank", "cost_item"), "board_highest_cost");
  }

  /** Subgroups as reported. */
  public static Dataset<Row> subgroups(Dataset<Row> accepted) {
    return Schemas.conform(accepted.select(col("survey_year"), col("board_code"), col("return_ref"),
        explode(col("subgroups")).as("subgroup")), "board_subgroup");
  }

  /** Valid returns replaced by a later submission. */
  public static Dataset<Row> superseded(Dataset<Row> assessed) {
    return Schemas.conform(assessed.filter(col("status").equalTo(Acceptance.SUPERSEDED)).select(
        col("survey_year"), col("return_ref"), col("board_code"), col("submitted"), col("superseded_by"),
        col("source_file"), col("source_line")), "superseded_return");
  }

  /** One row per problem of each rejected record. */
  public static Dataset<Row> rejects(Dataset<Row> assessed) {
    return Schemas.conform(assessed.filter(col("status").equalTo(Acceptance.REJECTED))
        .select(col("survey_year"), col("source_file"), col("source_line"), col("return_ref"),
            explode(col("problems")).as("p"))
        .select(col("survey_year"), col("source_file"), col("source_line"), col("return_ref"),
            col("p.field").as("field"), col("p.raw_value").as("raw_value"), col("p.reason").as("reason")),
        "reject");
  }

  private static Dataset<Row> ranked(Dataset<Row> accepted, String array, String rank, String value) {
    return accepted.select(col("survey_year"), col("board_code"), col("return_ref"),
            posexplode(col(array)).as(new String[] {"pos", value}))
        .filter(col(value).isNotNull())
        .select(col("survey_year"), col("board_code"), col("return_ref"),
            col("pos").plus(lit(1)).cast("int").as(rank), col(value));
  }
}
