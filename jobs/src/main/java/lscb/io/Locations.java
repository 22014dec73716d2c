package lscb.io;

/**
 * Where a run reads and writes. Every location is a Hadoop path or URI string (a local folder,
 * file:, hdfs:, s3a:), never assumed to be on the local disk.
 */
public record Locations(String raw, String reference, String published, String out) {

  /** The defaults of a run from the repository root. */
  public static Locations defaults() {
    return new Locations("data/raw", "data/reference", "data/published", "out");
  }

  /** A raw input folder, e.g. raw("returns/2006"). */
  public String raw(String relative) {
    return join(raw, relative);
  }

  /** A reference file, e.g. reference("boards.csv"). */
  public String reference(String relative) {
    return join(reference, relative);
  }

  /** A file of the report's published figures, e.g. published("figures.csv"). */
  public String published(String relative) {
    return join(published, relative);
  }

  /** A canonical table's Parquet folder: out/processed/TABLE. */
  public String processed(String table) {
    return join(out, "processed/" + table);
  }

  /** A rejects output: out/rejects/NAME. */
  public String rejects(String name) {
    return join(out, "rejects/" + name);
  }

  /** An analysis result's Parquet folder: out/analysis/TABLE. */
  public String analysis(String table) {
    return join(out, "analysis/" + table);
  }

  /** A published (EES open-data) file: out/ees/NAME. */
  public String ees(String name) {
    return join(out, "ees/" + name);
  }

  /** Any other output under the output root. */
  public String output(String relative) {
    return join(out, relative);
  }

  private static String join(String root, String relative) {
    return root.endsWith("/") ? root + relative : root + "/" + relative;
  }
}
