package lscb.population;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/** The checks on population lines and cells: what is out of scope, what is rejected and why. */
public final class PopulationChecks {
  /** Codes that are not local areas of England: other nations, UK/GB totals, England, regions, aggregates. */
  static final String OUT_OF_SCOPE_CODE = "^([WSNKLM][0-9]{8}|E92[0-9]{6}|E12[0-9]{6}|E11[0-9]{6}|E13[0-9]{6})$";

  /**
   * The most children of one age and sex in one area that is plausible (all England has some 330,000):
   * a larger count is rejected, which also keeps every sum of counts far from overflowing.
   */
  static final long PLAUSIBLE_COUNT = 1_000_000L;

  /** Line status values. */
  static final String REJECTED = "rejected";
  static final String OUT_OF_SCOPE = "out_of_scope";
  static final String CANDIDATE = "candidate";

  private PopulationChecks() {}

  /**
   * Adds to each line: sex (M, F or P), line_age (long layout), line_year (Nomis layout), status
   * (rejected, out_of_scope or candidate) and problems (field, raw_value, reason) for a rejected line (null for others); the raw
   * field columns, needed only for those messages, are dropped.
   *
   * @param areaCodes the crosswalk's distinct area codes (one column, area_code)
   */
  public static Dataset<Row> classify(Dataset<Row> lines, Dataset<Row> areaCodes) {
    Dataset<Row> known = broadcast(areaCodes.select(col("area_code").as("known_code")).distinct());
    Column sexText = lower(trim(col("sex_raw")));
    Column sex = when(col("sex_field").isNull(), lit("P"))
        .when(sexText.isin("1", "m", "male", "males"), lit("M"))
        .when(sexText.isin("2", "f", "female", "females"), lit("F"))
        .when(sexText.isin("p", "persons", "all persons", "all"), lit("P"));
    Column ageDigits = functions.regexp_extract(col("age_raw"), "^([0-9]{1,3})\\+?$", 1);
    Column age = when(ageDigits.notEqual(""), ageDigits.try_cast(DataTypes.IntegerType));
    // A blank or unreadable age is not ok (null would let the line through with no age, silently unused).
    Column ageOk = col("age_field").isNull().or(functions.coalesce(age.between(0, 90), lit(false)));
    Column yearDigits = functions.regexp_extract(col("year_raw"), "^(19[0-9]{2}|20[0-9]{2})$", 1);
    Column year = when(yearDigits.notEqual(""), yearDigits.try_cast(DataTypes.IntegerType));
    Column yearOk = col("year_field").isNull().or(year.isNotNull());
    Column scope = when(col("known_code").isNotNull(), lit("in"))
        .when(col("area_code").rlike(OUT_OF_SCOPE_CODE), lit("out"))
        .otherwise(lit("unknown"));
    Column unknownArea = problem(col("code_field"), col("area_code"), functions.concat_ws("",
        when(col("area_code").isNull().or(col("area_code").equalTo("")),
            lit("no area code on this line (a note or total row?); give each data line its ONS area code"))
            .otherwise(concat(lit("unknown area code "), col("area_code"),
                lit(": it is not in data/reference/area_crosswalk.csv and is not a country, region or other"
                    + " aggregate code; add it there with the 2006/07 council it belongs to")))));
    Column badSex = problem(col("sex_field"), col("sex_raw"), concat(lit("sex '"),
        functions.coalesce(col("sex_raw"), lit("")), lit("' is not 1 (male) or 2 (female); fix the value")));
    Column badAge = problem(col("age_field"), col("age_raw"), concat(lit("age '"),
        functions.coalesce(col("age_raw"), lit("")), lit("' is not a whole number 0-90 (90 or 90+ for 90 and over)")));
    Column badYear = problem(col("year_field"), col("year_raw"), concat(lit("year '"),
        functions.coalesce(col("year_raw"), lit("")), lit("' is not a mid-year such as 2006; fix the value")));
    Column inScope = col("scope").equalTo("in");
    Column unknown = col("scope").equalTo("unknown");
    Column sexBad = inScope.and(col("sex").isNull());
    Column ageBad = inScope.and(functions.not(col("age_ok")));
    Column yearBad = inScope.and(functions.not(col("year_ok")));
    // The messages are built only for the few lines that need them (null for every other line).
    Column problems = when(col("rejected"), functions.filter(array(
            when(unknown, unknownArea), when(sexBad, badSex), when(ageBad, badAge), when(yearBad, badYear)),
        Column::isNotNull));
    Column status = when(col("rejected"), lit(REJECTED))
        .when(col("scope").equalTo("out").or(col("line_age").gt(PopulationSource.MAX_CHILD_AGE)), lit(OUT_OF_SCOPE))
        .otherwise(lit(CANDIDATE));
    return lines.join(known, lines.col("area_code").equalTo(known.col("known_code")), "left")
        .withColumn("sex", sex)
        .withColumn("line_age", when(ageOk, age))
        .withColumn("age_ok", ageOk)
        .withColumn("line_year", year)
        .withColumn("year_ok", yearOk)
        .withColumn("scope", scope)
        .withColumn("rejected", unknown.or(sexBad).or(ageBad).or(yearBad))
        .withColumn("problems", problems)
        .withColumn("status", status)
        .drop("known_code", "age_ok", "year_ok", "scope", "rejected", "code_field", "sex_field", "sex_raw",
            "age_field", "age_raw", "year_field", "year_raw");
  }

  /** The rejects of rejected lines: one row per problem, in the population_reject columns. */
  public static Dataset<Row> lineRejects(Dataset<Row> classified) {
    return classified.where(col("status").equalTo(REJECTED))
        .select(col("source_file"), col("source_line"), col("area_code"),
            functions.explode(col("problems")).as("p"))
        .select(col("source_file"), col("source_line"), col("area_code"), col("p.field").as("field"),
            col("p.raw_value").as("raw_value"), col("p.reason").as("reason"));
  }

  /**
   * Checks each cell's count: adds count (long, null when bad) and reason (why it is bad), and
   * marks cells whose area (small area, where rows are LSOAs), sex, age and year appear more than
   * once as duplicates.
   */
  public static Dataset<Row> checkCells(Dataset<Row> cells) {
    Column text = trim(col("raw_value"));
    Column plain = when(text.rlike("^[0-9]{1,3}(,[0-9]{3})+$"), functions.regexp_replace(text, ",", ""))
        .otherwise(text);
    Column parsed = when(plain.rlike("^[0-9]{1,15}$"), plain.try_cast(DataTypes.LongType));
    Column count = when(parsed.leq(PLAUSIBLE_COUNT), parsed);
    Column reason = when(text.isNull().or(text.equalTo("")),
            lit("no count for this child age: the cell is blank; enter the count (0 if none)"))
        .when(text.equalTo("-"), lit("no count for this child age: '-' (not available in the source); the area is"
            + " left out of that year's figures"))
        .when(text.rlike("^-[0-9.,]+$"), lit("negative count: a population cannot be below 0; fix the value"))
        .when(parsed.isNull(), lit("count is not a whole number; fix the value (digits only)"))
        .when(count.isNull(), lit(String.format(java.util.Locale.ROOT, "count over %,d children of one age and"
            + " sex in one area is not plausible (England has under 400,000); fix the value", PLAUSIBLE_COUNT)));
    Dataset<Row> checked = cells.withColumn("count", count).withColumn("reason", reason);
    // Copies are counted per key and joined back (normally few, so broadcast): a window over every
    // cell would sort them all.
    String[] key = {"area_code", "small_area", "sex", "age", "year"};
    Dataset<Row> copies = cells.groupBy(Stream.of(key).map(functions::col).toArray(Column[]::new))
        .agg(functions.count(lit(1)).as("copies")).where(col("copies").gt(1));
    Column duplicate = concat(lit("duplicate: this area, sex, age and year appears "), col("copies").cast("string"),
        lit(" times (two files or two rows for the same year?); keep one row, none of the copies is used"));
    return checked.join(copies, nullSafe(checked, copies, key), "left")
        .select(Stream.concat(Stream.of(checked.columns()).filter(c -> !c.equals("reason")).map(checked::col),
            Stream.of(when(checked.col("reason").isNull().and(col("copies").isNotNull()), duplicate)
                .otherwise(checked.col("reason")).as("reason"))).toArray(Column[]::new));
  }

  /** Equality of the key columns of two datasets, a null equal to a null (as a window's partition). */
  private static Column nullSafe(Dataset<Row> left, Dataset<Row> right, String[] key) {
    Column equal = lit(true);
    for (String column : key) {
      equal = equal.and(left.col(column).eqNullSafe(right.col(column)));
    }
    return equal;
  }

  /** The rejects of bad cells, in the population_reject columns. */
  public static Dataset<Row> cellRejects(Dataset<Row> checkedCells) {
    return checkedCells.where(col("reason").isNotNull()).select(col("source_file"), col("source_line"),
        col("area_code"), col("field"), col("raw_value"), col("reason"));
  }

  private static Column problem(Column field, Column raw, Column reason) {
    return struct(functions.coalesce(field, lit("")).as("field"), raw.as("raw_value"), reason.as("reason"));
  }
}
