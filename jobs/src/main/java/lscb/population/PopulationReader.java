package lscb.population;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.upper;

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
   * layouts with a year column), then one text column per count column, named c0, c1, ... in source
   * order. The file is read in splits by several tasks (see {@link TextSplits}).
   */
  public static Dataset<Row> lines(SparkSession spark, TextSplits splits, PopulationSource source) {
    Dataset<Row> numbered = splits.only(source.path()).records(Map.of(), Map.of(source.path(), source.headerLine()))
        .select(col("text").as("value"), col("source_line"));
    StructType fields = new StructType();
    for (int i = 0; i < source.header().size(); i++) {
      fields = fields.add("f" + i, DataTypes.StringType);
    }
    Dataset<Row> parsed = numbered
        .where(functions.not(col("value").rlike("^[\\s,\"]*$")))
        .select(col("source_line"), functions.from_csv(col("value"), lit(fields.toDDL()),
            Map.of("mode", "PERMISSIVE", "escape", "\"")).as("p"));
    List<Column> columns = new ArrayList<>(List.of(
        lit(source.fileName()).as("source_file"),
        col("source_line"),
        lit(source.layout().name().toLowerCase()).as("layout"),
        lit(source.label(source.codeIndex())).as("code_field"),
        upper(trim(field(source.codeIndex()))).as("area_code"),
        upper(trim(field(source.smallAreaIndex() >= 0 ? source.smallAreaIndex() : source.codeIndex())))
            .as("small_area"),
        lit(source.fileSex() != null ? "sex (from the file's name or title)" : source.label(source.sexIndex()))
            .cast(DataTypes.StringType).as("sex_field"),
        (source.fileSex() != null ? lit(source.fileSex()) : textOrNull(source.sexIndex())).as("sex_raw"),
        lit(source.label(source.ageIndex())).cast(DataTypes.StringType).as("age_field"),
        textOrNull(source.ageIndex()).as("age_raw"),
        lit(source.label(source.yearIndex())).cast(DataTypes.StringType).as("year_field"),
        textOrNull(source.yearIndex()).as("year_raw")));
    List<CountColumn> counts = source.counts();
    for (int i = 0; i < counts.size(); i++) {
      columns.add(field(counts.get(i).index()).as("c" + i));
    }
    return parsed.select(columns.toArray(Column[]::new));
  }

  /**
   * One row per count cell of the given checked lines (with sex, line_age and line_year, see
   * PopulationChecks), unpivoted in Spark: the common columns plus field (the header label), year (the
   * line's own for Nomis files), age (the line's own for long files), raw_value and the file's geography (see PopulationSource#geography).
   */
  public static Dataset<Row> cells(Dataset<Row> lines, PopulationSource source) {
    List<CountColumn> counts = source.counts();
    // Each count column becomes a (raw_value, year, age) struct, so a cell knows its year and age
    // without matching its header label.
    Column[] values = new Column[counts.size()];
    for (int i = 0; i < counts.size(); i++) {
      CountColumn count = counts.get(i);
      Column year = source.layout() == Layout.LONG ? lit(count.year())
          : source.layout() == Layout.NOMIS ? col("line_year") : lit(source.wideYear());
      Column age = source.layout() == Layout.LONG ? col("line_age") : lit(count.age());
      values[i] = functions.struct(col("c" + i).as("raw_value"), year.cast(DataTypes.IntegerType).as("year"),
          age.cast(DataTypes.IntegerType).as("age")).as(count.label());
    }
    Column[] ids = Stream.of("source_file", "source_line", "area_code", "small_area", "sex").map(functions::col)
        .toArray(Column[]::new);
    return lines.unpivot(ids, values, "field", "cell")
        .select(col("source_file"), col("source_line"), col("area_code"), col("small_area"), col("sex"), col("field"),
            col("cell.raw_value").as("raw_value"), col("cell.year").as("year"),
            lit(source.geography()).as("geography"), col("cell.age").as("age"));
  }

  private static Column field(int index) {
    return col("p.f" + index);
  }

  private static Column textOrNull(int index) {
    return index < 0 ? lit(null).cast(DataTypes.StringType) : trim(field(index));
  }
}
