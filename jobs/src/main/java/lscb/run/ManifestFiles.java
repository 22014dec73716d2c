package lscb.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import lscb.io.Outputs;
import lscb.schema.Schemas;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructType;

/** The manifest's file facts: sizes, sha256, CSV record counts and Parquet row counts (from footers only). */
final class ManifestFiles {
  private ManifestFiles() {}

  /** Adds every visible file under {@code root} (recursively, by path) with size, sha256 and known row counts. */
  static void inputs(ArrayNode into, Configuration hadoop, String role, String root, Map<String, ObjectNode> counts) {
    try {
      Path base = new Path(root);
      FileSystem fs = base.getFileSystem(hadoop);
      if (!fs.exists(base)) {
        return;
      }
      Path qualified = fs.makeQualified(base);
      List<FileStatus> files = new ArrayList<>();
      collectFiles(fs, qualified, files);
      files.sort((a, b) -> a.getPath().toString().compareTo(b.getPath().toString()));
      for (FileStatus file : files) {
        String relative = relative(qualified, file.getPath());
        if (hidden(relative)) {
          continue;
        }
        ObjectNode node = into.addObject();
        node.put("role", role);
        node.put("path", file.getPath().toString());
        node.put("bytes", file.getLen());
        node.put("sha256", sha256(fs, file.getPath()));
        if (counts.containsKey(relative)) {
          node.setAll(counts.get(relative));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the inputs under " + root, e);
    }
  }

  /** Adds one file with size, sha256 and its row counts, unless it lies under {@code root} (listed there). */
  static void outside(ArrayNode into, Configuration hadoop, String role, String root, String file, ObjectNode counts) {
    try {
      Path path = new Path(file);
      FileSystem fs = path.getFileSystem(hadoop);
      Path qualified = fs.makeQualified(path);
      Path base = new Path(root);
      String under = base.getFileSystem(hadoop).makeQualified(base).toString();
      if (qualified.toString().startsWith(under.endsWith("/") ? under : under + "/")) {
        return;
      }
      ObjectNode node = into.addObject();
      node.put("role", role);
      node.put("path", qualified.toString());
      node.put("bytes", fs.getFileStatus(qualified).getLen());
      node.put("sha256", sha256(fs, qualified));
      if (counts != null) {
        node.setAll(counts);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the input " + file, e);
    }
  }

  /**
   * Every file under {@code dir}, recursively. Plain listings rather than {@code listFiles}: its
   * located statuses read each file's permissions, which Hadoop's local filesystem does with a forked
   * {@code ls} per file.
   */
  private static void collectFiles(FileSystem fs, Path dir, List<FileStatus> into) throws IOException {
    for (FileStatus child : fs.listStatus(dir)) {
      if (child.isDirectory()) {
        collectFiles(fs, child.getPath(), into);
      } else {
        into.add(child);
      }
    }
  }

  /** Every output under the staging folder: Parquet tables with rows and files, CSVs with rows, bytes and sha256. */
  static ArrayNode outputs(ObjectMapper json, Configuration hadoop, Path staged) {
    ArrayNode outputs = json.createArrayNode();
    try {
      FileSystem fs = staged.getFileSystem(hadoop);
      walk(fs, hadoop, fs.makeQualified(staged), fs.makeQualified(staged), outputs);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the outputs under " + staged, e);
    }
    return outputs;
  }

  private static void walk(FileSystem fs, Configuration hadoop, Path base, Path dir, ArrayNode into)
      throws IOException {
    FileStatus[] children = fs.listStatus(dir);
    Arrays.sort(children, (a, b) -> a.getPath().getName().compareTo(b.getPath().getName()));
    List<FileStatus> parquet = Arrays.stream(children)
        .filter(s -> s.isFile() && s.getPath().getName().endsWith(".parquet")).toList();
    if (!parquet.isEmpty()) {
      long rows = 0;
      long bytes = 0;
      for (FileStatus part : parquet) {
        rows += Outputs.footerRows(hadoop, part.getPath());
        bytes += part.getLen();
      }
      ObjectNode table = into.addObject().put("path", relative(base, dir)).put("format", "parquet").put("rows", rows)
          .put("files", parquet.size()).put("bytes", bytes);
      Metadata schema = footerSchema(hadoop, parquet.get(0).getPath());
      if (schema.contains(Schemas.SCHEMA_KEY)) {
        table.put("schema", schema.getString(Schemas.SCHEMA_KEY)).put("schema_version", schema.getLong(Schemas.VERSION_KEY));
      }
      return;
    }
    for (FileStatus child : children) {
      String name = child.getPath().getName();
      if (name.startsWith(".") || name.startsWith("_") || name.equals(RunFolders.MANIFEST)) {
        continue;
      }
      if (child.isDirectory()) {
        walk(fs, hadoop, base, child.getPath(), into);
      } else if (name.endsWith(".csv")) {
        into.addObject().put("path", relative(base, child.getPath())).put("format", "csv")
            .put("rows", csvRecords(fs, child.getPath()) - 1).put("bytes", child.getLen())
            .put("sha256", sha256(fs, child.getPath()));
      }
    }
  }

  /**
   * The schema name and version that {@link Schemas#conform} tagged a Parquet file's columns with, read
   * from the Spark schema in its footer; empty when it has none.
   */
  static Metadata footerSchema(Configuration hadoop, Path file) throws IOException {
    try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(file, hadoop))) {
      String spark = reader.getFooter().getFileMetaData().getKeyValueMetaData()
          .get("org.apache.spark.sql.parquet.row.metadata");
      if (spark != null && DataType.fromJson(spark) instanceof StructType struct && struct.size() > 0) {
        return struct.fields()[0].metadata();
      }
      return Metadata.empty();
    }
  }

  /** Records in a CSV file (header included): line ends outside double quotes, plus an unterminated last line. */
  static long csvRecords(FileSystem fs, Path file) throws IOException {
    long records = 0;
    boolean quoted = false;
    int last = '\n';
    try (InputStream in = fs.open(file)) {
      byte[] buffer = new byte[65536];
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        for (int i = 0; i < n; i++) {
          int b = buffer[i];
          if (b == '"') {
            quoted = !quoted;
          } else if (b == '\n' && !quoted) {
            records++;
          }
          last = b;
        }
      }
    }
    return last == '\n' ? records : records + 1;
  }

  static String sha256(FileSystem fs, Path file) throws IOException {
    try (InputStream in = fs.open(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[65536];
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String relative(Path base, Path path) {
    String b = base.toUri().getPath();
    String p = path.toUri().getPath();
    String rel = p.startsWith(b) ? p.substring(b.length()) : p;
    return rel.startsWith("/") ? rel.substring(1) : rel;
  }

  private static boolean hidden(String relative) {
    return Arrays.stream(relative.split("/")).anyMatch(s -> s.startsWith(".") || s.startsWith("_"));
  }
}
