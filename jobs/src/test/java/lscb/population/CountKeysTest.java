package lscb.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lscb.io.Locations;
import lscb.io.Progress;
import lscb.testing.SparkTestBase;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The keys kept apart by the stage's summary (rare keys): an area and year whose ages are split over two
 * files is used and its lines counted in each file; an age counted in both files is a duplicate.
 */
class CountKeysTest extends SparkTestBase {
  private static final String HEADER = "ladcode18,laname18,country,sex,age,population_2006";
  @TempDir Path tmp;

  @Test
  void anAreaWhoseAgesAreSplitOverTwoFilesIsUsedAndEachFileCountsItsLines() throws IOException {
    Locations where = write(lines(0, 8), lines(9, 17));
    PopulationResult result = PopulationJob.run(spark, where, new Progress(System.out));

    long expected = 0;
    for (int sex = 1; sex <= 2; sex++) {
      for (int age = 0; age <= 17; age++) {
        expected += count(sex, age);
      }
    }
    List<Row> council = spark.read().parquet(where.processed("population_council"))
        .where("council_code = 'E06000046' AND year = 2006").collectAsList();
    assertEquals(1, council.size(), "the Isle of Wight should have a 2006 figure: its ages are all there, in two files");
    assertEquals(expected, council.get(0).<Long>getAs("children_under_18"), "the sum over both files' ages");
    assertEquals(0, spark.read().parquet(where.rejects("population")).where("source_line IS NOT NULL").count(),
        "no line of either file is rejected");
    assertEquals(result.rowsRead(), result.used(), "every line is used");
    for (Row file : spark.read().parquet(where.processed("population_reconciliation")).collectAsList()) {
      assertEquals(18L, file.<Long>getAs("rows_read"), "each file has 9 ages x 2 sexes: " + file);
      assertEquals(18L, file.<Long>getAs("used"), "and every line of each is used: " + file);
    }
  }

  @Test
  void anAgeCountedInBothFilesIsADuplicateAndTheAreaIsLeftOut() throws IOException {
    Locations where = write(lines(0, 9), lines(9, 17));
    PopulationResult result = PopulationJob.run(spark, where, new Progress(System.out));

    assertEquals(0, spark.read().parquet(where.processed("population_council"))
        .where("council_code = 'E06000046' AND year = 2006").count(), "no figure rests on a duplicated age");
    List<String> reasons = spark.read().parquet(where.rejects("population")).collectAsList().stream()
        .map(r -> r.<String>getAs("reason")).toList();
    assertEquals(4, reasons.stream().filter(r -> r.startsWith("duplicate")).count(),
        "age 9 of each sex, in each file, is rejected as a duplicate: " + reasons);
    assertTrue(reasons.stream().anyMatch(r -> r.contains("no usable count for age(s) 9")),
        "the key then lacks age 9: " + reasons);
    assertEquals(result.rowsRead(), result.used() + result.outOfScope() + result.rejected(),
        "every line is accounted for");
  }

  private Locations write(List<String> first, List<String> second) throws IOException {
    Path population = Files.createDirectories(tmp.resolve("raw/population"));
    Files.write(population.resolve("myeb-a.csv"), first, StandardCharsets.UTF_8);
    Files.write(population.resolve("myeb-b.csv"), second, StandardCharsets.UTF_8);
    return new Locations(tmp.resolve("raw").toString(), SmallAreaLayoutTest.REFERENCE, "unused",
        tmp.resolve("out").toString());
  }

  private static List<String> lines(int fromAge, int toAge) {
    List<String> lines = new ArrayList<>(List.of(HEADER));
    for (int sex = 1; sex <= 2; sex++) {
      for (int age = fromAge; age <= toAge; age++) {
        lines.add("E06000046,Isle of Wight,E," + sex + "," + age + "," + count(sex, age));
      }
    }
    return lines;
  }

  private static long count(int sex, int age) {
    return 100 + 10L * sex + age;
  }
}
