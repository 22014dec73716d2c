package lscb.population;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import lscb.io.Inputs;
import lscb.io.Locations;
import lscb.io.UserError;
import lscb.reference.BoardRegister;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The area crosswalk (data/reference/area_crosswalk.csv) with the councils and boards of 2006/07:
 * which council each ONS area code counts towards, with what share, and how direct that is.
 *
 * @param areas area_code, council_code, method, share (decimal), rank (1 = the council's own code,
 *     2 recoded, 3 merged successor, 4 a part, an apportioned share or an inseparable part), first_year and last_year
 *     (the geographies the code is current in; null = open)
 * @param councils council_code, council_name, board_code, region_code, region_name
 * @param boards board_code, board_name, region_code, region_name
 */
public record AreaCrosswalk(Dataset<Row> areas, Dataset<Row> councils, Dataset<Row> boards) {
  static final List<String> METHODS = List.of("same", "recoded", "merged_successor", "part_of", "apportioned",
      "inseparable");
  /** An area holding children of this council and another's that no share in the file can separate. */
  static final String INSEPARABLE = "inseparable";

  private static final StructType CROSSWALK = new StructType()
      .add("area_code", DataTypes.StringType).add("area_name", DataTypes.StringType)
      .add("council_code", DataTypes.StringType).add("council_name", DataTypes.StringType)
      .add("method", DataTypes.StringType).add("share", DataTypes.StringType)
      .add("first_year", DataTypes.StringType).add("last_year", DataTypes.StringType)
      .add("note", DataTypes.StringType);
  /** Loads the crosswalk (cached: every step of the stage reads it) and the register; see {@link #check()}. */
  public static AreaCrosswalk load(SparkSession spark, Locations locations) {
    Dataset<Row> crosswalk = read(spark, locations.reference("area_crosswalk.csv"), CROSSWALK);
    BoardRegister register = BoardRegister.load(spark, locations);
    Dataset<Row> councils = register.councils()
        .select("council_code", "council_name", "board_code", "region_code", "region_name");
    Dataset<Row> boards = register.boardRows().select("board_code", "board_name", "region_code", "region_name");
    Dataset<Row> areas = crosswalk.select(
        functions.upper(functions.trim(col("area_code"))).as("area_code"),
        functions.trim(col("council_code")).as("council_code"),
        functions.trim(col("method")).as("method"),
        functions.trim(col("share")).try_cast(DataTypes.createDecimalType(6, 4)).as("share"),
        // A year that is not a whole number leaves the row without a rank, so check() reports it.
        when(yearOk(col("first_year")).and(yearOk(col("last_year"))), rank(functions.trim(col("method"))))
            .as("rank"),
        functions.trim(col("first_year")).try_cast(DataTypes.IntegerType).as("first_year"),
        functions.trim(col("last_year")).try_cast(DataTypes.IntegerType).as("last_year"))
        .cache();
    return new AreaCrosswalk(areas, councils, boards);
  }

  /** True when a year cell is blank or a year (parsed with try_cast, so a bad cell is caught, never thrown). */
  private static org.apache.spark.sql.Column yearOk(org.apache.spark.sql.Column raw) {
    org.apache.spark.sql.Column text = functions.trim(raw);
    return raw.isNull().or(text.equalTo("")).or(text.try_cast(DataTypes.IntegerType).isNotNull());
  }

  /** Precedence of a method: where a council has rows of several kinds for a year, the lowest rank wins. */
  static Column rank(Column method) {
    return when(method.equalTo("same"), lit(1)).when(method.equalTo("recoded"), lit(2))
        .when(method.equalTo("merged_successor"), lit(3))
        .when(method.isin("part_of", "apportioned", INSEPARABLE), lit(4));
  }

  /**
   * Checks the crosswalk in one query (councils it names that the register lacks, unknown methods,
   * shares outside (0, 1] or not adding up to 1 per area, a share on an inseparable row); a broken
   * reference file is a UserError.
   */
  public void check() {
    Dataset<Row> unknownCouncils = areas.join(councils.select("council_code"), areas.col("council_code")
            .equalTo(councils.col("council_code")), "left_anti")
        .select(lit(1).as("kind"), functions.concat_ws(" -> ", col("area_code"), col("council_code")).as("what"));
    Column inseparable = col("method").equalTo(INSEPARABLE);
    Dataset<Row> badRows = areas.where(col("rank").isNull().or(col("area_code").isNull())
            .or(inseparable.and(col("share").isNotNull()))
            .or(functions.not(inseparable).and(col("share").isNull().or(col("share").leq(0)).or(col("share").gt(1)))))
        .select(lit(2).as("kind"), functions.concat_ws(" ", col("area_code"), col("method")).as("what"));
    Dataset<Row> badTotals = areas.groupBy("area_code").agg(functions.sum("share").as("total"),
            functions.bool_or(inseparable).as("inseparable"))
        .where(functions.not(col("inseparable")))
        .where(col("total").notEqual(lit(1))).select(lit(3).as("kind"), col("area_code").as("what"));
    List<Row> problems = unknownCouncils.unionByName(badRows).unionByName(badTotals)
        .orderBy("kind", "what").collectAsList();
    if (problems.isEmpty()) {
      return;
    }
    int kind = problems.get(0).getInt(0);
    List<String> first = problems.stream().filter(r -> r.getInt(0) == kind).limit(5).map(r -> r.getString(1)).toList();
    throw new UserError(switch (kind) {
      case 1 -> "area_crosswalk.csv maps to councils not in councils.csv: " + first;
      case 2 -> "area_crosswalk.csv has rows with an unknown method (one of " + METHODS
          + "), a share outside (0, 1], a share on an inseparable row (leave it blank), or a first_year/last_year"
          + " that is not a year: " + first;
      default -> "area_crosswalk.csv: the shares of an area must add up to 1; they do not for " + first;
    });
  }

  private static Dataset<Row> read(SparkSession spark, String path, StructType schema) {
    return spark.read().schema(schema).option("header", "true").option("escape", "\"")
        .option("mode", "FAILFAST").csv(Inputs.file(spark, path, "area crosswalk (pass --reference DIR)"));
  }
}
