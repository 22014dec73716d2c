package lscb.ingest;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_except;
import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.get_json_object;
import static org.apache.spark.sql.functions.is_variant_null;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_entries;
import static org.apache.spark.sql.functions.map_filter;
import static org.apache.spark.sql.functions.map_keys;
import static org.apache.spark.sql.functions.schema_of_variant;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.transform_values;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.try_parse_json;
import static org.apache.spark.sql.functions.try_variant_get;
import static org.apache.spark.sql.functions.when;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import lscb.quality.Problems;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The 2007 Ofsted survey's JSON Lines export, read into the common return-record shape. */
public final class Returns2007Reader {
  private static final DataType TEXT = DataTypes.StringType;
  private static final DataType TEXTS = DataTypes.createArrayType(TEXT);
  private static final DataType TEXT_MAP = DataTypes.createMapType(TEXT, TEXT);
  /** The export's shape; leaves are read as text so each bad value gets its own reason. */
  static final StructType SHAPE = new StructType()
      .add("return_id", TEXT).add("lscb", TEXT).add("submitted", TEXT)
      .add("chair", new StructType().add("type", TEXT).add("post", TEXT).add("boards_chaired", TEXT))
      .add("meetings_per_year", TEXT).add("subgroups", TEXTS).add("executive_group", TEXT)
      .add("members", TEXT_MAP).add("contributing_organisations", TEXT)
      .add("funding", new StructType().add("expenditure_2006_07", TEXT).add("planned_2007_08", TEXT)
          .add("contributions", TEXT_MAP))
      .add("highest_costs", TEXTS).add("lead_member", TEXT).add("chief_executive_contact", TEXT)
      .add("priorities", TEXTS).add("consulted_children", TEXT).add("cdop", TEXT)
      .add("serious_case_reviews", new StructType().add("commissioned", TEXT).add("completed", TEXT))
      .add("performance", new StructType().add("subcommittee", TEXT).add("local_measures", TEXT)
          .add("peer_review", TEXT))
      .add("_corrupt", TEXT);

  /** An ISO 8601 date, optionally with a time and a zone: what `submitted` must look like. */
  private static final String ISO_DATE_TIME =
      "^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?$";
  /** The plausible window for a 2007 survey submission (the shipped returns span Oct-Dec 2007). */
  static final Instant FIRST_SUBMISSION = Instant.parse("2007-01-01T00:00:00Z");
  static final Instant AFTER_LAST = Instant.parse("2009-01-01T00:00:00Z");
  /** A whole-number field, what it counts (for messages), and the most that is plausible for one board. */
  record WholeNumber(String field, String counts, int most) {}

  static final List<WholeNumber> WHOLE_NUMBERS = List.of(
      new WholeNumber("chair.boards_chaired", "boards chaired", 20),
      new WholeNumber("meetings_per_year", "meetings a year", Returns2006Reader.MOST_MEETINGS),
      new WholeNumber("contributing_organisations", "contributing organisations", 1000),
      new WholeNumber("serious_case_reviews.commissioned", "serious case reviews", 100),
      new WholeNumber("serious_case_reviews.completed", "serious case reviews", 100));

  private Returns2007Reader() {}

  /** Parses, harmonises and checks the 2007 records (see {@link RawRecords}). */
  public static Dataset<Row> read(Dataset<Row> records) {
    Dataset<Row> parsed = records.withColumn("j", from_json(col("text"), SHAPE,
        Map.of("mode", "PERMISSIVE", "columnNameOfCorruptRecord", "_corrupt")));
    Column expenditure = Amounts.pounds(col("j.funding.expenditure_2006_07"));
    Column planned = Amounts.pounds(col("j.funding.planned_2007_08"));
    Column contributions = map_filter(transform_values(col("j.funding.contributions"),
        (k, v) -> Amounts.pounds(v)), (k, v) -> v.isNotNull());
    return parsed.select(
        col("survey_year"), col("source_file"), col("source_line"), col("text").as("raw_text"),
        trim(col("j.return_id")).as("return_ref"),
        trim(col("j.lscb")).as("name_as_written"),
        submitted().as("submitted"),
        Checks.code(col("j.chair.type")).as("chair_type"),
        Checks.code(col("j.chair.post")).as("chair_post"),
        Checks.wholeNumber(col("j.chair.boards_chaired")).as("chair_boards_chaired"),
        Checks.wholeNumber(col("j.meetings_per_year")).as("meetings_per_year"),
        filter(col("j.subgroups"), Checks::given).as("subgroups"),
        Checks.yesNo(col("j.executive_group")).as("executive_group"),
        map_filter(transform_values(col("j.members"), (k, v) -> Checks.yesNo(v)), (k, v) -> v.isNotNull())
            .as("members"),
        Checks.wholeNumber(col("j.contributing_organisations")).as("contributing_organisations"),
        expenditure.as("expenditure_2006_07"),
        planned.as("planned_2007_08"),
        contributions.as("contributions"),
        col("j.highest_costs").as("highest_costs"),
        Checks.code(col("j.lead_member")).as("lead_member"),
        Checks.yesNo(col("j.chief_executive_contact")).as("chief_executive_contact"),
        col("j.priorities").as("priorities"),
        Checks.yesNo(col("j.consulted_children")).as("consulted_children"),
        Checks.code(col("j.cdop")).as("cdop"),
        Checks.wholeNumber(col("j.serious_case_reviews.commissioned")).as("scr_commissioned"),
        Checks.wholeNumber(col("j.serious_case_reviews.completed")).as("scr_completed"),
        Checks.yesNo(col("j.performance.subcommittee")).as("performance_subcommittee"),
        Checks.yesNo(col("j.performance.local_measures")).as("performance_local_measures"),
        Checks.yesNo(col("j.performance.peer_review")).as("performance_peer_review"),
        problems(expenditure, planned, contributions).as("problems"));
  }

  /** The submission time: an ISO 8601 date or date-time, parsed with try_cast (never an error), else null. */
  private static Column submitted() {
    Column text = trim(col("j.submitted"));
    return when(text.rlike(ISO_DATE_TIME), text.try_cast(DataTypes.TimestampType));
  }

  /** True when a parsed submission time falls outside the survey's window. */
  private static Column outsideWindow(Column submitted) {
    return submitted.lt(lit(Timestamp.from(FIRST_SUBMISSION))).or(submitted.geq(lit(Timestamp.from(AFTER_LAST))));
  }

  private static Column problems(Column expenditure, Column planned, Column contributions) {
    Problems p = new Problems()
        .when(Checks.given(col("j.return_id")).unary_$bang(), "return_id", col("j.return_id"),
            "return_id is missing; every return needs its survey reference (e.g. O07-0001)")
        .when(Checks.given(col("j.lscb")).unary_$bang(), "lscb", col("j.lscb"),
            "lscb is missing; write the board's name")
        .when(Checks.given(col("j.submitted")).and(submitted().isNull()), "submitted", col("j.submitted"),
            "not a timestamp; write e.g. 2007-11-02T14:31:00Z")
        .when(outsideWindow(submitted()), "submitted", col("j.submitted"),
            "submitted outside 2007-2008, not plausible for the 2007 survey; check the date (e.g. 2007-11-02T14:31:00Z)")
        .when(Checks.unknownCode(col("j.chair.type"), Codes.CHAIR_TYPES), "chair.type", col("j.chair.type"),
            "unknown chair type; use one of " + Codes.listed(Codes.CHAIR_TYPES))
        .when(Checks.unknownCode(col("j.chair.post"), Codes.CHAIR_POSTS), "chair.post", col("j.chair.post"),
            "unknown chair post; use one of " + Codes.listed(Codes.CHAIR_POSTS))
        .when(Checks.unknownCode(col("j.lead_member"), Codes.LEAD_MEMBER), "lead_member", col("j.lead_member"),
            "unknown lead member arrangement; use one of " + Codes.listed(Codes.LEAD_MEMBER))
        .when(Checks.unknownCode(col("j.cdop"), Codes.CDOP), "cdop", col("j.cdop"),
            "unknown child death overview panel status; use one of " + Codes.listed(Codes.CDOP))
        .when(size(coalesce(col("j.priorities"), array())).gt(4), "priorities",
            array_join(col("j.priorities"), ","), "more than four priorities; give the board's top four in rank order")
        .when(size(coalesce(col("j.highest_costs"), array())).gt(4), "highest_costs",
            array_join(col("j.highest_costs"), ","), "more than four highest costs; give up to four")
        .when(size(array_distinct(col("j.priorities"))).lt(size(col("j.priorities"))), "priorities",
            array_join(col("j.priorities"), ","), "a priority is listed twice; list each of the top four once")
        .when(size(array_distinct(col("j.highest_costs"))).lt(size(col("j.highest_costs"))), "highest_costs",
            array_join(col("j.highest_costs"), ","), "a cost item is listed twice; list each once");
    for (WholeNumber n : WHOLE_NUMBERS) {
      Column raw = col("j." + n.field());
      p.when(Checks.notWholeNumber(raw), n.field(), raw, "not a whole number 0 or more; leave out or null if not answered");
      p.when(Checks.implausible(raw, n.most()), n.field(), raw, Checks.implausibleReason(n.counts(), n.most()));
    }
    for (String field : List.of("executive_group", "chief_executive_contact", "consulted_children",
        "performance.subcommittee", "performance.local_measures", "performance.peer_review")) {
      p.when(Checks.notYesNo(col("j." + field)), field, col("j." + field), "not true or false; leave out or null if not answered");
    }
    for (String field : List.of("funding.expenditure_2006_07", "funding.planned_2007_08")) {
      p.when(Amounts.invalid(col("j." + field)), field, col("j." + field), Amounts.reason(col("j." + field)));
    }
    Column budget = coalesce(expenditure, planned);
    Column total = Checks.total(contributions);
    p.when(Checks.exceedsBudget(total, budget), "funding.contributions", total.cast(TEXT),
        Checks.overBudgetReason(total, budget));
    p.all(unknownCodes("priorities", col("j.priorities"), Codes.PRIORITIES, "priority"));
    p.all(unknownCodes("highest_costs", col("j.highest_costs"), Codes.HIGHEST_COSTS, "cost item"));
    p.all(unknownCodes("members", map_keys(col("j.members")), Codes.MEMBERS, "member agency"));
    p.all(unknownCodes("funding.contributions", map_keys(col("j.funding.contributions")), Codes.CONTRIBUTORS,
        "contributor"));
    p.all(badEntries("members", col("j.members"), v -> Checks.notYesNo(v), lit("not true or false")));
    p.all(badEntries("funding.contributions", col("j.funding.contributions"), Amounts::invalid, null));
    Column notJson = when(get_json_object(col("text"), "$").isNull()
        .or(trim(col("text")).startsWith("{").unary_$bang()), array(Problems.problem(lit("(line)"),
        col("text"), lit("the line is not a JSON object that can be read (or nests lists or objects over 1,000 "
            + "deep, or holds a number of over 1,000 digits); each line must be one complete JSON object"))))
        .otherwise(wrongJsonTypes());
    Column fileProblem = array(Problems.problem(lit("(file)"), lit(null), concat(lit("file rejected: "),
        col("file_problem"))));
    return when(col("file_problem").isNotNull(), fileProblem)
        .when(col("j").isNull().or(col("j._corrupt").isNotNull()), notJson)
        .otherwise(p.column());
  }

  /** One problem per field whose JSON type is not the layout's (a list or object where text was given). */
  private static Column wrongJsonTypes() {
    Problems p = new Problems();
    for (String field : List.of("subgroups", "highest_costs", "priorities")) {
      Column found = get_json_object(col("text"), "$." + field);
      p.when(found.isNotNull().and(notJsonType(field, "ARRAY", "[")), field, found,
          field + " must be a JSON list, e.g. [\"A\", \"B\"]");
    }
    for (String field : List.of("chair", "members", "funding", "funding.contributions", "serious_case_reviews",
        "performance")) {
      Column found = get_json_object(col("text"), "$." + field);
      p.when(found.isNotNull().and(notJsonType(field, "OBJECT", "{")), field, found,
          field + " must be a JSON object, e.g. {\"KEY\": value}");
    }
    Column found = p.column();
    return when(org.apache.spark.sql.functions.size(found).gt(0), found).otherwise(array(Problems.problem(
        lit("(line)"), col("text"), lit("a field has the wrong JSON type; compare the line with the 2007 layout"))));
  }

  /**
   * True when the line's {@code field} is given but is not of the JSON {@code type} (ARRAY or OBJECT). The
   * type is read from the parsed line, so a text such as "[a, b" is not taken for a list; a line the variant
   * parser refuses (e.g. a duplicate key) falls back to the value's first character.
   */
  private static Column notJsonType(String field, String type, String opening) {
    Column line = try_parse_json(col("text"));
    Column value = try_variant_get(line, "$." + field, "variant");
    Column parsedType = schema_of_variant(value);
    return when(line.isNotNull(), value.isNotNull().and(is_variant_null(value).unary_$bang())
            .and(parsedType.startsWith(type).unary_$bang()))
        .otherwise(get_json_object(col("text"), "$." + field).startsWith(opening).unary_$bang());
  }

  /** One problem per value of {@code values} that is not in {@code codes}. */
  private static Column unknownCodes(String field, Column values, List<String> codes, String what) {
    Column unknown = array_except(coalesce(values, array().cast(TEXTS)), Checks.arrayOf(codes));
    return transform(unknown, v -> Problems.problem(lit(field), v,
        lit("unknown " + what + " code; use one of " + Codes.listed(codes))));
  }

  /** One problem per map entry whose value is bad. */
  private static Column badEntries(String field, Column map,
      java.util.function.Function<Column, Column> bad, Column fixedReason) {
    Column entries = filter(coalesce(map_entries(map), array().cast(
        DataTypes.createArrayType(new StructType().add("key", TEXT).add("value", TEXT)))),
        e -> bad.apply(e.getField("value")));
    return transform(entries, e -> Problems.problem(concat(lit(field + "."), e.getField("key")),
        e.getField("value"), fixedReason != null ? fixedReason : Amounts.reason(e.getField("value"))));
  }
}
