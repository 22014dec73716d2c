package lscb.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lscb.io.Locations;
import lscb.io.Progress;
import lscb.testing.SparkTestBase;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The population stage on the shipped synthetic file: full coverage, consistent sums, F1-F4 populations. */
class SyntheticPopulationJobTest extends SparkTestBase {
  @TempDir static Path out;
  static Locations locations;
  static PopulationResult result;

  @BeforeAll
  static void run() throws IOException {
    Path raw = Files.createDirectories(out.resolve("raw/population"));
    Files.copy(SyntheticPopulationTest.SHIPPED, raw.resolve("SYNTHETIC-myeb-2001-2010.csv"));
    locations = new Locations(out.resolve("raw").toString(),
        SyntheticPopulationTest.REFERENCE.toAbsolutePath().toString(), "unused", out.resolve("out").toString());
    result = PopulationJob.run(spark, locations, new Progress(System.out));
  }

  static List<Row> table(String name, int year) {
    return spark.read().parquet(locations.processed(name)).where("year = " + year).collectAsList();
  }

  @Test
  void everyCouncilBoardAndRegionIsThereFor2006And2007() throws IOException {
    long councils = Files.readAllLines(SyntheticPopulationTest.REFERENCE.resolve("councils.csv")).size() - 1;
    long boards = Files.readAllLines(SyntheticPopulationTest.REFERENCE.resolve("boards.csv")).size() - 1;
    for (int year : new int[] {2006, 2007}) {
      assertEquals(councils, table("population_council", year).size(), "all councils at mid-" + year);
      assertEquals(boards, table("population_board", year).size(), "all boards at mid-" + year);
      assertEquals(9, table("population_region", year).size(), "all nine regions at mid-" + year);
    }
    assertEquals(0, result.rejected(), "the synthetic file has no bad lines");
    assertEquals(0, result.rejectRows(), "and no reject rows");
    assertEquals(result.rowsRead(), result.used() + result.outOfScope(), "read = used + out of scope");
  }

  @Test
  void boardsSumTheirCouncilsAndRegionsTheirBoards() {
    for (int year : new int[] {2006, 2007}) {
      Map<String, Long> byBoard = new HashMap<>();
      for (Row c : table("population_council", year)) {
        byBoard.merge(c.getAs("board_code"), c.getAs("children_under_18"), Long::sum);
      }
      Map<String, Long> byRegion = new HashMap<>();
      for (Row b : table("population_board", year)) {
        assertEquals(byBoard.get((String) b.getAs("board_code")), b.getAs("children_under_18"),
            "board " + b.getAs("board_code") + " = the sum of its councils");
        byRegion.merge(b.getAs("region_code"), b.getAs("children_under_18"), Long::sum);
      }
      for (Row r : table("population_region", year)) {
        assertEquals(byRegion.get((String) r.getAs("region_code")), r.getAs("children_under_18"),
            "region " + r.getAs("region_code") + " = the sum of its boards");
      }
    }
  }

  @Test
  void theSmallestAndLargestSpendersKeepTheReportsPerChildFigures() {
    long wight2006 = board("LSCB-921", 2006);
    long wight2007 = board("LSCB-921", 2007);
    long lancs2006 = board("LSCB-888", 2006);
    long lancs2007 = board("LSCB-888", 2007);
    assertTrue(wight2006 >= 28_750 && wight2006 <= 29_050, "LSCB-921 mid-2006: " + wight2006);
    assertTrue(wight2007 >= 28_750 && wight2007 <= 29_050, "LSCB-921 mid-2007: " + wight2007);
    assertTrue(lancs2006 >= 248_700 && lancs2006 <= 249_900, "LSCB-888 mid-2006: " + lancs2006);
    assertTrue(lancs2007 >= 248_700 && lancs2007 <= 249_900, "LSCB-888 mid-2007: " + lancs2007);
    assertEquals(new BigDecimal("0.17"), pence(5_000, wight2006), "F1: £5,000 is 17p per child");
    assertEquals(new BigDecimal("0.68"), pence(19_648, wight2007), "F2: £19,648 is 68p per child");
    assertEquals(new BigDecimal("1.58"), pence(393_857, lancs2006), "F3: £393,857 is £1.58 per child");
    assertEquals(new BigDecimal("1.47"), pence(366_605, lancs2007), "F4: £366,605 is £1.47 per child");
  }

  static long board(String code, int year) {
    return table("population_board", year).stream().filter(r -> code.equals(r.getAs("board_code")))
        .map(r -> (long) r.getAs("children_under_18")).findFirst().orElseThrow();
  }

  static BigDecimal pence(long pounds, long children) {
    return BigDecimal.valueOf(pounds).divide(BigDecimal.valueOf(children), 2, RoundingMode.HALF_UP);
  }
}
