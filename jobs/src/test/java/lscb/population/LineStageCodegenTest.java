package lscb.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import lscb.io.TextSplits;
import lscb.testing.SparkTestBase;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every line is read, checked and counted by one stage of generated code: no step of it falls back to
 * evaluating row by row (a lambda such as filter or transform does that, and copies every line into a
 * row of its own: seconds at 120M values).
 */
class LineStageCodegenTest extends SparkTestBase {
  @TempDir Path tmp;

  @Test
  void smallAreaLinesAreCheckedInOneGeneratedStage() throws IOException {
    List<String> lines = new ArrayList<>(List.of("LSOA Code,LSOA Name,LA Code (2018 boundaries),LA name,All Ages,"
        + String.join(",", IntStream.rangeClosed(0, 89).mapToObj(String::valueOf).toList()) + ",90+"));
    lines.add(line("E01017001", "E06000046", "7"));
    lines.add(line("E01017002", "E06000046", "x")); // an unusable count
    lines.add(line("E01099999", "", "7")); // no LA code: a rejected line
    Path file = Files.write(tmp.resolve("sape-lsoa-mid-2006-females.csv"), lines, StandardCharsets.UTF_8);

    List<Row> rows = assertOneGeneratedStage(file.toString());
    assertEquals(3, rows.size(), "one row per line");
    assertTrue(rows.stream().anyMatch(r -> !r.isNullAt(r.fieldIndex("bad_cells"))),
        "the unusable count should still be found: " + rows);
    assertTrue(rows.stream().anyMatch(r -> !r.isNullAt(r.fieldIndex("problems"))),
        "the line with no LA code should still be rejected with its problems: " + rows);
  }

  @Test
  void longLinesAreCheckedInOneGeneratedStage() throws IOException {
    Path file = Files.write(tmp.resolve("long.csv"), List.of(
        "ladcode18,laname18,country,sex,age,population_2005,population_2006",
        "E06000046,Isle of Wight,E,1,0,650,648",
        "E06000046,Isle of Wight,E,1,1,651,-",
        "E06000046,Isle of Wight,E,9,2,651,1"), StandardCharsets.UTF_8);

    List<Row> rows = assertOneGeneratedStage(file.toString());
    assertTrue(rows.stream().anyMatch(r -> !r.isNullAt(r.fieldIndex("bad_cells"))),
        "the '-' count should still be found: " + rows);
    assertTrue(rows.stream().anyMatch(r -> !r.isNullAt(r.fieldIndex("problems"))),
        "the line of sex 9 should still be rejected with its problems: " + rows);
  }

  /** Code generation as a large input's session has it (the test session, a small input's, has it off). */
  @BeforeAll
  static void generatedCode() {
    spark.conf().set("spark.sql.codegen.wholeStage", "true");
    spark.conf().set("spark.sql.codegen.factoryMode", "FALLBACK");
  }

  /** The checked count rows of a file, after asserting that their plan ran as generated code throughout. */
  private static List<Row> assertOneGeneratedStage(String path) {
    List<PopulationSource> sources = PopulationReader.sources(spark, path, null);
    TextSplits splits = PopulationReader.scan(spark, sources);
    Dataset<Row> codes = spark.sql("SELECT 'E06000046' AS area_code");
    Dataset<Row> checked = PopulationChecks.countRows(PopulationChecks.classify(
        PopulationReader.lines(spark, splits, sources, List.of(0)), codes), sources.get(0));
    List<Row> rows = checked.collectAsList();
    String plan = checked.queryExecution().executedPlan().toString();
    String finalPlan = plan.substring(plan.indexOf("== Final Plan =="), plan.indexOf("== Initial Plan =="));
    assertTrue(finalPlan.contains("*("), "the plan should have generated code at all: " + finalPlan);
    for (String step : finalPlan.split("\n")) {
      if (step.matches(".*\\b(Project|Filter|Generate|Scan ExistingRDD)\\b.*")) {
        assertTrue(step.contains("*("), "every step over the lines should be in generated code (marked *(n)), not: "
            + step.trim().substring(0, Math.min(160, step.trim().length())));
      }
    }
    return rows;
  }

  private static String line(String lsoa, String la, String firstCount) {
    return lsoa + ",Isle of Wight 001A," + la + ",Isle of Wight,900," + firstCount
        + ",7".repeat(90);
  }
}
