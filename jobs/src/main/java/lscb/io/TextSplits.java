package lscb.io;

import java.io.IOException;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;

/**
 * Text files read in byte-range splits by many tasks, each line with its exact source line number.
 *
 * <p>Two passes, as {@code RDD.zipWithIndex} does: a scan counts the lines each split owns (a line
 * belongs to the split holding its first byte) and notes what the encoding check needs; then each
 * split's lines are numbered from the count of the splits before it. No task and no driver holds a
 * whole file: tasks stream their range line by line, the driver gets a few numbers per split.
 *
 * <p>A CSV whose quoted fields may span lines ({@link Mode#QUOTED_CSV}) cannot be cut at an
 * arbitrary line: such a file is read by one task, still streamed record by record.
 */
public final class TextSplits implements Serializable {
  /** The Spark setting for the most bytes one task reads of a file (default: the input over the cores, 1-32 MiB). */
  public static final String SPLIT_BYTES = "spark.lscb.splitBytes";
  /** 32 MiB: the largest split when none is set; a 500 MB file is read by some 16 tasks. */
  public static final long DEFAULT_SPLIT_BYTES = 32L << 20;
  /** 1 MiB: the smallest split when none is set; the shipped returns files are one split each. */
  public static final long MIN_SPLIT_BYTES = 1L << 20;
  /** The records' columns: file name, first line of the record (1-based), text (line ends removed). */
  public static final StructType SCHEMA = new StructType()
      .add("source_file", DataTypes.StringType, false)
      .add("source_line", DataTypes.LongType, false)
      .add("text", DataTypes.StringType, false)
      .add("file_problem", DataTypes.StringType, true);

  /** How records are cut from the lines. */
  public enum Mode {
    /** One record per line; files are split. */
    LINES,
    /** A CSV record runs on while its quotes are unbalanced; each file is one split. */
    QUOTED_CSV
  }

  /**
   * What the scan saw of one file: its name, size, first line (decoded, BOM and CR removed) and the
   * facts an encoding check needs (NUL bytes, a UTF-8 byte-order mark, bytes above 127, whether every
   * line decodes as UTF-8 and as Windows-1252).
   */
  public record FileScan(String path, String name, long bytes, String firstLine, boolean nul, boolean utf8Bom,
      boolean nonAscii, boolean utf8, boolean windows1252) implements Serializable {}

  /** One byte range of one file, and the number its first owned line gets. */
  record Split(int file, String path, String name, long start, long end, boolean whole, long firstLine)
      implements Serializable {}

  private final transient SparkSession spark;
  private final String charset;
  private final Mode mode;
  private final List<Split> splits;
  private final List<FileScan> files;
  private final SerializableConfiguration conf;

  private TextSplits(SparkSession spark, String charset, Mode mode, List<Split> splits, List<FileScan> files,
      SerializableConfiguration conf) {
    this.spark = spark;
    this.charset = charset;
    this.mode = mode;
    this.splits = splits;
    this.files = files;
    this.conf = conf;
  }

  /** Plans the splits of the given files and scans them (one Spark job, a few numbers per split back). */
  public static TextSplits scan(SparkSession spark, List<String> paths, String charset, Mode mode) {
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    long[] lengths = new long[paths.size()];
    long total = 0;
    for (int f = 0; f < paths.size(); f++) {
      try {
        Path p = new Path(paths.get(f));
        FileStatus status = p.getFileSystem(hadoop).getFileStatus(p);
        lengths[f] = status.getLen();
        total += lengths[f];
      } catch (IOException e) {
        throw new UserError("cannot read " + paths.get(f) + ": " + e.getMessage());
      }
    }
    long splitBytes = spark.conf().contains(SPLIT_BYTES) ? Long.parseLong(spark.conf().get(SPLIT_BYTES))
        : splitBytes(total, spark.sparkContext().defaultParallelism());
    List<Split> planned = new ArrayList<>();
    for (int f = 0; f < paths.size(); f++) {
      String path = paths.get(f);
      long length = lengths[f];
      String name = path.substring(path.lastIndexOf('/') + 1);
      if (mode == Mode.QUOTED_CSV || length <= splitBytes) {
        planned.add(new Split(f, path, name, 0, length, true, 1));
      } else {
        for (long start = 0; start < length; start += splitBytes) {
          planned.add(new Split(f, path, name, start, Math.min(length, start + splitBytes), false, 1));
        }
      }
    }
    SerializableConfiguration conf = new SerializableConfiguration(hadoop);
    TextSplits unnumbered = new TextSplits(spark, charset, mode, planned, List.of(), conf);
    List<Row> scanned = unnumbered.rdd(planned).map(unnumbered::scanSplit).collect();
    // Number each split's first line from the lines owned by the splits before it; merge the facts per file.
    List<Split> numbered = new ArrayList<>();
    List<FileScan> files = new ArrayList<>();
    long next = 1;
    FileScan file = null;
    for (int i = 0; i < planned.size(); i++) {
      Split s = planned.get(i);
      Row r = scanned.get(i);
      if (s.start() == 0) {
        next = 1;
        if (file != null) {
          files.add(file);
        }
        file = new FileScan(s.path(), s.name(), 0, r.getString(1), false, r.getBoolean(3), false, true, true);
      }
      numbered.add(new Split(s.file(), s.path(), s.name(), s.start(), s.end(), s.whole(), next));
      next += r.getLong(0);
      file = new FileScan(file.path(), file.name(), s.end(), file.firstLine(), file.nul() || r.getBoolean(2),
          file.utf8Bom(), file.nonAscii() || r.getBoolean(4), file.utf8() && r.getBoolean(5),
          file.windows1252() && r.getBoolean(6));
    }
    if (file != null) {
      files.add(file);
    }
    return new TextSplits(spark, charset, mode, numbered, files, conf);
  }

  /**
   * The split size when none is set: the input shared over the cores, at least {@value #MIN_SPLIT_BYTES}
   * bytes (a task has a cost) and at most {@value #DEFAULT_SPLIT_BYTES} (a task's share stays small).
   */
  static long splitBytes(long totalBytes, int cores) {
    return Math.max(MIN_SPLIT_BYTES, Math.min(DEFAULT_SPLIT_BYTES, (totalBytes + cores - 1) / Math.max(1, cores)));
  }

  /** What the scan saw of each file, in the order given. */
  public List<FileScan> files() {
    return files;
  }

  /** The same scan, narrowed to some of its files. */
  public TextSplits only(java.util.Collection<String> paths) {
    return new TextSplits(spark, charset, mode, splits.stream().filter(s -> paths.contains(s.path())).toList(),
        files.stream().filter(f -> paths.contains(f.path())).toList(), conf);
  }

  /** How many splits (tasks) the files are read in. */
  public int splitCount() {
    return splits.size();
  }

  /**
   * The non-blank records of the files (SCHEMA), one task per split.
   *
   * @param problems a file problem by path, carried on every record of that file (absent = none)
   * @param skipLines per path, the records that start at or before this line are left out (a header)
   */
  public Dataset<Row> records(Map<String, String> problems, Map<String, Long> skipLines) {
    TextSplits self = this;
    JavaRDD<Row> rows = rdd(splits).flatMap(split -> self.read(split, problems.get(split.path()),
        skipLines.getOrDefault(split.path(), 0L)));
    return spark.createDataFrame(rows, SCHEMA);
  }

  private JavaRDD<Split> rdd(List<Split> list) {
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    return context.parallelize(list, Math.max(1, list.size()));
  }

  /** The scan of one split: lines owned, first line (split 0), NUL, BOM, non-ASCII, UTF-8 ok, 1252 ok. */
  private Row scanSplit(Split split) throws IOException {
    long lines = 0;
    String first = null;
    boolean nul = false;
    boolean bom = false;
    boolean nonAscii = false;
    boolean utf8 = true;
    boolean cp1252 = true;
    try (SplitLines in = open(split)) {
      while (in.next()) {
        lines++;
        if (first == null && split.start() == 0) {
          bom = in.length >= 3 && (in.buffer[0] & 0xFF) == 0xEF && (in.buffer[1] & 0xFF) == 0xBB
              && (in.buffer[2] & 0xFF) == 0xBF;
          first = in.text(Charset.forName(charset), true);
        }
        boolean high = false;
        for (int i = 0; i < in.length; i++) {
          byte b = in.buffer[i];
          nul |= b == 0;
          high |= b < 0;
        }
        if (high) {
          nonAscii = true;
          utf8 = utf8 && decodes(in, StandardCharsets.UTF_8);
          cp1252 = cp1252 && decodes(in, Charset.forName("windows-1252"));
        }
      }
    }
    return RowFactory.create(lines, first == null ? "" : first, nul, bom, nonAscii, utf8, cp1252);
  }

  /** The records of one split, streamed. */
  private Iterator<Row> read(Split split, String problem, long skip) throws IOException {
    return new SplitRecords(open(split), split, Charset.forName(charset), mode == Mode.QUOTED_CSV, problem, skip);
  }

  private SplitLines open(Split split) throws IOException {
    Path path = new Path(split.path());
    FSDataInputStream stream = path.getFileSystem(conf.value()).open(path);
    return new SplitLines(stream, split, mode == Mode.QUOTED_CSV);
  }

  private static boolean decodes(SplitLines line, Charset charset) {
    try {
      charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(line.buffer, 0, line.length));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
