package lscb.population;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import lscb.io.TextSplits;
import lscb.io.UserError;
import lscb.population.PopulationSource.CountColumn;
import lscb.population.PopulationSource.Layout;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reads population files into Spark: every data line with its file and line number, the area code,
 * sex and age fields, and the count columns, all as text (explicit all-string schema, no inference).
 */
public final class PopulationReader {
  /**
   * The most fields the CSV parser splits a line into (Spark's default, made explicit): a line with more
   * makes it throw instead of giving nulls, so such a line is never given to it (it is rejected).
   */
  static final int MOST_FIELDS = 20_480;

  private PopulationReader() {}

  /** The population files at a folder (every *.csv in it, by name) or the one file named, with their layouts. */
  public static List<PopulationSource> sources(SparkSession spark, String location, Layout forced) {
    try {
      Path root = new Path(location);
      FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(root)) {
        throw new UserError("no population data at " + location + ": put the ONS file (or the synthetic "
            + "one, see `lscb synth-population --help`) there, or pass --population");
      }
      FileStatus[] found = fs.getFileStatus(root).isDirectory()
          ? fs.globStatus(new Path(root, "*.[cC][sS][vV]")) : new FileStatus[] {fs.getFileStatus(root)};
      List<FileStatus> files = new ArrayList<>(Arrays.asList(found == null ? new FileStatus[0] : found));
      files.sort(Comparator.comparing(f -> f.getPath().getName()));
      if (files.isEmpty()) {
        throw new UserError("no population file (*.csv) in " + location
            + ": put the ONS file there (see its README.md), or pass --population");
      }
      List<PopulationSource> sources = new ArrayList<>();
      for (FileStatus file : files) {
        sources.add(PopulationSource.detect(file.getPath().toString(), firstLines(fs, file.getPath()), forced));
      }
      return sources;
    } catch (IOException e) {
      throw new UserError("cannot read population data at " + location + ": " + e.getMessage());
    }
  }

  /** The files to use: SYNTHETIC-* files are left out when a real file sits beside them. */
  public static List<PopulationSource> preferReal(List<PopulationSource> sources) {
    boolean anyReal = sources.stream().anyMatch(s -> !s.synthetic());
    return anyReal ? sources.stream().filter(s -> !s.synthetic()).toList() : sources;
  }

  private static List<String> firstLines(FileSystem fs, Path path) throws IOException {
    List<String> lines = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(fs.open(path), StandardCharsets.UTF_8))) {
      String line;
      while (lines.size() < PopulationSource.MAX_PREAMBLE && (line = in.readLine()) != null) {
        lines.add(line);
      }
    }
    return lines;
  }

  /** Scans the sources' files for their splits and line numbers (one Spark job for all of them). */
  public static TextSplits scan(SparkSession spark, List<PopulationSource> sources) {
    return TextSplits.scan(spark, sources.stream().map(PopulationSource::path).toList(), "UTF-8",
        TextSplits.Mode.LINES);
  }

  /**
   * The data lines of one file (after its header; blank lines skipped): source_file, source_line,
   * layout, code_field, area_code, small_area (the LSOA code, or area_code for whole areas), sex_field,
   * sex_raw, age_field, age_raw, year_field, year_raw (the field labels and raw text; year only for
   * layouts with a year column), too_wide and wide_text (a line of {@value #MOST_FIELDS} commas or more,
   * which is not parsed, and its first 200 characters), then one text column per count column, named c0, c1, ... in source
   * order. The file is read in splits by several tasks (see {@link TextSplits}).
   */
  public static Dataset<Row> lines(SparkSession spark, TextSplits splits, PopulationSource source) {
    return lines(spark, splits, List.of(source), List.of(0));
  }

  /**
   * As above, for several files of one {@link #shape} read together (one plan, however many files),
   * adding file_no (each file's place among all the sources, from {@code fileNos}), geography (see
   * PopulationSource#geography) and file_year (the year a wide or small-area file is for).
   */
  public static Dataset<Row> lines(SparkSession spark, TextSplits splits, List<PopulationSource> sameShape,
      List<Integer> fileNos) {
    PopulationSource source = sameShape.get(0);
    Map<String, Long> headers = new java.util.HashMap<>();
    List<Row> perFile = new ArrayList<>();
    for (int i = 0; i < sameShape.size(); i++) {
      PopulationSource file = sameShape.get(i);
      headers.put(file.path(), file.headerLine());
      perFile.add(org.apache.spark.sql.RowFactory.create(file.fileName(), fileNos.get(i), file.wideYear(),
          file.fileSex()));
    }
    Dataset<Row> files = spark.createDataFrame(perFile, new StructType().add("source_file", DataTypes.StringType)
        .add("file_no", DataTypes.IntegerType).add("file_year", DataTypes.IntegerType)
        .add("file_sex", DataTypes.StringType));
    Dataset<Row> numbered = splits.only(headers.keySet()).records(Map.of(), headers)
        .select(col("text").as("value"), col("source_line"), col("source_file"));
    int width = usedWidth(source);
    StructType fields = new StructType();
    for (int i = 0; i < width; i++) {
      fields = fields.add("f" + i, DataTypes.StringType);
    }
    Dataset<Row> parsed = numbered
        .where(functions.not(blank(col("value"))))
        .withColumn("too_wide", tooWide(col("value")))
        .select(col("source_file"), col("source_line"), col("too_wide"),
            when(col("too_wide"), functions.substring(col("value"), 1, 200)).as("wide_text"),
            functions.from_csv(when(functions.not(col("too_wide")), leading(col("value"), width, source.header().size())),
                lit(fields.toDDL()),
                Map.of("mode", "PERMISSIVE", "escape", "\"", "maxColumns", String.valueOf(MOST_FIELDS))).as("p"))
        .join(functions.broadcast(files), "source_file");
    List<Column> columns = new ArrayList<>(List.of(
        col("source_file"),
        col("file_no"),
        lit(source.geography()).as("geography"),
        col("file_year"),
        col("source_line"),
        lit(source.layoutName()).as("layout"),
        lit(source.label(source.codeIndex())).as("code_field"),
        upper(trim(field(source.codeIndex()))).as("area_code"),
        upper(trim(field(source.smallAreaIndex() >= 0 ? source.smallAreaIndex() : source.codeIndex())))
            .as("small_area"),
        lit(source.fileSex() != null ? "sex (from the file's name or title)" : source.label(source.sexIndex()))
            .cast(DataTypes.StringType).as("sex_field"),
        (source.fileSex() != null ? col("file_sex") : textOrNull(source.sexIndex())).as("sex_raw"),
        lit(source.label(source.ageIndex())).cast(DataTypes.StringType).as("age_field"),
        textOrNull(source.ageIndex()).as("age_raw"),
        lit(source.label(source.yearIndex())).cast(DataTypes.StringType).as("year_field"),
        textOrNull(source.yearIndex()).as("year_raw"), col("too_wide"), col("wide_text")));
    List<CountColumn> counts = source.counts();
    for (int i = 0; i < counts.size(); i++) {
      columns.add(field(counts.get(i).index()).as("c" + i));
    }
    return parsed.select(columns.toArray(Column[]::new));
  }

  /**
   * What files must share to be read and checked by one plan: layout, header width, where the fields
   * are and their labels, the count columns, the geography, and whether the sex comes from the file.
   */
  public static String shape(PopulationSource s) {
    return String.join("|", s.layout().name(), String.valueOf(s.header().size()),
        String.valueOf(List.of(s.codeIndex(), s.smallAreaIndex(), s.sexIndex(), s.ageIndex(), s.yearIndex())),
        String.valueOf(List.of(s.label(s.codeIndex()), String.valueOf(s.label(s.sexIndex())),
            String.valueOf(s.label(s.ageIndex())), String.valueOf(s.label(s.yearIndex())))),
        s.counts().stream().map(c -> c.index() + "/" + c.label() + "/" + c.year() + "/" + c.age()).toList().toString(),
        String.valueOf(s.geography()), String.valueOf(s.fileSex() == null));
  }

  /** How many leading fields the stage uses: up to the last of the code, sex, age, year and count fields. */
  static int usedWidth(PopulationSource s) {
    int last = Math.max(Math.max(s.codeIndex(), s.smallAreaIndex()), Math.max(s.sexIndex(), s.ageIndex()));
    last = Math.max(last, s.yearIndex());
    for (CountColumn c : s.counts()) {
      last = Math.max(last, c.index());
    }
    return last + 1;
  }

  /**
   * The first {@code width} fields of a line (the fields after them are never used, so never parsed: a
   * small-area line's ages 18 to 90+ are three quarters of it). A line with no quote in them is cut at
   * its width-th comma; a line with a quote there is cut by a quote-aware pattern, or kept whole if that
   * does not match (the parser then reads it all, as before).
   */
  static Column leading(Column text, int width, int headerWidth) {
    if (width >= headerWidth) {
      return text;
    }
    Column cut = functions.substring_index(text, ",", width);
    String field = "(?:\"(?:[^\"]|\"\")*\"|[^,\"]*)";
    Column quoted = functions.regexp_extract(text, "^(" + field + "(?:," + field + "){" + (width - 1) + "})(?:,|$)", 1);
    return when(functions.instr(cut, "\"").equalTo(0), cut)
        .when(quoted.notEqual(""), quoted)
        .otherwise(text);
  }

  /**
   * True for a line of only whitespace, commas and quotes (skipped). Trimming those from the left stops at
   * a data line's first character, so the line is neither decoded nor scanned whole.
   */
  static Column blank(Column text) {
    return functions.ltrim(text, " \t\n\u000B\f\r,\"").equalTo("");
  }

  /** True when a line has {@link #MOST_FIELDS} commas or more (counted only on lines that long), so might split into more. */
  private static Column tooWide(Column text) {
    Column commas = functions.length(text).minus(functions.length(functions.regexp_replace(text, ",", "")));
    return functions.coalesce(when(functions.octet_length(text).geq(MOST_FIELDS), commas.geq(MOST_FIELDS)), lit(false));
  }

  private static Column field(int index) {
    return col("p.f" + index);
  }

  private static Column textOrNull(int index) {
    return index < 0 ? lit(null).cast(DataTypes.StringType) : trim(field(index));
  }
}
