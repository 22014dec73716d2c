package lscb.ingest;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.from_csv;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.map_filter;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lscb.quality.Problems;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The 2006 DfES review survey's CSV export, read into the common return-record shape. */
public final class Returns2006Reader {
  /** The header every 2006 file starts with. */
  public static final String HEADER = String.join(",", Codes.COLUMNS_2006);
  private static final List<String> AMOUNT_COLUMNS = List.of("Budget 2006-07", "LA contribution",
      "PCT contribution", "Police contribution", "Other contributions");

  /** The most meetings a year that is plausible (weekly), as in the 2007 reader. */
  static final int MOST_MEETINGS = 52;

  private Returns2006Reader() {}

  /**
   * The most fields the CSV parser splits a row into (Spark's default, made explicit): a row with more
   * makes it throw instead of marking the row corrupt, so such a row is never given to it.
   */
  static final int MOST_FIELDS = 20_480;

  /** Parses, harmonises and checks the 2006 records (see {@link RawRecords}). */
  public static Dataset<Row> read(Dataset<Row> records) {
    StructType fields = new StructType();
    for (int i = 0; i < Codes.COLUMNS_2006.size(); i++) {
      fields = fields.add("c" + i, DataTypes.StringType);
    }
    fields = fields.add("_corrupt", DataTypes.StringType);
    Dataset<Row> parsed = records.withColumn("too_wide", tooWide(col("text")))
        .withColumn("f", from_csv(when(col("too_wide").unary_$bang(), col("text")), lit(fields.toDDL()), Map.of(
            "mode", "PERMISSIVE", "columnNameOfCorruptRecord", "_corrupt", "quote", "\"", "escape", "\"",
            "ignoreLeadingWhiteSpace", "false", "ignoreTrailingWhiteSpace", "false",
            "maxColumns", String.valueOf(MOST_FIELDS))));
    return parsed.select(typed().toArray(Column[]::new)).select(canonical().toArray(Column[]::new));
  }

  /** True when a row has {@link #MOST_FIELDS} commas or more, so might split into more fields than that. */
  private static Column tooWide(Column text) {
    Column commas = length(text).minus(length(regexp_replace(text, ",", "")));
    return length(text).geq(MOST_FIELDS).and(commas.geq(MOST_FIELDS));
  }

  /** Step 1: each raw field once, and each value parsed once (they are referenced many times later). */
  private static List<Column> typed() {
    List<Column> out = new ArrayList<>(List.of(col("survey_year"), col("source_file"), col("source_line"),
        col("text"), col("file_problem"), col("too_wide"), col("f._corrupt").as("corrupt")));
    for (String column : Codes.COLUMNS_2006) {
      out.add(raw(column).as(rawName(column)));
    }
    out.add(Checks.lookup(Codes.CHAIR_TYPE_2006, raw("Chair Type")).as("chair_type"));
    out.add(Checks.wholeNumber(raw("Meetings per year")).as("meetings_per_year"));
    for (String column : AMOUNT_COLUMNS) {
      out.add(Amounts.pounds(raw(column)).as(valueName(column)));
    }
    for (String column : Codes.MEMBER_COLUMNS_2006.keySet()) {
      out.add(Checks.yesNo(raw(column)).as(valueName(column)));
    }
    return out;
  }

  /** Step 2: the common return-record columns and the problems. */
  private static List<Column> canonical() {
    Column contributions = contributions();
    return List.of(
        col("survey_year"), col("source_file"), col("source_line"), col("text").as("raw_text"),
        trimmed("Ref").as("return_ref"),
        trimmed("LSCB Name").as("name_as_written"),
        trimmed("Region").as("region_as_written"),
        col("chair_type"),
        chairPost().as("chair_post"),
        trimmed("Chair Post").as("chair_post_as_written"),
        col("meetings_per_year"),
        value("Budget 2006-07").as("budget_2006_07"),
        contributions.as("contributions"),
        members().as("members"),
        problems(contributions).as("problems"));
  }

  private static Column raw(String column) {
    return col("f.c" + Codes.COLUMNS_2006.indexOf(column));
  }

  private static String rawName(String column) {
    return "raw_" + Codes.COLUMNS_2006.indexOf(column);
  }

  private static String valueName(String column) {
    return "value_" + Codes.COLUMNS_2006.indexOf(column);
  }

  private static Column given(String column) {
    return col(rawName(column));
  }

  private static Column value(String column) {
    return col(valueName(column));
  }

  private static Column trimmed(String column) {
    Column value = trim(given(column));
    return when(Checks.given(value), value);
  }

  private static Column chairPost() {
    Column post = regexp_replace(lower(trim(given("Chair Post"))), "\\s+", " ");
    Column chairType = col("chair_type");
    return when(Checks.given(post).unary_$bang(), lit(null).cast(DataTypes.StringType))
        .when(post.rlike("chief exec"), lit("CHIEF_EXECUTIVE"))
        .when(post.rlike("director of children|\\bdcs\\b"), lit("DIRECTOR_OF_CHILDRENS_SERVICES"))
        .when(post.rlike("independent"), lit("INDEPENDENT"))
        .when(chairType.equalTo("LOCAL_AUTHORITY"), lit("LA_OTHER_OFFICER"))
        .when(chairType.equalTo("OTHER_STATUTORY"), lit("STATUTORY_PARTNER_OFFICER"))
        .when(chairType.equalTo("INDEPENDENT"), lit("INDEPENDENT"));
  }

  private static Column contributions() {
    return codedMap(Codes.CONTRIBUTION_COLUMNS_2006);
  }

  private static Column members() {
    return codedMap(Codes.MEMBER_COLUMNS_2006);
  }

  /** A map from the 2007 code to the parsed value of each 2006 column answered. */
  private static Column codedMap(Map<String, String> columnCodes) {
    List<Column> entries = new ArrayList<>();
    columnCodes.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(e -> {
      entries.add(lit(e.getValue()));
      entries.add(value(e.getKey()));
    });
    return map_filter(org.apache.spark.sql.functions.map(entries.toArray(Column[]::new)), (k, v) -> v.isNotNull());
  }

  private static Column problems(Column contributions) {
    Problems p = new Problems()
        .when(Checks.given(given("Ref")).unary_$bang(), "Ref", given("Ref"),
            "Ref is missing; every return needs its survey reference (e.g. D06-017)")
        .when(Checks.given(given("LSCB Name")).unary_$bang(), "LSCB Name", given("LSCB Name"),
            "LSCB Name is missing; write the board's name")
        .when(Checks.given(given("Chair Type")).and(col("chair_type").isNull()), "Chair Type", given("Chair Type"),
            "not a known chair type; use Local authority, Other statutory partner or Independent")
        .when(Checks.given(given("Meetings per year")).and(col("meetings_per_year").isNull()), "Meetings per year",
            given("Meetings per year"), "not a whole number of meetings; write e.g. 6, or leave blank if not answered")
        .when(Checks.implausible(given("Meetings per year"), MOST_MEETINGS), "Meetings per year",
            given("Meetings per year"), Checks.implausibleReason("meetings a year", MOST_MEETINGS));
    for (String column : AMOUNT_COLUMNS) {
      p.when(Checks.given(given(column)).and(value(column).isNull()), column, given(column),
          Amounts.reason(given(column)));
    }
    for (String column : Codes.MEMBER_COLUMNS_2006.keySet().stream().sorted().toList()) {
      p.when(Checks.given(given(column)).and(value(column).isNull()), column, given(column),
          "not Y, N, Yes or No; leave blank if not answered");
    }
    Column total = Checks.total(contributions);
    Column budget = value("Budget 2006-07");
    p.when(Checks.exceedsBudget(total, budget), "Budget 2006-07", given("Budget 2006-07"),
        Checks.overBudgetReason(total, budget));
    Column wrongShape = array(Problems.problem(lit("(row)"), col("text"), lit("the row does not have the "
        + Codes.COLUMNS_2006.size() + " fields of the 2006 layout (an unquoted comma, or a missing field?); "
        + "quote fields that contain commas")));
    Column tooWide = array(Problems.problem(lit("(row)"), col("text").substr(1, 200), lit(String.format(
        java.util.Locale.ROOT, "the row has %,d commas or more, so cannot be read as CSV; a 2006 row has %d fields "
            + "(is it several rows run together, or a field that should be quoted?)", MOST_FIELDS,
        Codes.COLUMNS_2006.size()))));
    Column fileProblem = array(Problems.problem(lit("(file)"), lit(null), concat(lit("file rejected: "),
        col("file_problem"))));
    return when(col("file_problem").isNotNull(), fileProblem)
        .when(col("too_wide"), tooWide)
        .when(col("corrupt").isNotNull(), wrongShape)
        .otherwise(p.column());
  }
}
