package lscb.bench;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The population stage's children under 18 per 2006/07 council and year in DuckDB, for the scale
 * benchmark, from the small-area files of {@code lscb synth-population --small-areas} (two title lines
 * and a blank line, then the header; year and sex from the file name). It follows
 * PopulationChecks and PopulationTotals: a cell counts when it is a whole number up to 1,000,000 and its
 * small area appears once per sex and year (every copy of a repeated one is rejected); a small area
 * is complete when it has a count for every age 0-17, an area-year when all its small areas are and
 * its sexes are F and M or P only; per council-year the crosswalk rows of the lowest rank
 * present are used, their shares applied to the area sums and rounded half up; a council-year gets
 * no figure when one of those areas is incomplete, one is inseparable, or (summed from parts) a part
 * current in the files' geography (crosswalk first_year/last_year) is absent. It writes no rejects and
 * no reconciliation. Each file is read by its own read_csv into one table, in turn: DuckDB 1.4.4's
 * multi-file read_csv (a glob or a list) took 14 s and 6.9 GB of RSS for two 7 MB files of this
 * layout, one file at a time 0.6 s and 0.15 GB. Args: FOLDER CROSSWALK OUT.csv THREADS MEMORY_LIMIT.
 */
public final class DuckDbPopulation {
  /** The generator's local authority column; its vintage is the files' geography, as in PopulationSource. */
  static final String LA_COLUMN = "LA Code (2018 boundaries)";
  /** The CSV dialect Spark reads, stated: DuckDB guessing it took the crosswalk for one column once a line was malformed. */
  private static final String DIALECT = "delim = ',', quote = '\"', escape = '\"', header = true, all_varchar = true";

  private DuckDbPopulation() {}

  public static void main(String[] args) throws Exception {
    List<Path> files;
    try (Stream<Path> listed = Files.list(Path.of(args[0]).toAbsolutePath())) {
      files = listed.filter(f -> f.getFileName().toString().endsWith(".csv")).sorted().toList();
    }
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement sql = db.createStatement()) {
      sql.execute("SET threads = " + args[3]);
      sql.execute("SET memory_limit = '" + args[4] + "'");
      sql.execute("CREATE TABLE crosswalk AS SELECT upper(trim(area_code)) AS area_code, trim(council_code) AS"
          + " council_code, trim(method) AS method, TRY_CAST(trim(share) AS DECIMAL(6,4)) AS share, CASE trim(method)"
          + " WHEN 'same' THEN 1 WHEN 'recoded' THEN 2 WHEN 'merged_successor' THEN 3 WHEN 'part_of' THEN 4"
          + " WHEN 'apportioned' THEN 4 WHEN 'inseparable' THEN 4 END AS rank,"
          + " TRY_CAST(trim(first_year) AS INTEGER) AS first_year, TRY_CAST(trim(last_year) AS INTEGER) AS last_year"
          + " FROM read_csv('" + args[1] + "', " + DIALECT + ")");
      // PopulationChecks.count and reason: digits (thousands commas allowed), at most 1,000,000; else no count.
      sql.execute("CREATE MACRO plain(t) AS CASE WHEN regexp_full_match(trim(t), '[0-9]{1,3}(,[0-9]{3})+')"
          + " THEN replace(trim(t), ',', '') ELSE trim(t) END");
      sql.execute("CREATE MACRO cell(t) AS CASE WHEN regexp_full_match(plain(t), '[0-9]{1,15}')"
          + " AND TRY_CAST(plain(t) AS BIGINT) <= 1000000 THEN TRY_CAST(plain(t) AS BIGINT) END");
      // One file at a time into a table: DuckDB 1.4.4 scanning all 40 files in one query (a glob, a list or
      // UNION ALL) ran out of its 2 GB memory limit at 120M values, or took 14 s and 6.9 GB for two files.
      for (int i = 0; i < files.size(); i++) {
        sql.execute((i == 0 ? "CREATE TABLE rows AS " : "INSERT INTO rows ") + rows(files.get(i)));
      }
      try (ResultSet rows = sql.executeQuery(query());
          PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8))) {
        out.println("council_code,year,children_under_18");
        while (rows.next()) {
          out.println(rows.getString(1) + "," + rows.getInt(2) + "," + rows.getLong(3));
        }
      }
    }
  }

  /** One file's rows reduced to their key, the number of good child ages and their sum (no lists kept). */
  private static String rows(Path file) {
    String counts = IntStream.rangeClosed(0, 17).mapToObj(a -> "cell(\"" + a + "\")")
        .collect(Collectors.joining(", ", "[", "]"));
    String name = "parse_filename(filename)";
    return "SELECT upper(trim(\"" + LA_COLUMN + "\")) AS area_code, upper(trim(\"LSOA Code\")) AS small_area,"
        + " CAST(regexp_extract(" + name + ", '(^|[^0-9])(19[5-9][0-9]|20[0-9][0-9])([^0-9]|$)', 2) AS INTEGER) AS year,"
        + " CASE regexp_extract(lower(" + name + "), '(^|[^a-z])(females|males|persons)([^a-z]|$)', 2)"
        + " WHEN 'females' THEN 'F' WHEN 'males' THEN 'M' ELSE 'P' END AS sex, list_count(" + counts + ") AS ages,"
        + " list_sum(" + counts + ") AS children FROM (SELECT *, '" + quoted(file) + "' AS filename FROM read_csv('"
        + quoted(file) + "', skip = 3, " + DIALECT + "))";
  }

  /** The query over the table rows: council_code, year, children_under_18 for every council-year the stage gives a figure. */
  static String query() {
    return "WITH"
        // As the stage's cells: every copy of a repeated small area (per sex and year) is rejected, so such
        // a small area, like one lacking some ages, is incomplete (and so is its area).
        + " groups AS (SELECT area_code, small_area, sex, year, count(*) = 1 AND min(ages) = 18"
        + " AS complete, CASE WHEN count(*) = 1 THEN sum(children) ELSE 0 END AS children FROM rows"
        + " GROUP BY area_code, small_area, sex, year),"
        + " area_years AS (SELECT area_code, year, sum(children) AS children, " + geography() + " AS geography,"
        + " bool_and(complete) AND (list_sort(list_distinct(list(sex))) = ['F', 'M']"
        + " OR list_distinct(list(sex)) = ['P']) AS ok FROM groups GROUP BY area_code, year),"
        // The lowest rank present per council-year wins (an area's other rows are not used for it).
        + " chosen AS (SELECT c.council_code, a.year, a.area_code, a.ok, a.children, a.geography, c.share, c.method,"
        + " c.rank FROM area_years a JOIN crosswalk c USING (area_code)"
        + " QUALIFY c.rank = min(c.rank) OVER (PARTITION BY c.council_code, a.year)),"
        + " council_years AS (SELECT council_code, year, bool_and(ok) AND NOT bool_or(method = 'inseparable') AS ok,"
        + " CAST(round(sum(CAST(children AS DECIMAL(20,0)) * share)) AS BIGINT) AS children_under_18"
        + " FROM chosen GROUP BY council_code, year),"
        // PopulationTotals.missingParts: a council summed from parts lacks one current in the geography.
        + " from_parts AS (SELECT council_code, year, max(geography) AS geography FROM chosen"
        + " WHERE rank = 4 AND geography > 0 GROUP BY council_code, year),"
        + " missing AS (SELECT DISTINCT f.council_code, f.year FROM from_parts f JOIN crosswalk p"
        + " ON p.council_code = f.council_code AND p.rank = 4"
        + " AND (p.first_year IS NULL OR p.first_year <= f.geography) AND (p.last_year IS NULL OR p.last_year >= f.geography)"
        + " WHERE NOT EXISTS (SELECT 1 FROM chosen h WHERE h.council_code = f.council_code AND h.year = f.year"
        + " AND h.area_code = p.area_code))"
        + " SELECT y.council_code, y.year, y.children_under_18 FROM council_years y WHERE y.ok AND NOT EXISTS"
        + " (SELECT 1 FROM missing m WHERE m.council_code = y.council_code AND m.year = y.year) ORDER BY ALL";
  }

  /** A path as the text of an SQL string literal. */
  private static String quoted(Path file) {
    return file.toString().replace("'", "''");
  }

  /** The files' geography as PopulationSource#geography has it: the LA column's vintage, else the data year. */
  static String geography() {
    Matcher digits = Pattern.compile("(\\d{4}|\\d{2})").matcher(LA_COLUMN);
    if (!digits.find()) {
      return "max(year)";
    }
    int year = Integer.parseInt(digits.group(1));
    return String.valueOf(year < 100 ? 2000 + year : year);
  }
}
