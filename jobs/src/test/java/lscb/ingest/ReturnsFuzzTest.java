package lscb.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import lscb.io.Locations;
import lscb.io.Progress;
import lscb.reference.BoardRegister;
import lscb.testing.Fixtures;
import lscb.testing.Fuzz;
import lscb.testing.SparkTestBase;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes both survey readers with one normalise run over many mutated files: byte-level mutations of
 * the shipped returns, a wrong JSON type or odd value in every field of a 2007 return, and odd values
 * in every column of the 2006 layout. Seeded: -Dlscb.fuzz.seed=N (see README, "Fuzz tests").
 */
@Tag("slow") // a few minutes of Spark: run by ./lscb test (CI), left out by ./lscb test --fast
class ReturnsFuzzTest extends SparkTestBase {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HOLE = "@@FUZZ@@";
  private static final Charset CP1252 = Charset.forName("windows-1252");
  /** Odd JSON values put in every 2007 field (the issue's list, and then some). */
  static final List<String> ODD_JSON = List.of("\"text\"", "\"six\"", "-1", "-0.5", "0", "1.5", "6.0", "null",
      "true", "false", "[]", "[1, \"A\", null]", "{}", "{\"K\": 1}", "\"\"", "\"   \"", "\"20b7-10-26T12:27:42Z\"",
      "\"2007-13-45T99:99:99Z\"", "\"2007-11-02T14:31:00Z\"", "\"1970-01-01T00:00:00Z\"", "\"9999-12-31T23:59:59Z\"",
      "1e15", "1000000000000000", "100000001", "123456789012345678901234567890123456789012345", "1e400",
      "-1e-400", "\"£1,000,000,000,000,000\"", "\"£45k\"", "\"\\u0000\"", "\"\ud83d\ude00\"",
      "\"LOCAL_AUTHORITY\"", "2147483648", "99999999999");
  /** Odd values put in every 2006 column (written Excel-style quoted, so the row keeps its 14 fields). */
  static final List<String> ODD_CSV = List.of("", " ", "-1", "(500)", "1.5", "6.0", "abc", "0", "Y", "N", "maybe",
      "£1,000,000,000,000,000", "1000000000000000000000000000000000000000000", "£100,000,001", "£45k", "£45m",
      "2147483648", "99999999999", "\"quoted\"", "a,b", "=1+1", "LA", "Independent chair", "D06-001");
  /** Values that make the whole 2006 file bad (not Windows-1252 text): each gets a file of its own. */
  static final List<String> FILE_BREAKING_CSV = List.of("\u0000", "\ud83d\ude00");

  @TempDir static Path tmp;
  static Locations where;
  static Reconciliation reconciliation;
  static final List<String> written = new ArrayList<>();
  /** Each mutated record ("file:line") and what was done to it (field, value). */
  static final Map<String, String[]> cases = new LinkedHashMap<>();
  /** Every record's outcome from the readers and the acceptance rules, by "file:line". */
  static final Map<String, Row> outcomes = new TreeMap<>();

  @BeforeAll
  static void fuzz() throws IOException {
    System.out.println("[fuzz] returns: seed " + Fuzz.seed() + " (rerun with -Dlscb.fuzz.seed=" + Fuzz.seed() + ")");
    Path raw = tmp.resolve("raw");
    Path dir2006 = Files.createDirectories(raw.resolve("returns/2006"));
    Path dir2007 = Files.createDirectories(raw.resolve("returns/2007"));
    Path shipped = Fixtures.repository().resolve("data/raw/returns");
    byteMutations(shipped.resolve("2006/dfes_lscb_review_2006.csv"), dir2006, "csv");
    byteMutations(shipped.resolve("2006/dfes_lscb_review_2006_late.csv"), dir2006, "csv");
    byteMutations(shipped.resolve("2007/ofsted_lscb_survey_2007.jsonl"), dir2007, "jsonl");
    fieldVariants2007(Files.readAllLines(shipped.resolve("2007/ofsted_lscb_survey_2007.jsonl")), dir2007);
    columnVariants2006(Files.readAllLines(shipped.resolve("2006/dfes_lscb_review_2006.csv"), CP1252), dir2006);

    where = Fixtures.locations(raw, tmp.resolve("out"));
    reconciliation = Normalise.run(spark, where, new Progress(System.out));

    // The same readers and rules, kept per record with the parsed values (the run writes only the accepted).
    List<String> files2006 = written.stream().filter(f -> f.endsWith(".csv")).toList();
    List<String> files2007 = written.stream().filter(f -> f.endsWith(".jsonl")).toList();
    var records = Returns2006Reader.read(RawRecords.read(spark, files2006, 2006, RawRecords.Layout.CSV_WINDOWS_1252,
            Returns2006Reader.HEADER))
        .unionByName(Returns2007Reader.read(RawRecords.read(spark, files2007, 2007, RawRecords.Layout.JSONL_UTF8,
            null)), true);
    for (Row r : Acceptance.assess(records, BoardRegister.load(spark, where).nameKeys()).drop("raw_text")
        .collectAsList()) {
      outcomes.put(r.getAs("source_file") + ":" + r.getAs("source_line"), r);
    }
  }

  @Test
  void everyFileIsReconciledAndEveryRejectNamesAFieldAndAReason() {
    assertEquals(written.size(), reconciliation.files().size(), "every fuzzed file is in the reconciliation");
    for (Reconciliation.FileCount f : reconciliation.files()) {
      assertEquals(f.read(), f.accepted() + f.superseded() + f.rejected(),
          "read = accepted + superseded + rejected for " + f.file() + " (seed " + Fuzz.seed() + ")");
    }
    Map<String, Long> rejectedRecords = new TreeMap<>();
    for (Row r : sql("SELECT source_file, field, reason, source_line FROM parquet.`%s`", where.rejects("returns"))) {
      assertTrue(r.getString(1) != null && !r.getString(1).isBlank(), "a reject names its field: " + r);
      assertTrue(r.getString(2) != null && r.getString(2).length() > 10, "a reject gives a reason: " + r);
    }
    for (Row r : sql("SELECT source_file, count(DISTINCT source_line) FROM parquet.`%s` GROUP BY source_file",
        where.rejects("returns"))) {
      rejectedRecords.put(r.getString(0), r.getLong(1));
    }
    for (Reconciliation.FileCount f : reconciliation.files()) {
      assertEquals(f.rejected(), rejectedRecords.getOrDefault(f.file(), 0L),
          "every rejected record of " + f.file() + " has its reject rows");
    }
  }

  @Test
  void everyRecordThatPassesHasSaneValues() {
    int passed = 0;
    for (Map.Entry<String, Row> e : outcomes.entrySet()) {
      if (fieldProblems(e.getValue()).isEmpty()) {
        passed++;
        String what = e.getKey() + (cases.containsKey(e.getKey())
            ? " " + cases.get(e.getKey())[0] + "=" + shown(cases.get(e.getKey())[1]) : "");
        FuzzSanity.requireSane(e.getValue(), what);
      }
    }
    assertTrue(passed > 100, "the fuzz leaves many records valid, so the sanity checks bite: " + passed);
  }

  @Test
  void everyOddValueIsRejectedNamingItsFieldOrAcceptedSane() {
    List<String> failures = new ArrayList<>();
    for (Map.Entry<String, String[]> c : cases.entrySet()) {
      Row outcome = outcomes.get(c.getKey());
      String field = c.getValue()[0];
      if (outcome == null) {
        failures.add(c.getKey() + " " + field + " = " + shown(c.getValue()[1]) + ": no record read");
        continue;
      }
      List<String> named = fieldProblems(outcome);
      if (field.equals("(control)")) {
        if (!named.isEmpty()) {
          failures.add(c.getKey() + ": the unmutated control record is rejected: " + named);
        }
      } else if (!named.isEmpty() && named.stream().noneMatch(f -> related(field, f))
          && !(named.equals(List.of("(line)")) && c.getValue()[1].startsWith("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["))) {
        // (A value nested thousands deep is beyond the JSON parser's limit: the line is rejected as a whole.)
        failures.add(c.getKey() + " " + field + " = " + shown(c.getValue()[1]) + ": rejected naming " + named);
      }
    }
    assertTrue(failures.isEmpty(), failures.size() + " of " + cases.size() + " cases (seed " + Fuzz.seed()
        + "):\n" + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
  }

  @Test
  void theTwoRunStoppingValuesAreRejectedWithAReasonToActOn() {
    Map<String, String> expected = Map.of(
        "submitted=\"20b7-10-26T12:27:42Z\"", "not a timestamp; write e.g. 2007-11-02T14:31:00Z",
        "submitted=\"six\"", "not a timestamp; write e.g. 2007-11-02T14:31:00Z",
        "submitted=\"2007-13-45T99:99:99Z\"", "not a timestamp; write e.g. 2007-11-02T14:31:00Z",
        "funding.expenditure_2006_07=1000000000000000", "amount too large: at most £999,999,999,999.99",
        "Budget 2006-07=£1,000,000,000,000,000", "amount too large: at most £999,999,999,999.99");
    for (Map.Entry<String, String> e : expected.entrySet()) {
      String key = cases.entrySet().stream().filter(c -> String.join("=", c.getValue()).equals(e.getKey()))
          .map(Map.Entry::getKey).findFirst().orElseThrow(() -> new AssertionError("no case " + e.getKey()));
      String field = e.getKey().substring(0, e.getKey().indexOf('='));
      List<Row> problems = outcomes.get(key).getList(outcomes.get(key).fieldIndex("problems"));
      assertTrue(problems.stream().anyMatch(p -> field.equals(p.getString(0)) && e.getValue().equals(p.getString(2))),
          e.getKey() + " is rejected on " + field + " with '" + e.getValue() + "': " + problems);
    }
  }

  /** A value short enough for a failure message. */
  static String shown(String value) {
    return value.length() > 60 ? value.substring(0, 60) + "...(" + value.length() + " characters)" : value;
  }

  /** The fields a record is rejected on, leaving out problems that come from other records (duplicates). */
  static List<String> fieldProblems(Row outcome) {
    List<Row> problems = outcome.getList(outcome.fieldIndex("problems"));
    return problems.stream()
        .filter(p -> !p.getString(2).startsWith("duplicate return reference")
            && !p.getString(2).startsWith("the board has more than one 2006 return"))
        .map(p -> p.getString(0)).toList();
  }

  /** True when a reject on {@code named} is about the mutated {@code field} (or its object, or the budget rule). */
  static boolean related(String field, String named) {
    String f = field.replaceAll("\\[[0-9]+]", "");
    return named.equals(f) || named.startsWith(f + ".") || f.startsWith(named + ".")
        || (f.startsWith("funding") && named.equals("funding.contributions"))
        || (Codes.CONTRIBUTION_COLUMNS_2006.containsKey(f) && named.equals("Budget 2006-07"))
        || (f.equals("(file)") && named.equals("(file)"));
  }

  private static void byteMutations(Path shipped, Path dir, String ext) throws IOException {
    byte[] bytes = Files.readAllBytes(shipped);
    String base = shipped.getFileName().toString().replaceAll("\\.[a-z]+$", "");
    for (Fuzz.Mutation m : Fuzz.mutations()) {
      Random random = Fuzz.random(base + m.name());
      write(dir.resolve("bytes-" + base + "-" + m.name() + "." + ext), m.apply().apply(bytes, random));
    }
  }

  /** One file per 2007 field: an unmutated control line, then one line per odd value (and one without it). */
  private static void fieldVariants2007(List<String> shippedLines, Path dir) throws IOException {
    ObjectNode base = baseReturn(shippedLines);
    List<String> paths = new ArrayList<>();
    collectPaths(base, "", paths);
    for (String leaf : List.of("performance.peer_review", "chair.boards_chaired", "members.CPS",
        "funding.contributions.OTHER")) {
      if (!paths.contains(leaf)) {
        paths.add(leaf);
      }
    }
    Random random = Fuzz.random("fields-2007");
    String longPath = paths.get(random.nextInt(paths.size()));
    String deepPath = paths.get(random.nextInt(paths.size()));
    for (int p = 0; p < paths.size(); p++) {
      String path = paths.get(p);
      List<String> values = new ArrayList<>(ODD_JSON);
      values.add(JSON.writeValueAsString(Fuzz.oddText(random, 40)));
      values.add(Fuzz.oddNumber(random, 40));
      if (path.equals(longPath)) {
        values.add(JSON.writeValueAsString("9".repeat(Fuzz.LONG_FIELD)));
      }
      if (path.equals(deepPath)) {
        int depth = 500 + random.nextInt(2500);
        values.add("[".repeat(depth) + "]".repeat(depth));
      }
      String file = "field-" + String.format("%02d", p) + "-" + path.replaceAll("[^A-Za-z0-9_]+", "_") + ".jsonl";
      StringBuilder out = new StringBuilder();
      int line = 0;
      out.append(variant(base, "F" + p + "-0", null, null)).append('\n');
      cases.put(file + ":" + (++line), new String[] {"(control)", ""});
      out.append(variant(base, "F" + p + "-1", path, null)).append('\n');
      cases.put(file + ":" + (++line), new String[] {path, "(left out)"});
      for (int v = 0; v < values.size(); v++) {
        out.append(variant(base, "F" + p + "-" + (v + 2), path, values.get(v))).append('\n');
        cases.put(file + ":" + (++line), new String[] {path, values.get(v)});
      }
      write(dir.resolve(file), out.toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The shipped 2007 return with the most answers, as the base every variant starts from. */
  private static ObjectNode baseReturn(List<String> lines) {
    ObjectNode best = null;
    int most = -1;
    for (String line : lines) {
      try {
        JsonNode node = JSON.readTree(line);
        List<String> paths = new ArrayList<>();
        collectPaths(node, "", paths);
        if (node instanceof ObjectNode o && paths.size() > most && !line.contains("please ignore")) {
          best = o;
          most = paths.size();
        }
      } catch (IOException e) {
        // a deliberately bad shipped line: not a base
      }
    }
    return best;
  }

  private static void collectPaths(JsonNode node, String prefix, List<String> out) {
    node.fieldNames().forEachRemaining(name -> {
      String path = prefix.isEmpty() ? name : prefix + "." + name;
      out.add(path);
      JsonNode child = node.get(name);
      if (child.isObject()) {
        collectPaths(child, path, out);
      } else if (child.isArray() && child.size() > 0) {
        out.add(path + "[0]");
      }
    });
  }

  /** The base return with its own return_id, and {@code path} set to {@code value} (null: left out). */
  private static String variant(ObjectNode base, String id, String path, String value) {
    ObjectNode copy = base.deepCopy();
    copy.put("return_id", "FZ07-" + id);
    if (path == null) {
      return copy.toString();
    }
    String[] parts = path.split("\\.");
    ObjectNode parent = copy;
    for (int i = 0; i < parts.length - 1; i++) {
      parent = parent.get(parts[i]) instanceof ObjectNode o ? o : parent.putObject(parts[i]);
    }
    String last = parts[parts.length - 1];
    if (last.endsWith("[0]")) {
      var array = parent.withArray(last.substring(0, last.length() - 3));
      if (value == null) {
        array.remove(0);
      } else {
        array.set(0, HOLE);
      }
    } else if (value == null) {
      parent.remove(last);
    } else {
      parent.put(last, HOLE);
    }
    return copy.toString().replace("\"" + HOLE + "\"", value == null ? "" : value);
  }

  /** One file per 2006 column: the control row, then one row per odd value, Excel-style quoted. */
  private static void columnVariants2006(List<String> shippedLines, Path dir) throws IOException {
    List<String> base = lscb.io.CsvText.fields(shippedLines.get(1));
    Random random = Fuzz.random("columns-2006");
    for (int c = 0; c < Codes.COLUMNS_2006.size(); c++) {
      String column = Codes.COLUMNS_2006.get(c);
      List<String> values = new ArrayList<>(ODD_CSV);
      values.add(Fuzz.oddText(random, 30).replaceAll("[\u0000\r\n]", "").replaceAll("[^\\x00-\\xff]", "?"));
      values.add(Fuzz.oddNumber(random, 30));
      values.add("7".repeat(Fuzz.LONG_FIELD));
      values.add("two\nlines");  // last: a quoted line break makes the record span two physical lines
      String file = "column-" + String.format("%02d", c) + "-" + column.replaceAll("[^A-Za-z0-9]+", "_") + ".csv";
      StringBuilder out = new StringBuilder(Returns2006Reader.HEADER).append("\r\n");
      out.append(row(base, c, base.get(c), "FZ06-" + c + "-0")).append("\r\n");
      cases.put(file + ":2", new String[] {"(control)", ""});
      for (int v = 0; v < values.size(); v++) {
        out.append(row(base, c, values.get(v), "FZ06-" + c + "-" + (v + 1))).append("\r\n");
        cases.put(file + ":" + (v + 3), new String[] {column, values.get(v)});
      }
      write(dir.resolve(file), out.toString().getBytes(CP1252));
      for (int v = 0; v < FILE_BREAKING_CSV.size(); v++) {
        String breaking = "file-breaking-" + c + "-" + v + ".csv";
        byte[] bytes = (Returns2006Reader.HEADER + "\r\n" + row(base, c, FILE_BREAKING_CSV.get(v), "FZ06-" + c
            + "-b" + v) + "\r\n").getBytes(StandardCharsets.UTF_8);
        write(dir.resolve(breaking), bytes);
        cases.put(breaking + ":2", new String[] {"(file)", FILE_BREAKING_CSV.get(v)});
      }
    }
  }

  private static String row(List<String> base, int column, String value, String ref) {
    List<String> fields = new ArrayList<>(base);
    fields.set(0, ref);
    fields.set(column, value);
    return String.join(",", fields.stream().map(f -> "\"" + f.replace("\"", "\"\"") + "\"").toList());
  }

  private static void write(Path file, byte[] bytes) throws IOException {
    Files.write(file, bytes);
    written.add(file.toString());
  }

  @Test
  void theFuzzCoversEveryFieldOfBothLayouts() {
    for (String column : Codes.COLUMNS_2006) {
      assertTrue(cases.values().stream().anyMatch(c -> c[0].equals(column)), "2006 column fuzzed: " + column);
    }
    for (String field : Returns2007Reader.SHAPE.fieldNames()) {
      assertTrue(field.equals("_corrupt") || cases.values().stream().anyMatch(c -> c[0].equals(field)),
          "2007 field fuzzed: " + field);
    }
    assertFalse(cases.isEmpty());
  }
}
