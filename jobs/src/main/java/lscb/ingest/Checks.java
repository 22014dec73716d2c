package lscb.ingest;

import static org.apache.spark.sql.functions.aggregate;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.format_number;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.map_values;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

/** Column expressions shared by both survey readers: codes, whole numbers, yes/no, the budget rule. */
final class Checks {
  /** Sums of amounts: Decimal(38,2) cannot overflow from any realistic count of Decimal(14,2) values. */
  private static final DecimalType TOTAL = DataTypes.createDecimalType(38, 2);

  private Checks() {}

  /** A map literal column from a Java map, sorted by key so plans are stable. */
  static Column mapOf(Map<String, String> entries) {
    List<Column> parts = new ArrayList<>();
    entries.keySet().stream().sorted().forEach(k -> {
      parts.add(lit(k));
      parts.add(lit(entries.get(k)));
    });
    return org.apache.spark.sql.functions.map(parts.toArray(Column[]::new));
  }

  /** An array literal of codes. */
  static Column arrayOf(List<String> codes) {
    return array(codes.stream().map(org.apache.spark.sql.functions::lit).toArray(Column[]::new));
  }

  /** A wording looked up in a map after lower-casing and dropping punctuation; null when unknown. */
  static Column lookup(Map<String, String> wordings, Column raw) {
    Column key = trim(regexp_replace(regexp_replace(lower(raw), "[^a-z_ ]", ""), "\\s+", " "));
    return element_at(mapOf(wordings), key);
  }

  /** True when a given value is not one of the codes. */
  static Column unknownCode(Column raw, List<String> codes) {
    return given(raw).and(raw.isin(codes.toArray()).unary_$bang());
  }

  /** A whole number 0 or more, or null (never an error: the text is checked, then try_cast). */
  static Column wholeNumber(Column raw) {
    Column text = regexp_replace(trim(raw), "\\.0+$", "");
    return when(text.rlike("^[0-9]{1,9}$"), text.try_cast(DataTypes.IntegerType));
  }

  /** True when a whole number was given but is above the plausible {@code most}. */
  static Column implausible(Column raw, int most) {
    return wholeNumber(raw).gt(most);
  }

  /** Why a whole number above the plausible {@code most} is rejected. */
  static String implausibleReason(String what, int most) {
    return "more than " + most + " " + what + " is not plausible for one board; check the number";
  }

  /** A code as given: trimmed-blank is null (not answered), anything else is kept as written. */
  static Column code(Column raw) {
    return when(given(raw), raw);
  }

  /** True when a given value is not a whole number 0 or more. */
  static Column notWholeNumber(Column raw) {
    return given(raw).and(wholeNumber(raw).isNull());
  }

  /** Yes/no answers: Y, N, Yes, No (any case), true, false; blank is null. */
  static Column yesNo(Column raw) {
    Column text = lower(trim(raw));
    return when(text.isin("y", "yes", "true"), lit(true)).when(text.isin("n", "no", "false"), lit(false));
  }

  /** True when a given value is not a yes/no answer. */
  static Column notYesNo(Column raw) {
    return given(raw).and(yesNo(raw).isNull());
  }

  /** The sum of a contributions map (null when empty), in a decimal wide enough for any number of entries. */
  static Column total(Column contributions) {
    return aggregate(map_values(contributions), lit(null).cast(TOTAL),
        (acc, x) -> coalesce(acc, lit(BigDecimal.ZERO).cast(TOTAL)).plus(x.cast(TOTAL)).cast(TOTAL));
  }

  /** True when the contributions exceed the stated budget by more than rounding (1% and one pound). */
  static Column exceedsBudget(Column total, Column budget) {
    return total.isNotNull().and(budget.isNotNull())
        .and(total.gt(budget.multiply(lit(1.01)).plus(lit(1))));
  }

  /** Why the contributions are over budget. */
  static Column overBudgetReason(Column total, Column budget) {
    return concat(lit("contributions add up to £"), format_number(total, 0), lit(", more than the stated "
        + "budget of £"), format_number(budget, 0), lit("; correct the amounts or the budget"));
  }

  /** True when a raw value is present and not blank. */
  static Column given(Column raw) {
    return raw.isNotNull().and(length(trim(raw)).gt(0));
  }
}
