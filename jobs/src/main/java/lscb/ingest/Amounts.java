package lscb.ingest;

import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

/**
 * Money as it arrives ("£45,000", "45000", "£45k", "45,000", a JSON number) as one decimal amount in
 * pounds; blank stays null (not answered).
 */
public final class Amounts {
  /** Pounds and pence. */
  public static final DecimalType POUNDS = DataTypes.createDecimalType(14, 2);
  private static final String NUMBER = "^([0-9]+(\\.[0-9]+)?)(k|m)?$";

  private Amounts() {}

  /** The amount in pounds, or null when blank or not an amount. */
  public static Column pounds(Column raw) {
    Column text = cleaned(raw);
    Column digits = regexp_extract(text, NUMBER, 1);
    Column suffix = regexp_extract(text, NUMBER, 3);
    Column multiplier = when(suffix.equalTo("k"), lit(1000)).when(suffix.equalTo("m"), lit(1000000))
        .otherwise(lit(1));
    return when(length(digits).gt(0), digits.cast(DataTypes.createDecimalType(20, 4)).multiply(multiplier)
        .cast(POUNDS));
  }

  /** True when the raw value is given (not blank) but is not an amount of 0 or more. */
  public static Column invalid(Column raw) {
    return Checks.given(raw).and(pounds(raw).isNull());
  }

  /** What is wrong with an invalid raw amount, and what to do. */
  public static Column reason(Column raw) {
    Column text = cleaned(raw);
    return when(text.startsWith("-").or(text.startsWith("(")),
        lit("negative amount; an amount given is 0 or more pounds"))
        .otherwise(lit("not an amount in pounds; write e.g. £45,000, 45000 or £45k, or leave blank if not answered"));
  }

  private static Column cleaned(Column raw) {
    return regexp_replace(lower(trim(raw)), "£|gbp|,|\\s", "");
  }
}
