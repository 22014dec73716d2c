package lscb.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * The project's notebooks on the pipeline's real outputs: `lscb run` into a temporary folder, then both
 * notebooks executed by /usr/bin/jupyter nbconvert on the lscb-java kernel, as `./lscb notebooks` does.
 * The jobs build is read from jobs/target (or -Dlscb.jobs.dir=DIR).
 */
@Tag("slow") // left out by ./lscb test --fast
class ProjectNotebooksTest {
  private static final List<String> NOTEBOOKS = List.of("01-exploratory", "02-final-analysis");

  @TempDir
  static Path tmp;
  private static Path root;
  private static Path out;
  /** The finished run under out that LATEST names. */
  private static Path finished;
  private static final Map<String, NotebookRunner.Result> results = new HashMap<>();

  @BeforeAll
  static void runThePipelineThenTheNotebooks() throws Exception {
    assertTrue(JupyterSetup.isInstalled(), JupyterSetup.JUPYTER + " with nbconvert is needed for this test;"
        + " install it as root: " + JupyterSetup.INSTALL_COMMAND);
    root = Path.of(System.getProperty("lscb.root", "..")).toAbsolutePath().normalize();
    Path jobs = Path.of(System.getProperty("lscb.jobs.dir", root.resolve("jobs/target").toString()));
    Path jobsJar = jobs.resolve("lscb-jobs.jar");
    Path jobsClasspath = jobs.resolve("runtime-classpath.txt");
    assertTrue(Files.isRegularFile(jobsJar) && Files.isRegularFile(jobsClasspath), "the jobs build is needed in " + jobs
        + " (lscb-jobs.jar, runtime-classpath.txt): ./lscb test builds it, or mvn -pl jobs -DskipTests package");
    List<String> jobsEntries = new ArrayList<>(List.of(jobsJar.toString()));
    jobsEntries.addAll(List.of(Files.readString(jobsClasspath).trim().split(":")));
    List<String> jvm = sparkFlags();
    jvm.add("-Xmx2g");

    out = tmp.resolve("out");
    List<String> pipeline = new ArrayList<>(List.of(KernelSpec.currentJava()));
    pipeline.addAll(jvm);
    pipeline.addAll(List.of("-cp", String.join(":", jobsEntries), "lscb.cli.Lscb", "run", "--out", out.toString()));
    Path log = tmp.resolve("run.log");
    long start = System.nanoTime();
    Process run = new ProcessBuilder(pipeline).directory(root.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    assertTrue(run.waitFor(30, TimeUnit.MINUTES), "the pipeline finishes within 30 minutes");
    assertEquals(0, run.exitValue(), "lscb run exits 0 (every published figure reproduced); its output ends: " + tail(log));
    System.out.printf(Locale.ROOT, "lscb run: %.1f s%n", (System.nanoTime() - start) / 1e9);

    Path kernelClasses = Path.of(Kernel.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> first = new ArrayList<>(List.of(kernelClasses.toString()));
    first.addAll(jobsEntries);
    List<String> classpath = KernelClasspath.merge(first, List.of(TestKernels.classpath().split(":")));
    Path jupyterPath = tmp.resolve("jupyter");
    // As `./lscb kernel install` writes it: kernel.json sets LSCB_ROOT, which the executed copies must not follow.
    new KernelSpec(KernelSpec.currentJava(), jvm, classpath, Map.of("LSCB_ROOT", root.toString())).install(jupyterPath);
    finished = NotebooksCommand.finishedRun(out);
    Map<String, String> env = new HashMap<>(NotebookRunner.notebookEnv(root, finished));
    env.put("JUPYTER_PATH", jupyterPath.toString());
    NotebookRunner runner = new NotebookRunner(out.resolve("notebooks"), 600, env);
    for (String name : NOTEBOOKS) {
      NotebookRunner.Result result = runner.run(root.resolve("notebooks").resolve(name + ".ipynb"));
      System.out.printf(Locale.ROOT, "[notebook %s] %d code cells, %.1f s%n", result.notebook(), result.codeCells(),
          result.seconds());
      results.put(name, result);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"01-exploratory", "02-final-analysis"})
  void everyCellRunsAndShowsItsTablesAndCharts(String name) throws IOException {
    NotebookRunner.Result result = results.get(name);
    assertNull(result.failure(), "every cell of " + name + " runs without an error");
    JsonObject executed = JsonParser.parseString(Files.readString(result.executed())).getAsJsonObject();
    int pngs = 0;
    int cell = 0;
    for (JsonElement element : executed.getAsJsonArray("cells")) {
      JsonObject c = element.getAsJsonObject();
      if (!c.get("cell_type").getAsString().equals("code")) {
        continue;
      }
      cell++;
      String where = name + " code cell " + cell;
      assertTrue(c.get("execution_count").isJsonPrimitive(), where + " was executed");
      List<String> tags = new ArrayList<>();
      if (c.getAsJsonObject("metadata").has("tags")) {
        c.getAsJsonObject("metadata").getAsJsonArray("tags").forEach(t -> tags.add(t.getAsString()));
      }
      List<JsonObject> outputs = new ArrayList<>();
      c.getAsJsonArray("outputs").forEach(o -> outputs.add(o.getAsJsonObject()));
      assertTrue(!outputs.isEmpty() || tags.contains("parameters"), where + " shows something (the parameters cell need not)");
      assertTrue(outputs.stream().noneMatch(o -> o.get("output_type").getAsString().equals("error")),
          where + " has no error output: " + outputs);
      long cellPngs = outputs.stream().filter(o -> o.has("data") && o.getAsJsonObject("data").has("image/png")).count();
      pngs += (int) cellPngs;
      if (tags.contains("chart")) {
        assertTrue(cellPngs > 0, where + " is tagged chart and shows a PNG chart");
      }
      if (tags.contains("table")) {
        assertTrue(outputs.stream().anyMatch(o -> o.has("data") && o.getAsJsonObject("data").has("text/html")
            && text(o.getAsJsonObject("data").get("text/html")).contains("<table")), where + " is tagged table and shows an HTML table");
      }
    }
    String html = Files.readString(result.html());
    assertTrue(pngs >= 4, name + " has charts (" + pngs + ")");
    assertEquals(pngs, html.split("<img src=\"data:image/png;base64,", -1).length - 1, "every chart of " + name + " is in its HTML page");
    String runId = com.google.gson.JsonParser.parseString(Files.readString(lscb.notebook.RunFolder.resolve(out).resolve("manifest.json")))
        .getAsJsonObject().get("run_id").getAsString();
    assertTrue(html.contains("lscb-provenance") && plain(html).contains(runId), name + " states its provenance (run " + runId + ") at the top");
    String dataSentence = lscb.notebook.Provenance.read(lscb.notebook.RunFolder.resolve(out)).dataSentence()
        .replaceFirst("^Data status unknown: ", "").toLowerCase(Locale.ROOT);
    assertTrue(plain(html).toLowerCase(Locale.ROOT).contains(dataSentence.substring(0, 40)),
        name + " says what the manifest records about the data, or that it is unknown");
  }

  @Test
  void theCodeFreeReportHasNoCodeAndFitsA1280PxPageInChromium() throws Exception {
    Path report = results.get("02-final-analysis").report();
    assertTrue(report != null && Files.isRegularFile(report), "02-final-analysis.report.html is written beside the notebook");
    String html = Files.readString(report);
    String body = html.replaceAll("(?s)<style.*?</style>", "");
    assertTrue(!body.contains("jp-InputArea-editor") && !body.contains("jp-InputPrompt") && !body.contains("EesTable"),
        "the report shows no code and no prompts");
    assertTrue(html.contains("<title>Local Safeguarding Children Boards, 2006 and 2007: the final analysis</title>"),
        "the browser's title is the report's, not its file name");
    String page = plain(html);
    assertTrue(page.contains("Conclusion") && section(page, "Conclusion", null).contains("published figures") || page.contains("figures the 2007 report publishes"),
        "the report ends with a conclusion");
    java.nio.file.Path browser = lscb.notebook.BrowserCheck.locate(System.getenv());
    assertTrue(browser != null, "headless Chromium is needed: apt-get install -y chromium (./lscb kernel setup installs it)");
    for (Path file : List.of(report, results.get("02-final-analysis").html(), results.get("01-exploratory").html())) {
      lscb.notebook.BrowserCheck.Result r = lscb.notebook.BrowserCheck.check(browser, file, 1280);
      assertTrue(r.tables() > 0 && r.images() >= 4, file.getFileName() + " shows tables and charts in the browser: " + r);
      assertTrue(r.problems().isEmpty(), file.getFileName() + " at 1280 px: no table wider than the page, every chart loads: " + r.problems());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"01-exploratory", "02-final-analysis"})
  void theExecutedCopyRunsAgainFromOutNotebooks(String name) throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("JUPYTER_PATH", tmp.resolve("jupyter").toString());
    env.put("LSCB_OUT", "");
    env.put("LSCB_ROOT", "");
    NotebookRunner rerun = new NotebookRunner(tmp.resolve("rerun-" + name), 600, env);
    NotebookRunner.Result result = rerun.run(out.resolve("notebooks").resolve(name + ".ipynb"));
    assertNull(result.failure(), "the executed copy OUT/notebooks/" + name + ".ipynb runs again without LSCB_OUT, on a kernelspec"
        + " that sets LSCB_ROOT to the checkout, reading OUT (not the checkout's out/)");
  }

  @Test
  void theCommittedNotebooksAreJavaAndHaveNoOutputs() throws IOException {
    for (String name : NOTEBOOKS) {
      JsonObject notebook = JsonParser.parseString(Files.readString(root.resolve("notebooks").resolve(name + ".ipynb")))
          .getAsJsonObject();
      JsonObject metadata = notebook.getAsJsonObject("metadata");
      JsonObject first = notebook.getAsJsonArray("cells").asList().stream().map(JsonElement::getAsJsonObject)
          .filter(c -> c.get("cell_type").getAsString().equals("code")).findFirst().orElseThrow();
      assertTrue(first.getAsJsonObject("metadata").has("tags") && first.getAsJsonObject("metadata").getAsJsonArray("tags").toString()
          .contains("\"parameters\""), name + "'s first code cell is tagged parameters");
      assertEquals(Kernel.NAME, metadata.getAsJsonObject("kernelspec").get("name").getAsString(), name + " names the lscb-java kernel");
      assertEquals("java", metadata.getAsJsonObject("language_info").get("name").getAsString(), name + " is highlighted as Java");
      for (JsonElement element : notebook.getAsJsonArray("cells")) {
        JsonObject c = element.getAsJsonObject();
        if (c.get("cell_type").getAsString().equals("code")) {
          assertTrue(c.getAsJsonArray("outputs").isEmpty() && c.get("execution_count").isJsonNull(),
              name + " is committed without outputs or execution counts: " + text(c.get("source")).lines().findFirst().orElse(""));
        }
      }
    }
  }

  @Test
  void theFinalNotebookStatesThePipelinesOwnFigures() throws IOException {
    String page = plain(Files.readString(results.get("02-final-analysis").html()));
    Table conformance = csv(finished.resolve("conformance.csv"), "reproduced_value");
    assertTrue(section(page, "1. Chairing", "2. Structure").contains(pct(conformance, "C3", "2007")),
        "the 2007 independent-chair share " + pct(conformance, "C3", "2007") + " is stated under Chairing");
    assertTrue(section(page, "3. Funding", "4. Spend per child").contains(pct(conformance, "F6", "LA_CHILDRENS_SERVICES")),
        "the local authority share of all money is stated under Funding");
    assertTrue(section(page, "4. Spend per child", "5. Reaching").contains(pct(conformance, "F5", "2007")),
        "the share of boards planning to spend the same or less is stated under Spend per child");
    assertTrue(section(page, "6. Priorities", "7. Reviews").contains(pct(conformance, "P1", "SAFE_WORKFORCE")),
        "the safe-workforce priority share is stated under Priorities");
    assertTrue(section(page, "7. Reviews", "8. Conformance").contains(pct(conformance, "D2", "2007")),
        "the share of boards without a serious case review is stated under Reviews");

    String conformanceSection = section(page, "8. Conformance", null);
    TreeSet<String> ids = new TreeSet<>(conformance.stringColumn("id").asList());
    TreeSet<String> failed = new TreeSet<>(conformance.where(conformance.stringColumn("ok").isEqualTo("false"))
        .stringColumn("id").asList());
    String reproduced = (ids.size() - failed.size()) + " of " + ids.size() + " published figures reproduced";
    assertTrue(conformanceSection.contains(reproduced), "the conformance section says: " + reproduced);
    for (String id : ids) {
      assertTrue(conformanceSection.contains(id), "figure " + id + " is in the conformance table");
    }
  }

  @Test
  void theExploratoryNotebookStatesWhatWasReadAndRejected() throws IOException {
    String page = plain(Files.readString(results.get("01-exploratory").html()));
    Table reconciliation = csv(finished.resolve("reconciliation.csv"), "accepted", "rejected");
    String read = section(page, "1. What was read", "2. Coverage");
    long accepted = Math.round(reconciliation.doubleColumn("accepted").sum());
    long rejected = Math.round(reconciliation.doubleColumn("rejected").sum());
    assertTrue(read.contains(accepted + " accepted") && read.contains(rejected + " rejected"),
        "the totals " + accepted + " accepted and " + rejected + " rejected are stated under What was read");

    Table conformance = csv(finished.resolve("conformance.csv"), "reproduced_value");
    String coverage = section(page, "2. Coverage", "3. What was not answered");
    for (String year : List.of("2006", "2007")) {
      String boards = String.valueOf(Math.round(value(conformance, year.equals("2006") ? "R2" : "R1", year)));
      assertTrue(coverage.contains(boards + " an accepted " + year + " return")
          || coverage.contains(boards + " have an accepted " + year + " return"), "the " + year + " returns accepted ("
          + boards + ") are stated under Coverage");
    }

    Table rejects = csv(finished.resolve("rejects/returns.csv"));
    String why = section(page, "6. The rejects and why", null);
    assertTrue(why.contains(rejects.rowCount() + " survey records were rejected"), "the number of rejects is stated");
    for (String reason : rejects.stringColumn("reason").asList()) {
      assertTrue(why.contains(reason), "the reject reason is shown: " + reason);
    }
  }

  /** Spark's JVM flags as surefire got them (the same list the launcher passes). */
  private static List<String> sparkFlags() {
    List<String> flags = new ArrayList<>();
    for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (argument.startsWith("--add-opens") || argument.startsWith("--add-modules") || argument.startsWith("-XX:+IgnoreUnrecognized")
          || argument.startsWith("-Djdk.reflect") || argument.startsWith("-Dio.netty")) {
        flags.add(argument);
      }
    }
    return flags;
  }

  /** A CSV the pipeline wrote: every column text except the named number columns. */
  private static Table csv(Path file, String... numbers) throws IOException {
    List<String> numeric = List.of(numbers);
    return Table.read().usingOptions(CsvReadOptions.builder(file.toFile()).missingValueIndicator("")
        .columnTypes(column -> numeric.contains(column) ? ColumnType.DOUBLE : ColumnType.STRING));
  }

  private static double value(Table conformance, String id, String part) {
    Table row = conformance.where(conformance.stringColumn("id").isEqualTo(id).and(conformance.stringColumn("part").isEqualTo(part)));
    assertEquals(1, row.rowCount(), "conformance.csv has one row for " + id + " " + part);
    return row.doubleColumn("reproduced_value").get(0);
  }

  /** A reproduced percentage as the notebook writes it, e.g. 33.9%. */
  private static String pct(Table conformance, String id, String part) {
    return String.format(Locale.ROOT, "%.1f%%", value(conformance, id, part));
  }

  /** The text between a heading and the next one (or the end). */
  private static String section(String page, String heading, String next) {
    int start = page.indexOf(heading);
    assertTrue(start >= 0, "the page has a section " + heading);
    int end = next == null ? page.length() : page.indexOf(next, start);
    assertTrue(end > start, "the section " + heading + " is followed by " + next);
    return page.substring(start, end);
  }

  /** An HTML page as its text: tags removed, entities decoded, spaces collapsed. */
  private static String plain(String html) {
    return html.replaceAll("(?s)<style.*?</style>|<script.*?</script>", " ").replaceAll("<[^>]+>", " ")
        .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
        .replaceAll("\\s+", " ");
  }

  private static String text(JsonElement source) {
    if (source.isJsonArray()) {
      StringBuilder text = new StringBuilder();
      source.getAsJsonArray().forEach(line -> text.append(line.getAsString()));
      return text.toString();
    }
    return source.getAsString();
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
  }
}
