package lscb.ingest;

import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.try_multiply;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

/**
 * Money as it arrives ("£45,000", "45000", "£45k", "45,000", a JSON number) as one decimal amount in
 * pounds; blank stays null (not answered). Parsing never throws: an amount too large for the
 * canonical type, or above the plausibility bound, is null here and explained by {@link #reason}.
 */
public final class Amounts {
  /** Pounds and pence. */
  public static final DecimalType POUNDS = DataTypes.createDecimalType(14, 2);
  /** The largest amount {@link #POUNDS} holds. */
  public static final BigDecimal LARGEST = new BigDecimal("999999999999.99");
  /**
   * The plausibility bound: no one board's budget, spending or contribution comes near it (the
   * largest in the shipped returns is under £400,000); an amount above it is rejected as a likely slip.
   */
  public static final BigDecimal PLAUSIBLE = new BigDecimal("100000000");
  /** Wide enough for any amount written with up to 30 digits, so that parsing can tell "too large". */
  private static final DecimalType WIDE = DataTypes.createDecimalType(38, 4);
  private static final String NUMBER = "^([0-9]+(\\.[0-9]+)?)(k|m)?$";

  private Amounts() {}

  /** The amount in pounds, or null when blank, not an amount, too large or above {@link #PLAUSIBLE}. */
  public static Column pounds(Column raw) {
    Column wide = wide(raw);
    return when(wide.leq(lit(PLAUSIBLE)), wide.try_cast(POUNDS));
  }

  /** True when the raw value is given (not blank) but is not an amount of 0 or more that is plausible. */
  public static Column invalid(Column raw) {
    return Checks.given(raw).and(pounds(raw).isNull());
  }

  /** What is wrong with an invalid raw amount, and what to do. */
  public static Column reason(Column raw) {
    Column text = cleaned(raw);
    Column number = length(regexp_extract(text, NUMBER, 1)).gt(0);
    Column wide = wide(raw);
    return when(text.startsWith("-").or(text.startsWith("(")),
        lit("negative amount; an amount given is 0 or more pounds"))
        .when(number.and(wide.isNull().or(wide.gt(lit(LARGEST)))),
            lit("amount too large: at most £999,999,999,999.99"))
        .when(number, lit("amount over £100,000,000, not plausible for one board; check it (a slipped digit, "
            + "or pence written as pounds?)"))
        .otherwise(lit("not an amount in pounds; write e.g. £45,000, 45000 or £45k, or leave blank if not answered"));
  }

  /** The amount as written, in a wide decimal; null when not a number or too long even for that. */
  private static Column wide(Column raw) {
    Column text = cleaned(raw);
    Column digits = regexp_extract(text, NUMBER, 1);
    Column suffix = regexp_extract(text, NUMBER, 3);
    Column multiplier = when(suffix.equalTo("k"), lit(1000)).when(suffix.equalTo("m"), lit(1000000))
        .otherwise(lit(1));
    return when(length(digits).gt(0), try_multiply(digits.try_cast(WIDE), multiplier.try_cast(WIDE)));
  }

  private static Column cleaned(Column raw) {
    return regexp_replace(lower(trim(raw)), "£|gbp|,|\\s", "");
  }
}
