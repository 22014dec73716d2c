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

/** The 2006 reader on single rows: a row with more fields than any CSV parser takes is a reject, not a failed run. */
class Returns2006ReaderTest extends SparkTestBase {
  @Test
  void aRowOfTensOfThousandsOfFieldsIsRejectedAsARowAndTheOthersAreRead() {
    String good = "D06-001,Bury,North West,LA,\"Director of Children, Schools and Families\",4,£45k,,,,,Y,Y,Y";
    Map<Long, String> lines = new TreeMap<>(Map.of(
        2L, good,
        3L, "D06-002," + "x,".repeat(30_000) + "Y",
        4L, "D06-003,Derby,East Midlands,LA,\"" + "a,".repeat(12_000) + "\",6,£45k,,,,,Y,Y,Y",
        5L, good.replace("D06-001", "D06-004")));
    List<Row> records = new ArrayList<>();
    lines.forEach((line, text) -> records.add(RowFactory.create(2006, "t.csv", line, text, null)));
    Map<Long, List<Row>> problems = new TreeMap<>();
    for (Row r : Returns2006Reader.read(spark.createDataFrame(records, RawRecords.SCHEMA)).collectAsList()) {
      problems.put(r.getAs("source_line"), r.getList(r.fieldIndex("problems")));
    }
    assertEquals(List.of(), problems.get(2L), "a good row before it is read");
    assertEquals(List.of(), problems.get(5L), "a good row after it is read");
    assertEquals(1, problems.get(3L).size(), "the wide row has one problem: " + problems.get(3L));
    assertEquals("(row)", problems.get(3L).get(0).getString(0), "the problem is the row's");
    assertTrue(problems.get(3L).get(0).getString(2).contains("commas"), "the reason says why: " + problems.get(3L));
    assertEquals(List.of(), problems.get(4L), "a quoted field holding 12,000 commas is one field, read as such");
  }
}
