package lscb.population;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The check of one line's count cells, as one function per line (a Spark UDF): which child ages have
 * a usable count, their sum, and why each other cell is unusable. One compiled function instead of a
 * dozen expressions per cell keeps the generated code of the line stage small enough for the JIT (a
 * wide line's cells as expressions made a 41 KB method that ran interpreted).
 */
final class CountCells implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * What the check gives per line: good (the usable ages as bits), children (their sum), bad (per unusable
   * cell: field, its column's label; raw_value, the cell's text; reason), the shape of the stage's rejects.
   */
  static final StructType CHECKED = new StructType()
      .add("good", DataTypes.IntegerType, false)
      .add("children", DataTypes.LongType, false)
      .add("bad", DataTypes.createArrayType(new StructType().add("field", DataTypes.StringType, true)
          .add("raw_value", DataTypes.StringType, true).add("reason", DataTypes.StringType, false)), true);

  static final String BLANK = "no count for this child age: the cell is blank; enter the count (0 if none)";
  static final String NOT_AVAILABLE = "no count for this child age: '-' (not available in the source); the area is"
      + " left out of that year's figures";
  static final String NEGATIVE = "negative count: a population cannot be below 0; fix the value";
  static final String IMPLAUSIBLE = String.format(Locale.ROOT, "count over %,d children of one age and sex in one"
      + " area is not plausible (England has under 400,000); fix the value", PopulationChecks.PLAUSIBLE_COUNT);
  static final String NOT_WHOLE = "count is not a whole number; fix the value (digits only)";

  private final int[] ages;
  private final String[] labels;

  /**
   * @param ages the child age each cell counts, by position (0 for a cell whose age the line gives)
   * @param labels each cell's column label, by position (null where the caller names the field itself)
   */
  CountCells(int[] ages, String[] labels) {
    this.ages = ages.clone();
    this.labels = labels.clone();
  }

  /** The check as a column: cells is an array of the raw cell texts, in the order of the ages given. */
  Column check(Column cells) {
    UDF1<scala.collection.Seq<String>, Row> udf = this::apply;
    return functions.udf(udf, CHECKED).apply(cells);
  }

  /** The check of one line's cells. */
  Row apply(scala.collection.Seq<String> cells) {
    int good = 0;
    long children = 0;
    List<Row> bad = null;
    for (int i = 0; i < ages.length; i++) {
      String raw = i < cells.length() ? cells.apply(i) : null;
      String text = spaceTrimmed(raw);
      long count = count(text);
      if (count >= 0) {
        good |= 1 << ages[i];
        children += count;
      } else {
        if (bad == null) {
          bad = new ArrayList<>();
        }
        bad.add(RowFactory.create(labels[i], raw, reason(text)));
      }
    }
    return RowFactory.create(good, children, bad == null ? null : scala.jdk.javaapi.CollectionConverters.asScala(bad)
        .toSeq());
  }

  /** A cell's count: a whole number (thousands commas allowed) up to the plausible count, else -1. */
  static long count(String text) {
    if (text == null || text.isEmpty()) {
      return -1;
    }
    long value;
    if (plain(text)) {
      value = Long.parseLong(text);
    } else if (thousands(text)) {
      String plain = text.replace(",", "");
      if (plain.length() > 18) {
        return -1;
      }
      value = Long.parseLong(plain);
    } else {
      return -1;
    }
    return value <= PopulationChecks.PLAUSIBLE_COUNT ? value : -1;
  }

  /** Why a cell (trimmed of spaces) has no usable count. */
  static String reason(String text) {
    if (text == null || text.isEmpty()) {
      return BLANK;
    }
    if (text.equals("-")) {
      return NOT_AVAILABLE;
    }
    if (text.length() > 1 && text.charAt(0) == '-' && text.substring(1).chars().allMatch(
        c -> c >= '0' && c <= '9' || c == '.' || c == ',')) {
      return NEGATIVE;
    }
    if (plain(text) || thousands(text)) {
      return IMPLAUSIBLE;
    }
    return NOT_WHOLE;
  }

  /** 1 to 15 digits and nothing else. */
  private static boolean plain(String text) {
    return text.length() <= 15 && digits(text, 0, text.length());
  }

  /** 1-3 digits, then groups of a comma and 3 digits (one group at least). */
  private static boolean thousands(String text) {
    int comma = text.indexOf(',');
    if (comma < 1 || comma > 3 || !digits(text, 0, comma) || (text.length() - comma) % 4 != 0) {
      return false;
    }
    for (int at = comma; at < text.length(); at += 4) {
      if (text.charAt(at) != ',' || !digits(text, at + 1, at + 4)) {
        return false;
      }
    }
    return true;
  }

  private static boolean digits(String text, int from, int to) {
    if (from >= to) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** Spark's trim: spaces (not tabs or other whitespace) off both ends; null stays null. */
  private static String spaceTrimmed(String text) {
    if (text == null) {
      return null;
    }
    int start = 0;
    int end = text.length();
    while (start < end && text.charAt(start) == ' ') {
      start++;
    }
    while (end > start && text.charAt(end - 1) == ' ') {
      end--;
    }
    return text.substring(start, end);
  }
}
