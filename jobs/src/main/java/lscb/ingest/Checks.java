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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;

/** Column expressions shared by both survey readers: codes, whole numbers, yes/no, the budget rule. */
final class Checks {
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

  /** A whole number 0 or more, or null. */
  static Column wholeNumber(Column raw) {
    Column text = regexp_replace(trim(raw), "\\.0+$", "");
    return when(text.rlike("^[0-9]{1,9}$"), text.cast(DataTypes.IntegerType));
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

  /** The sum of a contributions map (null when empty). */
  static Column total(Column contributions) {
    return aggregate(map_values(contributions), lit(null).cast(Amounts.POUNDS),
        (acc, x) -> coalesce(acc, lit(0).cast(Amounts.POUNDS)).plus(x).cast(Amounts.POUNDS));
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
