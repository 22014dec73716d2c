package lscb.ingest;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import lscb.testing.SparkTestBase;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** Currency text as it arrives becomes one amount in pounds, or a reason. */
class AmountsTest extends SparkTestBase {

  @Test
  void everyWayOfWritingAnAmountGivesTheSamePounds() {
    List<String> raw = Arrays.asList("£45,000", "45000", "£45k", "45,000", " £45K ", "45000.00", "£0.045m", "GBP 45,000");
    for (Row r : parse(raw)) {
      assertEquals(new BigDecimal("45000.00"), r.getDecimal(1), "'" + r.getString(0) + "'");
      assertEquals(false, r.getBoolean(2), "'" + r.getString(0) + "' is valid");
    }
  }

  @Test
  void blankIsNotAnsweredAndBadTextIsInvalidWithAReason() {
    List<Row> rows = parse(Arrays.asList("", "  ", null, "-500", "(500)", "lots", "£45,000.5.5"));
    for (Row r : rows.subList(0, 3)) {
      assertEquals(null, r.get(1), "blank is null");
      assertEquals(false, r.getBoolean(2), "blank is not invalid, it is not answered");
    }
    for (Row r : rows.subList(3, rows.size())) {
      assertEquals(true, r.getBoolean(2), "'" + r.getString(0) + "' is invalid");
    }
    assertEquals(true, rows.get(3).getString(3).startsWith("negative"), "-500 is negative");
    assertEquals(true, rows.get(4).getString(3).startsWith("negative"), "(500) is negative");
    assertEquals(true, rows.get(5).getString(3).startsWith("not an amount"), "lots is not an amount");
  }

  @Test
  void anAmountTooLargeOrImplausibleIsInvalidWithItsOwnReasonAndNeverAnError() {
    List<Row> rows = parse(List.of("£1,000,000,000,000,000", "1000000000000000", "9".repeat(200), "£1,000,000m",
        "£100,000,001", "£0.2m", "£100,000,000"));
    for (Row r : rows.subList(0, 4)) {
      assertEquals(true, r.getBoolean(2), "'" + r.getString(0) + "' is invalid");
      assertEquals("amount too large: at most £999,999,999,999.99", r.getString(3), "'" + r.getString(0) + "'");
    }
    assertEquals(true, rows.get(4).getBoolean(2), "over £100m is not plausible");
    assertEquals(true, rows.get(4).getString(3).startsWith("amount over £100,000,000"), rows.get(4).getString(3));
    assertEquals(new BigDecimal("200000.00"), rows.get(5).getDecimal(1), "£0.2m");
    assertEquals(new BigDecimal("100000000.00"), rows.get(6).getDecimal(1), "£100m itself is plausible");
  }

  @Test
  void pennyAmountsKeepTheirPence() {
    assertEquals(new BigDecimal("19648.50"), parse(List.of("£19,648.50")).get(0).getDecimal(1));
  }

  private static List<Row> parse(List<String> raw) {
    Dataset<Row> values = spark.createDataset(raw, Encoders.STRING()).toDF("raw");
    return values.select(col("raw"), Amounts.pounds(col("raw")), Amounts.invalid(col("raw")),
        Amounts.reason(col("raw"))).collectAsList();
  }
}
