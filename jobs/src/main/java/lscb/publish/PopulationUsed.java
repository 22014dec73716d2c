package lscb.publish;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import lscb.io.Locations;
import lscb.population.PopulationSource.Layout;
import lscb.population.PopulationSource;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Which population a finished population stage used, read back from its reconciliation table. */
final class PopulationUsed {
  private PopulationUsed() {}

  /**
   * The description of the real population the outputs divide by (e.g. "ONS mid-year estimates,
   * revised series (Nomis NM_2002_1)"), or null when it was synthetic or no population table exists.
   */
  static String realDescription(SparkSession spark, Locations locations) {
    String table = locations.processed("population_reconciliation");
    try {
      Path path = new Path(table);
      if (!path.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(path)) {
        return null;
      }
    } catch (IOException e) {
      return null;
    }
    List<Row> files = spark.read().parquet(table).select("source_file", "layout").distinct()
        .orderBy("source_file").collectAsList();
    List<String> real = files.stream()
        .filter(r -> !PopulationSource.status(r.getString(0), layout(r.getString(1))).equals("synthetic"))
        .map(r -> PopulationSource.description(r.getString(0), layout(r.getString(1)))).distinct().toList();
    return real.isEmpty() ? null : String.join("; ", real);
  }

  private static Layout layout(String name) {
    return Layout.valueOf(name.toUpperCase(Locale.ROOT));
  }
}
