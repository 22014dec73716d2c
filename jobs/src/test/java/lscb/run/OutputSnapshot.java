package lscb.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/** The published outputs of a local output folder: every file's sha256, and each Parquet table's rows. */
public record OutputSnapshot(Map<String, String> files) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The folder a reader reads: OUT/runs/ID when OUT/LATEST names ID, else OUT (the rule of {@link RunFolders#resolve}). */
  public static Path finished(Path out) {
    try {
      Path latest = out.resolve(RunFolders.LATEST);
      return Files.exists(latest) ? out.resolve(RunFolders.RUNS).resolve(Files.readString(latest).trim()) : out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every visible file of the finished run under {@code out} (the lock folder .lscb and hidden files left out). */
  public static OutputSnapshot of(Path out) {
    return folder(finished(out));
  }

  /** Every visible file under {@code out} as it is (the lock folder .lscb and hidden files left out). */
  public static OutputSnapshot folder(Path out) {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(out)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        String relative = out.relativize(file).toString().replace('\\', '/');
        if (!relative.startsWith(RunFolders.META + "/") && !file.getFileName().toString().startsWith(".")) {
          files.put(relative, sha256(Files.readAllBytes(file)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new OutputSnapshot(files);
  }

  /** The CSV files with their hashes. */
  public Map<String, String> csvs() {
    Map<String, String> csvs = new TreeMap<>();
    files.forEach((k, v) -> {
      if (k.endsWith(".csv")) {
        csvs.put(k, v);
      }
    });
    return csvs;
  }

  /** The Parquet table folders (relative), found by their part files. */
  public List<String> parquetTables() {
    return files.keySet().stream().filter(k -> k.endsWith(".parquet"))
        .map(k -> k.substring(0, k.lastIndexOf('/'))).distinct().sorted().toList();
  }

  /** Asserts two runs' outputs are the same: CSVs byte for byte, Parquet tables row for row (doubles to 1e-9). */
  public static void assertSameOutputs(SparkSession spark, Path expected, Path actual, String what) {
    assertSameOutputs(spark, expected, actual, what, false);
  }

  /** As above; {@code exact}: Parquet doubles too must be bit for bit equal (same master and settings). */
  public static void assertSameOutputs(SparkSession spark, Path expected, Path actual, String what, boolean exact) {
    OutputSnapshot a = of(expected);
    OutputSnapshot b = of(actual);
    assertFalse(a.csvs().isEmpty(), what + ": the reference run wrote CSVs");
    assertEquals(a.csvs().keySet(), b.csvs().keySet(), what + ": the same CSV files");
    a.csvs().forEach((file, hash) -> assertEquals(hash, b.csvs().get(file), what + ": " + file + " byte-identical"));
    assertEquals(a.parquetTables(), b.parquetTables(), what + ": the same Parquet tables");
    for (String table : a.parquetTables()) {
      List<String> left = rows(spark, finished(expected).resolve(table));
      List<String> right = rows(spark, finished(actual).resolve(table));
      assertEquals(left.size(), right.size(), what + ": Parquet table " + table + " has the same row count");
      for (int i = 0; i < left.size(); i++) {
        assertTrue(exact ? left.get(i).equals(right.get(i)) : sameRow(left.get(i), right.get(i)), what + ": Parquet table " + table + " row " + i
            + " is the same" + (exact ? "" : " (doubles to 1e-9 relative)") + ":\n" + left.get(i) + "\n" + right.get(i));
      }
    }
  }

  /**
   * Same values, except that doubles may differ in their last bits: Spark sums doubles in the order the
   * partitions arrive, which differs between masters (local[2] vs executors on a cluster).
   */
  static boolean sameRow(String left, String right) {
    try {
      return same(JSON.readTree(left), JSON.readTree(right));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean same(JsonNode a, JsonNode b) {
    if (a.isFloatingPointNumber() && b.isFloatingPointNumber()) {
      double x = a.doubleValue();
      double y = b.doubleValue();
      return x == y || Math.abs(x - y) <= 1e-9 * Math.max(1, Math.max(Math.abs(x), Math.abs(y)));
    }
    if (a.isContainerNode() && b.isContainerNode() && a.size() == b.size() && a.getNodeType() == b.getNodeType()) {
      if (a.isArray()) {
        for (int i = 0; i < a.size(); i++) {
          if (!same(a.get(i), b.get(i))) {
            return false;
          }
        }
        return true;
      }
      for (var names = a.fieldNames(); names.hasNext();) {
        String name = names.next();
        if (!b.has(name) || !same(a.get(name), b.get(name))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  /** A table's rows as sorted JSON lines (tiny tables only). */
  static List<String> rows(SparkSession spark, Path table) {
    return spark.read().parquet(table.toUri().toString()).selectExpr("to_json(struct(*)) AS j")
        .orderBy("j").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
