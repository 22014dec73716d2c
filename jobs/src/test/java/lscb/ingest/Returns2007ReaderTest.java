package lscb.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import lscb.testing.SparkTestBase;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/** The 2007 reader on single lines: a value of the wrong JSON type is rejected naming its field, or the line. */
class Returns2007ReaderTest extends SparkTestBase {
  @Test
  void aTextWhereAListOrObjectBelongsNamesItsFieldEvenWhenItStartsLikeOne() {
    Map<Long, String> lines = new TreeMap<>(Map.of(
        1L, "{\"return_id\": \"T-1\", \"lscb\": \"Bury\", \"subgroups\": [\"A\"]}",
        2L, "{\"return_id\": \"T-2\", \"lscb\": \"Bury\", \"subgroups\": \"[a, b\"}",
        3L, "{\"return_id\": \"T-3\", \"lscb\": \"Bury\", \"subgroups\": \"[\\\"A\\\"]\"}",
        4L, "{\"return_id\": \"T-4\", \"lscb\": \"Bury\", \"members\": \"{POLICE: yes\"}",
        5L, "{\"return_id\": \"T-5\", \"lscb\": \"Bury\", \"chair\": \"{\\\"type\\\": \\\"INDEPENDENT\\\"}\"}",
        6L, "{\"return_id\": \"T-6\", \"lscb\": \"Bury\", \"priorities\": {\"A\": 1}}",
        7L, "{\"return_id\": \"T-7\", \"lscb\": \"Bury\", \"meetings_per_year\": " + "9".repeat(1500) + "}"));
    List<Row> records = new ArrayList<>();
    lines.forEach((line, text) -> records.add(RowFactory.create(2007, "t.jsonl", line, text, null)));
    Map<Long, List<String>> fields = new TreeMap<>();
    Map<Long, String> reasons = new TreeMap<>();
    for (Row r : Returns2007Reader.read(spark.createDataFrame(records, RawRecords.SCHEMA)).collectAsList()) {
      List<Row> problems = r.getList(r.fieldIndex("problems"));
      fields.put(r.getAs("source_line"), problems.stream().map(p -> p.getString(0)).toList());
      reasons.put(r.getAs("source_line"), String.join("; ", problems.stream().map(p -> p.getString(2)).toList()));
    }
    assertEquals(List.of(), fields.get(1L), "a list where a list belongs is fine");
    assertEquals(List.of("subgroups"), fields.get(2L), "a text starting with [ is not a list");
    assertEquals(List.of("subgroups"), fields.get(3L), "a text holding a list is not a list");
    assertEquals(List.of("members"), fields.get(4L), "a text starting with { is not an object");
    assertEquals(List.of("chair"), fields.get(5L), "a text holding an object is not an object");
    assertEquals(List.of("priorities"), fields.get(6L), "an object where a list belongs");
    assertEquals(List.of("(line)"), fields.get(7L), "a number of 1,500 digits is beyond the JSON parser's limit");
    assertTrue(reasons.get(7L).contains("a number of over 1,000 digits"), "the reason says so: " + reasons.get(7L));
  }
}
