package lscb.bench;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The population stage's sums in DuckDB, for the scale benchmark: children under 18 per 2006/07
 * council and year from the small-area files, through the same crosswalk (the lowest-ranked method
 * present per council-year, shares applied to the sum, rounded). It does not do the stage's checks,
 * rejects or reconciliation. Args: FOLDER CROSSWALK OUT.csv THREADS MEMORY_LIMIT.
 */
public final class DuckDbPopulation {
  private DuckDbPopulation() {}

  public static void main(String[] args) throws Exception {
    String files = Path.of(args[0]).toAbsolutePath() + "/*.csv";
    String children = IntStream.rangeClosed(0, 17).mapToObj(a -> "CAST(\"" + a + "\" AS BIGINT)")
        .collect(Collectors.joining(" + "));
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement sql = db.createStatement()) {
      sql.execute("SET threads = " + args[3]);
      sql.execute("SET memory_limit = '" + args[4] + "'");
      sql.execute("CREATE TABLE crosswalk AS SELECT upper(trim(area_code)) AS area_code, trim(council_code) AS"
          + " council_code, CAST(trim(share) AS DECIMAL(6,4)) AS share, CASE trim(method) WHEN 'same' THEN 1"
          + " WHEN 'recoded' THEN 2 WHEN 'merged_successor' THEN 3 ELSE 4 END AS rank FROM read_csv('" + args[1]
          + "', header = true, all_varchar = true)");
      String query = "WITH areas AS (SELECT upper(trim(\"LA Code (2018 boundaries)\")) AS area_code,"
          + " CAST(regexp_extract(filename, 'mid-([0-9]{4})', 1) AS INTEGER) AS year, sum(" + children + ") AS children"
          + " FROM read_csv('" + files + "', skip = 3, header = true, all_varchar = true, filename = true)"
          + " GROUP BY ALL),"
          + " mapped AS (SELECT c.council_code, a.year, a.children, c.share, c.rank,"
          + " min(c.rank) OVER (PARTITION BY c.council_code, a.year) AS best FROM areas a JOIN crosswalk c USING (area_code))"
          + " SELECT council_code, year, CAST(round(sum(CAST(children AS DECIMAL(20,0)) * share)) AS BIGINT)"
          + " FROM mapped WHERE rank = best GROUP BY ALL ORDER BY ALL";
      try (ResultSet rows = sql.executeQuery(query);
          PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8))) {
        out.println("council_code,year,children_under_18");
        while (rows.next()) {
          out.println(rows.getString(1) + "," + rows.getInt(2) + "," + rows.getLong(3));
        }
      }
    }
  }
}
