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

import java.util.List;
import lscb.population.PopulationSource.CountColumn;
import lscb.population.PopulationSource.Layout;
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
    Column tooWide = problem(lit("(line)"), col("wide_text"), lit(String.format(java.util.Locale.ROOT, "the line has"
        + " %,d commas or more, so cannot be read as CSV (several lines run together, or a field that should be"
        + " quoted?); fix the line", PopulationReader.MOST_FIELDS)));
    Column inScope = col("scope").equalTo("in");
    Column unknown = col("scope").equalTo("unknown");
    Column sexBad = inScope.and(col("sex").isNull());
    Column ageBad = inScope.and(functions.not(col("age_ok")));
    Column yearBad = inScope.and(functions.not(col("year_ok")));
    // The messages are built only for the few lines that need them (null for every other line). No lambda
    // (filter): Spark runs a projection holding one outside the line stage's generated code, copying every
    // line into a row of its own (measured: seconds at 120M values).
    Column problems = when(col("too_wide"), array(tooWide)).when(col("rejected"), concat(
        onlyIf(unknown, unknownArea), onlyIf(sexBad, badSex), onlyIf(ageBad, badAge), onlyIf(yearBad, badYear)));
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
        .withColumn("rejected", col("too_wide").or(unknown).or(sexBad).or(ageBad).or(yearBad))
        .withColumn("problems", problems)
        .withColumn("status", status)
        .drop("known_code", "age_ok", "year_ok", "scope", "rejected", "code_field", "sex_field", "sex_raw",
            "age_field", "age_raw", "year_field", "year_raw", "too_wide", "wide_text");
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
   * Checks every count of each classified line inside the line, without a row per cell: one row per
   * line and year it counts (a long file's line has a count per year column; a line of every other
   * layout counts one year), adding year, fields (the label of the row's count columns), covered_bits
   * and good_bits (the ages 0-17 the row has a column for and a usable count for, as bits of an int),
   * children (the sum of its usable counts), bad_cells (field, raw_value and reason of each unusable
   * count; null when none) and first (true on the line's first row, so lines are counted once). A
   * rejected or out-of-scope line keeps one row, with no year and no counts. The lines may be of several
   * files of the same shape as {@code source} (layout and count columns).
   */
  public static Dataset<Row> countRows(Dataset<Row> classified, PopulationSource source) {
    Dataset<Row> rows = source.layout() == Layout.LONG ? perYear(classified, source.counts())
        : perLine(classified, source);
    Column candidate = col("status").equalTo(CANDIDATE);
    return rows.select(col("source_file"), col("source_line"), col("layout"), col("area_code"), col("small_area"),
        col("sex"), col("status"), col("problems"), when(candidate, col("row_year")).as("year"),
        col("geography"), col("file_no"), col("fields"),
        when(candidate, col("row_covered")).otherwise(lit(0)).as("covered_bits"),
        when(candidate, col("row_good")).otherwise(lit(0)).as("good_bits"),
        when(candidate, col("row_children")).otherwise(lit(0L)).as("children"),
        when(candidate, col("row_bad")).as("bad_cells"), col("first"));
  }

  /**
   * A line of one year (wide, small-area and Nomis layouts): its child-age counts checked and summed in
   * the line by one function ({@link CountCells}), only for candidate lines.
   */
  private static Dataset<Row> perLine(Dataset<Row> classified, PopulationSource source) {
    List<CountColumn> counts = source.counts();
    Column year = source.layout() == Layout.NOMIS ? col("line_year") : col("file_year");
    int covered = 0;
    Column[] cells = new Column[counts.size()];
    for (int i = 0; i < counts.size(); i++) {
      covered |= 1 << counts.get(i).age();
      cells[i] = col("c" + i);
    }
    CountCells check = new CountCells(counts.stream().mapToInt(CountColumn::age).toArray(),
        counts.stream().map(CountColumn::label).toArray(String[]::new));
    String fields = counts.isEmpty() ? "" : counts.size() == 1 ? counts.get(0).label()
        : counts.get(0).label() + " to " + counts.get(counts.size() - 1).label();
    return classified.withColumn("check", when(col("status").equalTo(CANDIDATE), check.check(array(cells))))
        .select(col("*"), year.cast(DataTypes.IntegerType).as("row_year"), lit(fields).as("fields"),
            lit(covered).as("row_covered"), functions.coalesce(col("check.good"), lit(0)).as("row_good"),
            functions.coalesce(col("check.children"), lit(0L)).as("row_children"),
            col("check.bad").as("row_bad"), lit(true).as("first"));
  }

  /**
   * A long file's line (one area, sex and age): a row per year column, each with its one count checked
   * (a rejected or out-of-scope line: its first column's row only).
   */
  private static Dataset<Row> perYear(Dataset<Row> classified, List<CountColumn> counts) {
    Column[] values = new Column[counts.size()];
    for (int i = 0; i < counts.size(); i++) {
      values[i] = struct(lit(i == 0).as("first"), lit(counts.get(i).year()).as("year"),
          lit(counts.get(i).label()).as("fields"), col("c" + i).as("raw"));
    }
    Column perColumn = when(col("status").equalTo(CANDIDATE), array(values)).otherwise(array(values[0]));
    Dataset<Row> cells = classified.select(col("source_file"), col("source_line"), col("layout"), col("area_code"),
            col("small_area"), col("sex"), col("status"), col("problems"), col("line_age"), col("geography"),
            col("file_no"), functions.explode(perColumn).as("cell"))
        .select(col("*"), col("cell.raw").as("c0"));
    Column bit = functions.call_function("shiftleft", lit(1), functions.coalesce(col("line_age"), lit(0)));
    CountCells check = new CountCells(new int[] {0}, new String[] {null});
    Column reason = functions.element_at(col("check.bad"), 1).getField("reason");
    return cells.withColumn("check", when(col("status").equalTo(CANDIDATE), check.check(array(col("c0")))))
        .select(col("*"), col("cell.year").as("row_year"), col("cell.fields").as("fields"),
            bit.as("row_covered"), when(col("check.bad").isNull(), bit).otherwise(lit(0)).as("row_good"),
            functions.coalesce(col("check.children"), lit(0L)).as("row_children"),
            when(col("check.bad").isNotNull(), array(badCell(col("cell.fields"), col("c0"), reason))).as("row_bad"),
            col("cell.first").as("first"));
  }

  private static Column badCell(Column field, Column raw, Column reason) {
    return struct(field.as("field"), raw.as("raw_value"), reason.as("reason"));
  }

  /** The rejects of unusable counts, one per cell, in the population_reject columns. */
  public static Dataset<Row> cellRejects(Dataset<Row> rows) {
    return rows.where(col("bad_cells").isNotNull())
        .select(col("source_file"), col("source_line"), col("area_code"), functions.explode(col("bad_cells")).as("b"))
        .select(col("source_file"), col("source_line"), col("area_code"), col("b.field").as("field"),
            col("b.raw_value").as("raw_value"), col("b.reason").as("reason"));
  }

  /** An array of the problem when the condition holds, else an empty one. */
  private static Column onlyIf(Column condition, Column problem) {
    return functions.array_repeat(problem, when(condition, lit(1)).otherwise(lit(0)));
  }

  private static Column problem(Column field, Column raw, Column reason) {
    return struct(functions.coalesce(field, lit("")).as("field"), raw.as("raw_value"), reason.as("reason"));
  }
}
