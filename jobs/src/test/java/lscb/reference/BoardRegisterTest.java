package lscb.reference;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lscb.io.Locations;
import lscb.testing.Fixtures;
import lscb.testing.SparkTestBase;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The register agrees with its sources and resolves every name the report and respondents use. */
class BoardRegisterTest extends SparkTestBase {
  static BoardRegister register;

  @BeforeAll
  static void load() {
    Locations where = Fixtures.locations(Fixtures.repository().resolve("data/raw"), Fixtures.repository());
    register = BoardRegister.load(spark, where);
  }

  @Test
  void oneHundredAndFiftyCouncilsMakeOneHundredAndFortyFourBoards() {
    assertEquals(150, register.councils().count(), "councils of 2006/07");
    assertEquals(144, register.boards().count(), "boards (the report says 145: see PROVENANCE.md)");
    assertEquals(118, register.boards().filter(col("responded_2007")).count(), "Appendix 1 respondents");
    long unassigned = register.councils().join(register.boards(), "board_code", "left_anti").count();
    assertEquals(0, unassigned, "every council belongs to a board in boards.csv");
    assertEquals(3, register.councils().filter(col("board_code").equalTo("LSCB-856")).count(),
        "Leicester, Leicestershire and Rutland share a board");
  }

  @Test
  void councilFactsAgreeWithTheDfeSourceFile() throws IOException {
    Map<String, String[]> source = new HashMap<>();
    List<String> lines = Files.readAllLines(Fixtures.repository().resolve("data/reference/sources/dfe_las_lookup.csv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
      source.put(f[0], f);
    }
    for (Row council : register.councils().collectAsList()) {
      String[] dfe = source.get(council.getString(0));
      assertTrue(dfe != null, council.getString(0) + " is in the DfE file");
      assertEquals(dfe[4], council.getString(4), council.getString(0) + " region");
      if (!"x".equals(dfe[8])) {
        assertEquals(dfe[8], council.getString(2), council.getString(0) + " DfE number");
      }
    }
  }

  @Test
  void noNameResolvesToTwoBoards() {
    List<Row> clashes = register.nameKeys().groupBy("name_key").agg(countDistinct("board_code").as("boards"))
        .filter(col("boards").gt(1)).collectAsList();
    assertEquals(List.of(), clashes, "name keys that resolve to more than one board");
  }

  @Test
  void theDriverAndSparkComputeTheSameKey() {
    List<String> names = new ArrayList<>(List.of("  Bath & North-East   Somerset ", "St. Helens", "Hull (City of)",
        "Royal Borough of Windsor & Maidenhead", "Metropolitan Borough Council of Wigan", "LSCB", "Ynys Môn", ""));
    for (Dataset<Row> table : List.of(register.boardRows().select("board_name"),
        register.councils().select("council_name"))) {
      names.addAll(table.as(Encoders.STRING()).collectAsList());
    }
    List<Row> keys = spark.createDataset(names, Encoders.STRING()).toDF("name")
        .select(col("name"), NameKey.of(col("name")).as("key")).collectAsList();
    for (Row row : keys) {
      assertEquals(row.getString(1), NameKey.of(row.getString(0)), "key of '" + row.getString(0) + "'");
    }
    assertEquals(names.size(), keys.size(), "every name compared");
  }

  @Test
  void everyAppendixNameAndCommonVariantResolves() throws IOException {
    List<String> names = new ArrayList<>(Files.readAllLines(
        Fixtures.repository().resolve("jobs/src/test/resources/fixtures/appendix1_respondents.txt")).stream()
        .filter(l -> !l.startsWith("#") && !l.isBlank()).toList());
    names.addAll(List.of("Kingston upon Hull, City of", "bristol", "Stoke on Trent", "Telford & Wrekin",
        "ST HELENS", "the Isle of Wight", "Herefordshire, County of", "Barnet LSCB", "London Borough of Barnet",
        "Wigan Safeguarding Children Board"));
    Dataset<Row> given = spark.createDataset(names, Encoders.STRING()).toDF("name");
    Dataset<Row> keys = register.nameKeys();
    List<Row> unresolved = given.join(keys, NameKey.of(given.col("name")).equalTo(keys.col("name_key")), "left")
        .filter(col("board_code").isNull()).collectAsList();
    assertEquals(List.of(), unresolved, "every name resolves");
    assertEquals(128, names.size(), "118 Appendix names and 10 variants");
  }

  @Test
  void aNameKeyIgnoresCaseSpacingPunctuationAndAnd() {
    List<String> keys = spark.createDataset(List.of("  Bath & North-East   Somerset ", "CITY OF WESTMINSTER",
        "Cornwall and the Isles of Scilly"), Encoders.STRING()).toDF("n")
        .select(NameKey.of(col("n"))).as(Encoders.STRING()).collectAsList();
    assertEquals(List.of("bath and north east somerset", "westminster", "cornwall and isles of scilly"), keys);
    assertNull(spark.sql("SELECT CAST(NULL AS STRING) AS n").select(NameKey.of(col("n"))).first().get(0),
        "no name, no key");
  }
}
