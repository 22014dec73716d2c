package lscb.population;

import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;

/**
 * From good cells to under-18 totals: per area and year (complete or not), then per 2006/07
 * council through the crosswalk, then board and region; every gap becomes a reject. The small
 * per-area and per-council aggregates are checkpointed so the outputs do not recompute the cells.
 */
public final class PopulationTotals {
  private PopulationTotals() {}

  /**
   * The results of one aggregation: the three tables, the rejects found on the way, the areas used,
   * the council-years that rest on a fixed share of a merged area, and the areas whose counts no
   * council could use because an area they need cannot be split back (area_code; on 2019+ geography
   * BCP, and Dorset's E06000059, whose county also needs Christchurch out of BCP), the lines
   * holding a duplicate count (source_file, source_line, area_code), and the candidate lines per file
   * and area (source_file, layout, area_code, lines).
   */
  public record Totals(Dataset<Row> councils, Dataset<Row> boards, Dataset<Row> regions,
      Dataset<Row> rejects, Dataset<Row> usedAreas, Dataset<Row> apportioned, Dataset<Row> inseparableAreas,
      Dataset<Row> duplicateLines, Dataset<Row> candidateLines) {}

  /**
   * Aggregates checked count rows (see PopulationChecks#countRows; status, area_code, small_area, sex,
   * year, file_no, geography, covered_bits, good_bits, children), as summed per area in {@code summary}
   * (see CountKeys#summary; the rows are read again only for its rare keys), into the tables; an area
   * made of small areas is complete when each of them is, so a small area whose every count was
   * rejected (a repeated row, a row of blanks) leaves its area incomplete instead of silently smaller.
   * Ages that two rows of one area, small area, sex and year both count are duplicates: no copy is used.
   *
   * @param sources the source files, by file_no
   * @param folder the population location, named in rejects that belong to no one line
   * @param codesGiveGeography some file's geography is inferred from its codes (a Nomis export, see
   *     {@link #inferGeography})
   * @param storage where the checkpointed aggregates are kept (disk for large inputs)
   */
  public static Totals of(Dataset<Row> summary, Dataset<Row> rows, List<PopulationSource> sources,
      AreaCrosswalk crosswalk, String folder, boolean codesGiveGeography, StorageLevel storage) {
    Column childAges = functions.sequence(lit(0), lit(PopulationSource.MAX_CHILD_AGE));
    Column allAges = lit(CountKeys.ALL_AGES);
    Dataset<Row> rareKeys = summary.where(col("rare"));
    Dataset<Row> duplicates = CountKeys.duplicates(rows, rareKeys);
    Column twice = functions.coalesce(col("twice_bits"), lit(0));
    Column fileName = byFileNo(sources.stream().map(PopulationSource::fileName).toList());
    // Only a rare key can miss an age: every other key counts each child age once.
    Dataset<Row> groups = rareKeys.join(broadcast(duplicates), CountKeys.sameKey(), "left")
        .select(Stream.concat(Stream.of(CountKeys.KEY_COLUMNS), Stream.of(
            col("good_bits").bitwiseAND(functions.bitwise_not(twice)).as("age_bits"), col("children"),
            col("file_no"), col("geography"))).toArray(Column[]::new));
    // The ages are listed only where one is missing, on the few such keys: a lambda per row and age costs
    // seconds at scale.
    Column missing = functions.filter(childAges,
        age -> functions.call_function("shiftright", col("age_bits"), age).bitwiseAND(lit(1)).equalTo(0));
    Dataset<Row> missingAges = groups.where(col("age_bits").notEqual(allAges))
        .withColumn("missing", missing).select(
        fileName.as("source_file"), noLine(), col("area_code"), lit("age").as("field"),
        array_join(col("missing"), ",").as("raw_value"),
        concat(col("area_code"), when(col("small_area").notEqual(col("area_code")),
                concat(lit(" small area "), col("small_area"))).otherwise(lit("")),
            lit(", sex "), col("sex"), lit(", mid-"), col("year").cast("string"),
            lit(": no usable count for age(s) "), array_join(col("missing"), ", "),
            lit(" (every age 0-17 is needed; see this area's other rejects); the area is left out of that"
                + " year's figures")).as("reason"));

    Dataset<Row> areaYears = summary.groupBy("area_code", "year").agg(
        functions.bit_or(col("sex_bits")).as("sex_bits"), functions.bool_and(col("ages_complete")).as("ages_complete"),
        functions.sum("children").as("children"), functions.min("file_no").as("file_no"),
        functions.max("geography").as("geography"))
        .select(col("area_code"), col("year"), functions.filter(functions.array(lit("F"), lit("M"), lit("P")),
                (sex, i) -> functions.call_function("shiftright", col("sex_bits"), i).bitwiseAND(lit(1)).equalTo(1))
            .as("sexes"), col("ages_complete"), col("children"), fileName.as("source_file"), col("geography"))
        .localCheckpoint(true, storage); // one row per area and year, read by most of what follows
    Column sexesOk = col("sexes").equalTo(functions.array(lit("F"), lit("M")))
        .or(col("sexes").equalTo(functions.array(lit("P"))));
    Dataset<Row> badSexes = areaYears.where(functions.not(sexesOk)).select(col("source_file"), noLine(),
        col("area_code"), lit("sex").as("field"), array_join(col("sexes"), ",").as("raw_value"),
        concat(col("area_code"), lit(", mid-"), col("year").cast("string"), lit(": counts for sex "),
            array_join(col("sexes"), " and "), lit(" only; both males (1) and females (2) are needed, or"
                + " persons only; the area is left out of that year's figures")).as("reason"));
    Dataset<Row> areaStatus = areaYears.withColumn("ok", col("ages_complete").and(sexesOk));
    if (codesGiveGeography) {
      areaStatus = inferGeography(areaStatus, crosswalk);
    }

    Dataset<Row> chosen = areaStatus.join(broadcast(crosswalk.areas()), "area_code")
        .withColumn("best", functions.min("rank").over(Window.partitionBy("council_code", "year")))
        .where(col("rank").equalTo(col("best")))
        .localCheckpoint(true, storage); // the areas each council-year rests on: read by five queries
    Dataset<Row> councilYears = chosen.groupBy("council_code", "year").agg(
            functions.bool_and(col("ok")).as("areas_ok"),
            functions.round(functions.sum(col("children").cast(DataTypes.createDecimalType(20, 0))
                .multiply(col("share"))), 0).cast(DataTypes.LongType).as("children_under_18"),
            functions.array_join(functions.array_sort(functions.collect_set(
                when(functions.not(col("ok")), col("area_code")))), ", ").as("bad_areas"),
            functions.array_join(functions.array_sort(functions.collect_set(
                when(col("method").equalTo(AreaCrosswalk.INSEPARABLE), col("area_code")))), ", ")
                .as("inseparable_areas"))
        .join(missingParts(chosen, crosswalk), new String[] {"council_code", "year"}, "left")
        .withColumn("ok", col("areas_ok").and(col("missing_parts").isNull()).and(col("inseparable_areas").equalTo("")))
        .localCheckpoint(true, storage);
    Dataset<Row> councilInfo = crosswalk.councils();
    Column why = functions.concat_ws("; ",
        when(col("bad_areas").notEqual(""), concat(lit("area(s) "), col("bad_areas"),
            lit(" are incomplete (see their rejects)"))),
        when(col("missing_parts").isNotNull(), concat(lit("its part(s) "), col("missing_parts"),
            lit(" of the "), col("geography").cast("string"), lit(" geography (data/reference/area_crosswalk.csv)"
                + " are not in the data; add them"))),
        when(col("inseparable_areas").notEqual(""), concat(lit("its children are counted inside "),
            col("inseparable_areas"), lit(" together with another 2006/07 council's (Christchurch, a Dorset district"
                + " in 2006/07, is part of Bournemouth, Christchurch and Poole since 2019), and the file cannot"
                + " separate them; no split is invented. Supply a real split or a file on 2018 or earlier"
                + " boundaries (data/reference/CROSSWALK.md)"))));
    Dataset<Row> incomplete = councilYears.where(functions.not(col("ok")))
        .join(broadcast(councilInfo), "council_code")
        .select(lit(folder).as("source_file"), noLine(), col("council_code").as("area_code"),
            lit("children_under_18").as("field"), lit(null).cast(DataTypes.StringType).as("raw_value"),
            concat(col("council_name"), lit(" ("), col("council_code"), lit(") mid-"), col("year").cast("string"),
                lit(" is left out (and so are its board and region for that year): "), why).as("reason"));
    Dataset<Row> years = areaStatus.select("year").distinct();
    Dataset<Row> absent = councilInfo.crossJoin(years)
        .join(councilYears.select("council_code", "year"), new String[] {"council_code", "year"}, "left_anti")
        .groupBy("council_code", "council_name")
        .agg(array_join(functions.array_sort(functions.collect_list("year")), ", ").as("years"))
        .select(lit(folder).as("source_file"), noLine(), col("council_code").as("area_code"),
            lit("children_under_18").as("field"), col("years").as("raw_value"),
            concat(col("council_name"), lit(" ("), col("council_code"), lit("): no rows for mid-"), col("years"),
                lit(", neither its own code nor an area that data/reference/area_crosswalk.csv maps to it;"
                    + " add its rows (or its districts')")).as("reason"));

    Dataset<Row> councils = councilYears.where(col("ok")).join(councilInfo, "council_code")
        .select("year", "council_code", "council_name", "board_code", "region_code", "region_name",
            "children_under_18");
    Dataset<Row> boardSize = councilInfo.groupBy("board_code").agg(functions.count(lit(1)).as("expected"));
    Dataset<Row> boards = councils.groupBy("board_code", "year").agg(
            functions.count(lit(1)).as("present"), functions.sum("children_under_18").as("children_under_18"))
        .join(boardSize, "board_code").where(col("present").equalTo(col("expected")))
        .join(crosswalk.boards(), "board_code")
        .select("year", "board_code", "board_name", "region_code", "region_name", "children_under_18");
    Dataset<Row> regionSize = crosswalk.boards().groupBy("region_code", "region_name")
        .agg(functions.count(lit(1)).as("expected"));
    Dataset<Row> regions = boards.groupBy("region_code", "year").agg(
            functions.count(lit(1)).as("present"), functions.sum("children_under_18").as("children_under_18"))
        .join(regionSize, "region_code").where(col("present").equalTo(col("expected")))
        .select("year", "region_code", "region_name", "children_under_18");

    Dataset<Row> duplicateRows = rows.where(col("status").equalTo(PopulationChecks.CANDIDATE))
        .join(broadcast(duplicates), CountKeys.sameKey())
        .where(col("covered_bits").bitwiseAND(col("twice_bits")).notEqual(0));
    Dataset<Row> rejects = missingAges.unionByName(badSexes).unionByName(incomplete).unionByName(absent)
        .unionByName(CountKeys.duplicateRejects(duplicateRows));
    Dataset<Row> usedAreas = chosen.select("area_code").distinct();
    Dataset<Row> apportioned = chosen.where(col("method").equalTo("apportioned"))
        .select("council_code", "year").distinct();
    Dataset<Row> blocked = councilYears.where(col("inseparable_areas").notEqual(""))
        .select(col("council_code"), col("year"), lit(true).as("blocked"));
    Dataset<Row> inseparableAreas = chosen.join(blocked, new String[] {"council_code", "year"}, "left")
        .groupBy("area_code").agg(functions.bool_and(col("blocked").isNotNull()).as("only"))
        .where(col("only")).select("area_code");
    return new Totals(councils, boards, regions, rejects, usedAreas, apportioned, inseparableAreas,
        duplicateRows.select("source_file", "source_line", "area_code"), CountKeys.candidateLines(rows, summary)
        .select(fileName.as("source_file"), byFileNo(sources.stream().map(PopulationSource::layoutName).toList())
            .as("layout"), col("area_code"), col("lines")));
  }

  /**
   * Per council-year summed from parts (rank 4) on a known geography: the parts current in that
   * geography (crosswalk first_year/last_year) that the data lacks, as council_code, year,
   * geography, missing_parts; so a file missing one district does not understate its county.
   */
  static Dataset<Row> missingParts(Dataset<Row> chosen, AreaCrosswalk crosswalk) {
    Dataset<Row> fromParts = chosen.where(col("rank").equalTo(4).and(col("geography").gt(0)))
        .groupBy("council_code", "year").agg(functions.max("geography").as("geography"));
    Dataset<Row> parts = crosswalk.areas().where(col("rank").equalTo(4))
        .select(col("council_code"), col("area_code").as("part_code"), col("first_year"), col("last_year"));
    Dataset<Row> expected = fromParts.join(broadcast(parts), "council_code")
        .where(col("first_year").isNull().or(col("first_year").leq(col("geography")))
            .and(col("last_year").isNull().or(col("last_year").geq(col("geography")))));
    Dataset<Row> present = chosen.select(col("council_code"), col("year"), col("area_code").as("part_code"));
    return expected.join(present, new String[] {"council_code", "year", "part_code"}, "left_anti")
        .groupBy("council_code", "year", "geography")
        .agg(array_join(functions.array_sort(functions.collect_set("part_code")), ", ").as("missing_parts"));
  }

  /**
   * A file whose geography is {@link NomisLayout#GEOGRAPHY_FROM_CODES} (not in the file) gets the
   * latest geography its codes imply: the largest crosswalk first_year among the areas it holds.
   */
  static Dataset<Row> inferGeography(Dataset<Row> areaYears, AreaCrosswalk crosswalk) {
    Dataset<Row> implied = areaYears.where(col("geography").equalTo(NomisLayout.GEOGRAPHY_FROM_CODES))
        .select("source_file", "area_code").distinct()
        .join(broadcast(crosswalk.areas().select("area_code", "first_year")), "area_code")
        .groupBy("source_file").agg(functions.max("first_year").as("implied_geography"));
    return areaYears.join(broadcast(implied), new String[] {"source_file"}, "left")
        .withColumn("geography", when(col("geography").equalTo(NomisLayout.GEOGRAPHY_FROM_CODES),
            functions.coalesce(col("implied_geography"), lit(-1))).otherwise(col("geography")))
        .drop("implied_geography");
  }

  /** The given text of each source file, for a row's file_no (its place among the sources). */
  private static Column byFileNo(List<String> perFile) {
    return functions.element_at(functions.array(perFile.stream().map(functions::lit).toArray(Column[]::new)),
        col("file_no").plus(1));
  }

  private static Column noLine() {
    return lit(null).cast(DataTypes.LongType).as("source_line");
  }
}
