package lscb.publish;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import lscb.io.Locations;
import lscb.population.NomisLayout;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Footnotes for the spend files (OUT/ees/footnotes.csv: file, footnote, then the run's data status columns),
 * the text an EES release attaches to a data file: why a board's per-child figure is x, and the population's
 * source line. Written only when there is something to say.
 */
final class EesFootnotes {
  static final List<String> COLUMNS = List.of("file", "footnote");
  static final List<String> SPEND_FILES = List.of("spend_per_child", "spend_summary");
  /** The reject reason the population stage gives a council that an inseparable area blocks. */
  static final String NO_SPLIT = "no split is invented";

  private EesFootnotes() {}

  /** The footnote rows, given the spend_per_child analysis table and the real population's description. */
  static List<List<String>> of(SparkSession spark, Locations locations, Dataset<Row> spendPerChild, String population) {
    List<Row> missing = spendPerChild.where(col("geographic_level").equalTo("Local authority")
            .and(col("spend").isNotNull()).and(col("children_under_18").isNull()))
        .select("new_la_code", "la_name").distinct().orderBy("la_name").collectAsList();
    Set<String> blocked = blockedCouncils(spark, locations);
    TreeSet<String> withoutSplit = new TreeSet<>();
    TreeSet<String> other = new TreeSet<>();
    for (Row r : missing) {
      boolean noSplit = Arrays.stream(r.getString(0).split(" / ")).anyMatch(blocked::contains);
      (noSplit ? withoutSplit : other).add(r.getString(1));
    }
    List<String> notes = new ArrayList<>();
    if (!withoutSplit.isEmpty()) {
      notes.add("x (not available) in the rows of " + String.join(" and of ", withoutSplit) + ". The population used"
          + " is on 2019 or later boundaries, where Christchurch (a Dorset district in 2006/07) is part of Bournemouth,"
          + " Christchurch and Poole; without an outside source that total cannot be split back into the 2006/07"
          + " councils Bournemouth, Poole and Dorset, so no per-child figure is given rather than an invented one"
          + " (the README's population section says how to supply a real split).");
    }
    if (!other.isEmpty()) {
      notes.add("x (not available) in the rows of " + String.join(" and of ", other) + " for the years where the"
          + " population used has no complete figure for the board (see rejects/population.csv).");
    }
    if (NomisLayout.DESCRIPTION.equals(population)) {
      notes.add("Children under 18: ONS mid-year estimates (revised series); " + NomisLayout.ATTRIBUTION + ".");
    }
    List<List<String>> rows = new ArrayList<>();
    for (String file : SPEND_FILES) {
      notes.forEach(n -> rows.add(List.of(file, n)));
    }
    return rows;
  }

  /** The 2006/07 councils the population stage left out because an area they need cannot be split. */
  private static Set<String> blockedCouncils(SparkSession spark, Locations locations) {
    String rejects = locations.rejects("population");
    try {
      Path path = new Path(rejects);
      if (!path.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(path)) {
        return Set.of();
      }
    } catch (IOException e) {
      return Set.of();
    }
    return spark.read().parquet(rejects).where(col("source_line").isNull().and(col("reason").contains(NO_SPLIT)))
        .select("area_code").distinct().collectAsList().stream().map(r -> r.getString(0))
        .collect(Collectors.toSet());
  }
}
