package lscb.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** The count cell rules: what is a usable count, and the reason given for every other cell. */
class CountCellsTest {

  @Test
  void wholeNumbersUpToThePlausibleCountAreUsable() {
    assertEquals(0, CountCells.count("0"), "0 is a count");
    assertEquals(12, CountCells.count("12"), "plain digits are a count");
    assertEquals(7, CountCells.count("007"), "leading zeros are still digits");
    assertEquals(1234, CountCells.count("1,234"), "thousands commas are allowed");
    assertEquals(1_000_000, CountCells.count("1,000,000"), "the plausible count itself is usable");
    assertEquals(1_000_000, CountCells.count("1000000"), "the plausible count itself is usable");
  }

  @Test
  void everyOtherCellGetsItsReason() {
    List<String[]> cases = List.of(
        new String[] {null, CountCells.BLANK}, new String[] {"", CountCells.BLANK},
        new String[] {"-", CountCells.NOT_AVAILABLE},
        new String[] {"-3", CountCells.NEGATIVE}, new String[] {"-1,5.0", CountCells.NEGATIVE},
        new String[] {"1000001", CountCells.IMPLAUSIBLE}, new String[] {"1,000,001", CountCells.IMPLAUSIBLE},
        new String[] {"999999999999999", CountCells.IMPLAUSIBLE},
        new String[] {"1,234,567,890,123,456,789,000", CountCells.IMPLAUSIBLE},
        new String[] {"1234567890123456", CountCells.NOT_WHOLE}, new String[] {"12,34", CountCells.NOT_WHOLE},
        new String[] {"1.5", CountCells.NOT_WHOLE}, new String[] {"+5", CountCells.NOT_WHOLE},
        new String[] {",123", CountCells.NOT_WHOLE}, new String[] {"1234,567", CountCells.NOT_WHOLE},
        new String[] {"１２", CountCells.NOT_WHOLE}, new String[] {"n/a", CountCells.NOT_WHOLE});
    for (String[] c : cases) {
      assertEquals(-1, CountCells.count(c[0]), "'" + c[0] + "' should not be a usable count");
      assertEquals(c[1], CountCells.reason(c[0]), "the reason for '" + c[0] + "'");
    }
  }

  @Test
  void aLineGivesItsUsableAgesTheirSumAndItsBadCells() {
    CountCells check = new CountCells(new int[] {0, 1, 2, 5}, new String[] {"0", "1", "2", "5"});
    Row row = check.apply(seq(" 10 ", "x", null, "2,000"));
    assertEquals(0b100001, row.getInt(0), "ages 0 and 5 are usable (spaces trimmed as Spark's trim does)");
    assertEquals(2_010L, row.getLong(1), "the usable counts' sum");
    List<Row> bad = scala.jdk.javaapi.CollectionConverters.asJava(row.<Row>getSeq(2));
    assertEquals(2, bad.size(), "two unusable cells");
    assertEquals("1", bad.get(0).getString(0), "the first unusable cell is the second, named by its label");
    assertEquals("x", bad.get(0).getString(1), "its text as given");
    assertEquals(CountCells.NOT_WHOLE, bad.get(0).getString(2), "its reason");
    assertEquals("2", bad.get(1).getString(0), "the second unusable cell is the third");
    assertNull(bad.get(1).getString(1), "a missing cell has no text");
    assertEquals(CountCells.BLANK, bad.get(1).getString(2), "a missing cell is blank");
    assertNull(check.apply(seq("1", "2", "3", "4")).get(2), "no bad cells: null, not an empty list");
    assertEquals(CountCells.NOT_WHOLE, new CountCells(new int[] {0}, new String[] {"0"}).apply(seq("\t1"))
        .<Row>getSeq(2).apply(0).getString(2), "a tab is not trimmed (Spark's trim removes spaces only)");
  }

  private static scala.collection.Seq<String> seq(String... cells) {
    return scala.jdk.javaapi.CollectionConverters.asScala(Arrays.asList(cells)).toSeq();
  }
}
