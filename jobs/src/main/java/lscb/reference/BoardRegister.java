package lscb.reference;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.split;

import lscb.io.Inputs;
import lscb.io.Locations;
import lscb.schema.Schemas;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The board register (data/reference): boards, their councils, and every name a board is known by. */
public final class BoardRegister {
  static final StructType BOARDS_CSV = new StructType()
      .add("board_code", DataTypes.StringType).add("board_name", DataTypes.StringType)
      .add("region_code", DataTypes.StringType).add("region_name", DataTypes.StringType)
      .add("council_codes", DataTypes.StringType).add("responded_2007", DataTypes.BooleanType);
  static final StructType COUNCILS_CSV = new StructType()
      .add("council_code", DataTypes.StringType).add("council_name", DataTypes.StringType)
      .add("dfe_la_number", DataTypes.StringType).add("ons_snac_code", DataTypes.StringType)
      .add("region_code", DataTypes.StringType).add("region_name", DataTypes.StringType)
      .add("board_code", DataTypes.StringType).add("abolished_after", DataTypes.StringType)
      .add("note", DataTypes.StringType);
  static final StructType ALIASES_CSV = new StructType()
      .add("alias", DataTypes.StringType).add("board_code", DataTypes.StringType);

  private final Dataset<Row> boards;
  private final Dataset<Row> councils;
  private final Dataset<Row> aliases;

  private BoardRegister(Dataset<Row> boards, Dataset<Row> councils, Dataset<Row> aliases) {
    this.boards = boards;
    this.councils = councils;
    this.aliases = aliases;
  }

  /**
   * Reads boards.csv, councils.csv and board_aliases.csv from the reference location; a missing
   * file is one plain line.
   */
  public static BoardRegister load(SparkSession spark, Locations locations) {
    String boards = Inputs.file(spark, locations.reference("boards.csv"), "board register");
    String councils = Inputs.file(spark, locations.reference("councils.csv"), "councils of the register");
    String aliases = Inputs.file(spark, locations.reference("board_aliases.csv"), "board name aliases");
    RegisterNames.requireUnambiguous(spark, boards, councils, aliases);
    return new BoardRegister(read(spark, boards, BOARDS_CSV), read(spark, councils, COUNCILS_CSV),
        read(spark, aliases, ALIASES_CSV));
  }

  /** The register's boards in the canonical `board` shape. */
  public Dataset<Row> boards() {
    return Schemas.conform(boards.withColumn("council_codes", split(col("council_codes"), ";")), "board");
  }

  /** The boards as boards.csv has them (council codes `;`-separated), for joins on board facts. */
  public Dataset<Row> boardRows() {
    return boards;
  }

  /** The councils of 2006/07, one row each, with their board and region. */
  public Dataset<Row> councils() {
    return councils;
  }

  /** Every name that resolves to a board (board names, council names, aliases) by its key. */
  public Dataset<Row> nameKeys() {
    Dataset<Row> names = boards.select(col("board_name").as("name"), col("board_code"))
        .unionByName(councils.select(col("council_name").as("name"), col("board_code")))
        .unionByName(aliases.select(col("alias").as("name"), col("board_code")));
    return names.select(NameKey.of(col("name")).as("name_key"), col("board_code")).distinct();
  }

  private static Dataset<Row> read(SparkSession spark, String path, StructType schema) {
    return spark.read().schema(schema).option("header", "true").option("escape", "\"")
        .option("mode", "FAILFAST").option("encoding", "UTF-8").csv(path);
  }
}
