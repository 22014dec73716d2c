package lscb.population;

import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * The key of a count row (area, small area, sex, year), the per-area summary of the keys' totals, and
 * what it tells without reading every row again: the ages counted twice, the rows holding them, and
 * each file's lines.
 */
final class CountKeys {
  private CountKeys() {}

  /** What makes two count rows copies of each other: area, small area, sex and year. */
  private static final String[] KEY = {"area_code", "small_area", "sex", "year"};
  static final Column[] KEY_COLUMNS = Stream.of(KEY).map(functions::col).toArray(Column[]::new);

  /** Every child age 0-17, as bits of an int. */
  static final int ALL_AGES = (1 << (PopulationSource.MAX_CHILD_AGE + 1)) - 1;

  /**
   * The candidate rows (see PopulationChecks#countRows) summed per key, then per area, year and file:
   * one row per area_code, year, file_no and last_file_no (the first and last file of its keys) for the
   * keys whose rows count every child age once and come from one file (the normal case), and one row per
   * other key, marked rare (an age missing or counted twice, or rows in several files), with its own
   * small_area and sex (null on the other rows). Also sex_bits (F 1, M 2, P 4), ages_complete, children,
   * geography, lines (the lines counted), and the rare keys' good_bits, covered_bits and covered_total.
   * Small whatever the input (a small-area file is a key per line), so this is what the stage keeps; only
   * fixed-width buffers, so both steps are hash aggregations (a string or set buffer would sort the rows).
   */
  static Dataset<Row> summary(Dataset<Row> rows) {
    Dataset<Row> perKey = rows.where(col("status").equalTo(PopulationChecks.CANDIDATE)).groupBy(KEY_COLUMNS)
        .agg(functions.bit_or(col("good_bits")).as("good_bits"), functions.sum("children").as("children"),
            functions.min("file_no").as("file_no"), functions.max("geography").as("geography"),
            functions.bit_or(col("covered_bits")).as("covered_bits"),
            functions.sum(functions.bit_count(col("covered_bits"))).as("covered_total"),
            functions.max("file_no").as("last_file_no"),
            functions.sum(when(col("first"), lit(1L)).otherwise(lit(0L))).as("lines"));
    // Some age counted twice exactly when the counts of the ages covered add up to more than the ages covered.
    Column complete = col("good_bits").equalTo(lit(ALL_AGES))
        .and(col("covered_total").equalTo(functions.bit_count(col("covered_bits"))));
    Column rare = functions.not(complete).or(col("file_no").notEqual(col("last_file_no")));
    Column sexBit = when(col("sex").equalTo("F"), lit(1)).when(col("sex").equalTo("M"), lit(2))
        .when(col("sex").equalTo("P"), lit(4)).otherwise(lit(0));
    return perKey.withColumn("rare", rare).withColumn("ages_complete", complete)
        .groupBy(col("area_code"), col("year"), col("file_no"), col("last_file_no"), col("rare"),
            when(col("rare"), col("small_area")).as("small_area"), when(col("rare"), col("sex")).as("sex"))
        .agg(functions.bit_or(sexBit).as("sex_bits"), functions.bool_and(col("ages_complete")).as("ages_complete"),
            functions.sum("children").as("children"), functions.max("geography").as("geography"),
            functions.sum("lines").as("lines"), functions.bit_or(col("good_bits")).as("good_bits"),
            functions.bit_or(col("covered_bits")).as("covered_bits"),
            functions.sum("covered_total").as("covered_total"));
  }

  /**
   * The candidate lines per file and area (file_no, area_code, lines), from the {@link #summary}: a key
   * whose rows all come from one file counts its lines there; only the rows of keys found in several
   * files (rare: the same area and year in two files) are read again to tell their files apart.
   */
  static Dataset<Row> candidateLines(Dataset<Row> rows, Dataset<Row> summary) {
    Dataset<Row> oneFile = summary.where(col("file_no").equalTo(col("last_file_no")))
        .groupBy("file_no", "area_code").agg(functions.sum("lines").as("lines"));
    Dataset<Row> spread = other(summary.where(col("file_no").notEqual(col("last_file_no"))).select(KEY_COLUMNS));
    Dataset<Row> lines = rows.where(col("status").equalTo(PopulationChecks.CANDIDATE).and(col("first")));
    if (spread.isEmpty()) {
      lines = lines.limit(0);
    }
    Dataset<Row> severalFiles = lines.join(broadcast(spread), sameKey(), "left_semi")
        .groupBy("file_no", "area_code").agg(functions.count(lit(1)).as("lines"));
    return oneFile.unionByName(severalFiles).groupBy("file_no", "area_code").agg(functions.sum("lines").as("lines"));
  }

  /**
   * The keys (area, small area, sex, year, as other_area_code, ...) whose rows count some age more
   * than once, with twice_bits (those ages): found among the rare keys of the {@link #summary}, so only
   * the few such keys' rows are looked at again.
   */
  static Dataset<Row> duplicates(Dataset<Row> rows, Dataset<Row> rareKeys) {
    Dataset<Row> overlapping = other(rareKeys.where(col("covered_total").gt(functions.bit_count(col("covered_bits")))));
    Column seenTwice = functions.aggregate(functions.collect_list("covered_bits"),
        struct(lit(0).as("seen"), lit(0).as("twice")),
        (acc, bits) -> struct(acc.getField("seen").bitwiseOR(bits).as("seen"),
            acc.getField("twice").bitwiseOR(acc.getField("seen").bitwiseAND(bits)).as("twice")),
        acc -> acc.getField("twice"));
    Dataset<Row> candidates = rows.where(col("status").equalTo(PopulationChecks.CANDIDATE));
    // Usually no key overlaps: then no row is read again (an empty input makes the joins below empty).
    if (overlapping.isEmpty()) {
      candidates = candidates.limit(0);
    }
    return other(candidates.join(broadcast(overlapping), sameKey(), "left_semi")
        .groupBy(KEY_COLUMNS).agg(seenTwice.as("twice_bits")));
  }

  /** One reject per row holding a duplicate count (with twice_bits), in the population_reject columns. */
  static Dataset<Row> duplicateRejects(Dataset<Row> duplicateRows) {
    Column ages = array_join(functions.filter(functions.sequence(lit(0), lit(PopulationSource.MAX_CHILD_AGE)),
        age -> functions.call_function("shiftright", col("covered_bits").bitwiseAND(col("twice_bits")), age)
            .bitwiseAND(lit(1)).equalTo(1)), ", ");
    return duplicateRows.select(col("source_file"), col("source_line"), col("area_code"), col("fields").as("field"),
        lit(null).cast(DataTypes.StringType).as("raw_value"),
        concat(lit("duplicate: another row also counts this area, sex and year at age(s) "), ages,
            lit(" (two files or two rows for the same year?); keep one row, none of the copies is used")).as("reason"));
  }

  /** The key columns renamed other_*, so a join with the rows they came from names each side plainly. */
  static Dataset<Row> other(Dataset<Row> keyed) {
    for (String column : KEY) {
      keyed = keyed.withColumnRenamed(column, "other_" + column);
    }
    return keyed;
  }

  /** Equality of the key columns with their other_* copies, a null equal to a null (as a group's key). */
  static Column sameKey() {
    Column equal = lit(true);
    for (String column : KEY) {
      equal = equal.and(col(column).eqNullSafe(col("other_" + column)));
    }
    return equal;
  }
}
