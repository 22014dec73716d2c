package lscb.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import lscb.io.Inputs;
import lscb.io.Locations;
import lscb.reference.BoardRegister;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Local authority rows as DfE's own lookup names them. A board is not a local authority: five boards
 * cover two or three councils, and no code or name in DfE's lookup stands for such a board. So a
 * board's figures are written once per council it covers, with that council's codes and name exactly
 * as `reference/sources/dfe_las_lookup.csv` (DfE's las.csv) has them, and `councils_in_board` says how
 * many councils share the row's figures. Sums over Local authority rows therefore count such a board
 * once per council; the National and Regional rows count each board once.
 */
public final class EesLocalAuthorities {
  /** DfE's LA lookup (las.csv) columns, as shipped in data/reference/sources/. */
  static final StructType LOOKUP_CSV = new StructType()
      .add("new_la_code", DataTypes.StringType).add("la_name", DataTypes.StringType)
      .add("date_of_operation", DataTypes.StringType).add("date_of_termination", DataTypes.StringType)
      .add("parent_geography_code", DataTypes.StringType).add("entity_code", DataTypes.StringType)
      .add("entity_description", DataTypes.StringType).add("status", DataTypes.StringType)
      .add("old_la_code", DataTypes.StringType);
  /** Where the lookup sits under the reference location. */
  static final String LOOKUP = "sources/dfe_las_lookup.csv";

  private EesLocalAuthorities() {}

  /** board_code, new_la_code, old_la_code, la_name, councils_in_board: one row per council of the register. */
  public static Dataset<Row> load(SparkSession spark, Locations locations) {
    Dataset<Row> lookup = spark.read().schema(LOOKUP_CSV).option("header", "true").option("mode", "FAILFAST")
        .csv(Inputs.file(spark, locations.reference(LOOKUP), "DfE local authority lookup"));
    return perCouncil(BoardRegister.load(spark, locations).councils(), lookup);
  }

  /** Each council of the register with its board and DfE's codes and name for it. */
  static Dataset<Row> perCouncil(Dataset<Row> councils, Dataset<Row> lookup) {
    Dataset<Row> sizes = councils.groupBy("board_code").agg(count(lit(1)).cast("int").as("councils_in_board"));
    return councils.select("council_code", "board_code")
        .join(lookup.select(col("new_la_code").as("council_code"), col("old_la_code"), col("la_name")),
            new String[] {"council_code"}, "left")
        .join(sizes, "board_code")
        .select(col("board_code"), col("council_code").as("new_la_code"), col("old_la_code"), col("la_name"),
            col("councils_in_board"));
  }

  /** Board rows at Local authority level written once per council of the board; other rows unchanged. */
  static Dataset<Row> perCouncilRows(Dataset<Row> rows, Dataset<Row> councils) {
    return rows.drop("new_la_code", "old_la_code", "la_name")
        .join(councils, new String[] {"board_code"}, "left");
  }
}
