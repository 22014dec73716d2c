package lscb.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import lscb.ingest.Normalise;
import lscb.ingest.RawRecords;
import lscb.io.Locations;
import lscb.io.Progress;
import lscb.io.TextSplits;
import lscb.population.PopulationJob;
import lscb.testing.Fixtures;
import lscb.testing.SparkTestBase;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files forced into many small splits give the same records, line numbers, rejects and
 * reconciliation as one split per file.
 */
@Tag("slow") // left out by ./lscb test --fast: several pipeline-sized reads
class SplitReadingTest extends SparkTestBase {
  static final String REFERENCE = Fixtures.repository().resolve("data/reference").toString();
  @TempDir Path tmp;

  @AfterEach
  void defaultSplits() {
    spark.conf().unset(TextSplits.SPLIT_BYTES);
  }

  @Test
  void linesKeepTheirNumbersInTinySplits() throws IOException {
    Path file = tmp.resolve("quirks.jsonl");
    String longLine = "{\"return_id\": \"" + "x".repeat(500) + "\"}";
    // A BOM, CRLF and LF endings, blank lines, a line far longer than a split, no final newline.
    Files.write(file, ("\uFEFF{\"a\": 1}\r\n\r\n{\"b\": 2}\n" + longLine + "\n   \n{\"c\": \"£3\"}\r\n\n{\"d\": 4}")
        .getBytes(StandardCharsets.UTF_8));
    List<String> files = List.of("file:" + file,
        "file:" + Fixtures.repository().resolve("jobs/src/test/resources/fixtures/returns/2007/export.jsonl"));
    List<Row> whole = records(files, null);
    List<Row> split = records(files, 7L);
    assertEquals(whole, split, "7-byte splits give the same records, line numbers and file problems as whole files");
    assertEquals(List.of(1L, 3L, 4L, 6L, 8L), whole.stream().filter(r -> r.getString(1).equals("quirks.jsonl"))
        .map(r -> r.getLong(2)).toList(), "the non-blank lines keep their source line numbers");
    assertEquals("{\"a\": 1}", whole.stream().filter(r -> r.getString(1).equals("quirks.jsonl")).findFirst()
        .orElseThrow().getString(3), "the BOM and the CR are not part of the first record");
    spark.conf().set(TextSplits.SPLIT_BYTES, "7");
    assertTrue(TextSplits.scan(spark, files, "UTF-8", TextSplits.Mode.LINES).splitCount() > 100,
        "the small split size really cut the files into many splits");
  }

  @Test
  void linesLongerThanTheReadBufferStayWhole() throws IOException {
    Path file = tmp.resolve("long.jsonl");
    String longLine = "{\"return_id\": \"" + "y".repeat(150_000) + "\"}";
    // Lines cross the reader's 64 KiB chunks, and one is longer than two of them.
    Files.write(file, ("{\"a\": 1}\n" + longLine + "\r\n" + "{\"b\": \"" + "z".repeat(70_000) + "\"}\n{\"c\": 3}\n")
        .getBytes(StandardCharsets.UTF_8));
    List<String> files = List.of("file:" + file);
    List<Row> whole = records(files, null);
    assertEquals(List.of(1L, 2L, 3L, 4L), whole.stream().map(r -> r.getLong(2)).toList(),
        "every line is read once, with its number");
    assertEquals(longLine, whole.get(1).getString(3), "the 150,000-character line is read whole, without its CR");
    assertEquals(whole, records(files, 50_000L), "50,000-byte splits give the same records as the whole file");
  }

  @Test
  void normaliseGivesTheSameRejectsAndReconciliationInSmallSplits() throws IOException {
    Path raw = Fixtures.copyReturns(tmp.resolve("raw"));
    Normalise.run(spark, Fixtures.locations(raw, tmp.resolve("whole")), new Progress(System.out));
    spark.conf().set(TextSplits.SPLIT_BYTES, "64");
    Normalise.run(spark, Fixtures.locations(raw, tmp.resolve("split")), new Progress(System.out));
    for (String csv : List.of("rejects/returns.csv", "reconciliation.csv")) {
      assertEquals(text(tmp.resolve("whole/" + csv)), text(tmp.resolve("split/" + csv)),
          csv + " is the same when the 2007 export is read in 64-byte splits");
    }
  }

  @Test
  void populationGivesTheSameRejectsAndReconciliationInSmallSplits() throws IOException {
    Path population = Files.createDirectories(tmp.resolve("raw/population"));
    StringBuilder text = new StringBuilder("Population by single year of age\r\n\r\n"
        + "ladcode18,laname18,country,sex,age,population_2006,population_2007\r\n");
    for (String area : List.of("E06000046", "E06000001", "W06000001", "E06000999")) {
      for (int sex = 1; sex <= 2; sex++) {
        for (int age = 0; age <= 19; age++) {
          String value = area.equals("E06000001") && age == 4 && sex == 1 ? "abc"
              : area.equals("E06000001") && age == 9 ? "-2" : String.valueOf(100 + age * 3 + sex);
          text.append(area).append(",\"Name, of ").append(area).append("\",E,").append(sex).append(',').append(age)
              .append(',').append(value).append(',').append(200 + age).append(age % 7 == 0 ? "\n" : "\r\n");
          if (age == 11 && area.equals("E06000046") && sex == 2) {
            text.append(area).append(",dup,E,2,11,1,1\n\n");
          }
        }
      }
    }
    Files.writeString(population.resolve("myeb-split.csv"), text.append(",Source: a note row,,,,,"));
    Locations whole = new Locations(tmp.resolve("raw").toString(), REFERENCE, "unused", tmp.resolve("whole").toString());
    Locations split = new Locations(tmp.resolve("raw").toString(), REFERENCE, "unused", tmp.resolve("split").toString());
    PopulationJob.run(spark, whole, new Progress(System.out));
    spark.conf().set(TextSplits.SPLIT_BYTES, "100");
    PopulationJob.run(spark, split, new Progress(System.out));
    String rejects = text(tmp.resolve("whole/rejects/population.csv"));
    assertTrue(rejects.contains("abc") && rejects.contains("duplicate") && rejects.contains("E06000999"),
        "the fixture's bad cells are rejected:\n" + rejects);
    assertEquals(rejects, text(tmp.resolve("split/rejects/population.csv")),
        "the population rejects (line numbers included) are the same in 100-byte splits");
    assertEquals(rows(spark.read().parquet(whole.processed("population_reconciliation")).orderBy("source_file")),
        rows(spark.read().parquet(split.processed("population_reconciliation")).orderBy("source_file")),
        "the reconciliation (lines read = used + out of scope + rejected) is the same in 100-byte splits");
    assertEquals(rows(spark.read().parquet(whole.processed("population_council")).orderBy("council_code", "year")),
        rows(spark.read().parquet(split.processed("population_council")).orderBy("council_code", "year")),
        "the council totals are the same in 100-byte splits");
  }

  private static List<Row> records(List<String> files, Long splitBytes) {
    if (splitBytes != null) {
      spark.conf().set(TextSplits.SPLIT_BYTES, splitBytes.toString());
    }
    List<Row> rows = rows(RawRecords.read(spark, files, 2007, RawRecords.Layout.JSONL_UTF8, null)
        .orderBy("source_file", "source_line"));
    spark.conf().unset(TextSplits.SPLIT_BYTES);
    return rows;
  }

  /** The text of a CSV output (a file, or the part files of a folder in name order). */
  private static String text(Path path) throws IOException {
    if (!Files.isDirectory(path)) {
      return Files.readString(path, StandardCharsets.UTF_8);
    }
    List<String> parts = new ArrayList<>();
    try (Stream<Path> files = Files.list(path)) {
      for (Path p : files.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList()) {
        parts.add(Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    return String.join("", parts);
  }
}
