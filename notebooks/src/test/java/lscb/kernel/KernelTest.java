package lscb.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The kernel in-process: cells, values, rendering, errors and completion. */
class KernelTest {
  private static Kernel kernel;

  @BeforeAll
  static void start() {
    kernel = TestKernels.start();
  }

  @AfterAll
  static void stop() {
    kernel.close();
  }

  private static String text(DisplayData data) {
    return (String) data.getData(MIMEType.TEXT_PLAIN);
  }

  @Test
  void keepsStateBetweenCellsAndReturnsTheLastExpression() {
    assertNull(kernel.eval("int boards = 144;\nString name = \"LSCB\";"), "declarations show nothing");
    DisplayData value = kernel.eval("int twice = boards * 2;\nname + \" \" + twice");
    assertEquals("LSCB 288", text(value), "the last expression's value, from state of an earlier cell");
    assertEquals("289", text(kernel.eval("twice + 1")), "a variable declared in the previous cell");
    assertNull(kernel.eval("System.out.println(twice);"), "a statement has no value");
  }

  @Test
  void methodsAndClassesDeclaredInOneCellAreUsableInTheNext() {
    kernel.eval("record Board(String name, int returns) {}\nint total(List<Board> boards) {"
        + " return boards.stream().mapToInt(Board::returns).sum(); }");
    assertEquals("5", text(kernel.eval("total(List.of(new Board(\"a\", 2), new Board(\"b\", 3)))")),
        "a record and a method from an earlier cell");
  }

  @Test
  void rendersATablesawTableAsABoundedHtmlTable() {
    kernel.eval("import tech.tablesaw.api.*;");
    DisplayData data = kernel.eval(
        "Table t = Table.create(\"boards\", IntColumn.create(\"id\"), StringColumn.create(\"region\"));\n"
            + "for (int i = 1; i <= 25; i++) { t.intColumn(\"id\").append(i);"
            + " t.stringColumn(\"region\").append(i % 2 == 0 ? \"North & East\" : \"<South>\"); }\n"
            + "t");
    String html = (String) data.getData(MIMEType.TEXT_HTML);
    assertNotNull(html, "a Table has an HTML view");
    assertTrue(html.contains("boards: 20 of 25 rows, 2 columns"), "caption states rows shown and total: " + html);
    assertEquals(20, html.split("<tr><td>", -1).length - 1, "at most 20 body rows");
    assertTrue(html.contains("<th>region</th>") && html.contains("North &amp; East") && html.contains("&lt;South&gt;"),
        "header and escaped cells");
  }

  @Test
  void rendersAnXChartChartAsPng() {
    DisplayData data = kernel.eval("import org.knowm.xchart.*;\n"
        + "XYChart chart = new XYChartBuilder().width(400).height(300).title(\"Returns\").build();\n"
        + "chart.addSeries(\"returns\", new double[] {1, 2, 3}, new double[] {3, 1, 2});\n"
        + "chart");
    String png = (String) data.getData(MIMEType.parse("image/png"));
    assertNotNull(png, "a chart has an image/png view");
    byte[] bytes = Base64.getDecoder().decode(png);
    assertEquals("PNG", new String(bytes, 1, 3), "the payload is a PNG file");
  }

  @Test
  void passesDisplayDataThroughAsItIs() {
    DisplayData data = kernel.eval("var d = new org.dflib.jjava.jupyter.kernel.display.DisplayData(\"plain\");\n"
        + "d.putMarkdown(\"**bold**\");\nd");
    assertEquals("**bold**", data.getData(MIMEType.TEXT_MARKDOWN), "DisplayData keeps its own views");
  }

  @Test
  void reportsACompileErrorWithTheCellLine() {
    CompileError error = assertThrows(CompileError.class,
        () -> kernel.eval("int ok = 1;\nint bad = undefinedThing + 1;"));
    assertTrue(error.getMessage().contains("line 2") && error.getMessage().contains("undefinedThing"),
        "names the line in the cell and the symbol: " + error.getMessage());
    List<String> lines = kernel.formatError(error);
    assertTrue(lines.stream().anyMatch(l -> l.contains("cannot find symbol")), "the compiler's message: " + lines);
  }

  @Test
  void reportsARuntimeErrorWithTheUsersOwnExceptionType() {
    IllegalStateException error = assertThrows(IllegalStateException.class,
        () -> kernel.eval("void check(int n) { if (n > 2) throw new IllegalStateException(\"too many: \" + n); }\n"
            + "check(3);"));
    assertEquals("too many: 3", error.getMessage(), "the user's message, not a JShell wrapper's");
    List<String> lines = kernel.formatError(error);
    assertEquals("java.lang.IllegalStateException: too many: 3", lines.get(0), "first line names the type");
    assertTrue(lines.stream().noneMatch(l -> l.contains("jdk.jshell")), "no JShell frames: " + lines);
  }

  @Test
  void errorsLikeStackOverflowAreReportedAsThemselvesWithRecursionFolded() {
    JavaError error = assertThrows(JavaError.class,
        () -> kernel.eval("int depth(int n) { return n <= 0 ? 0 : 1 + depth(n - 1); }\ndepth(10_000_000)"));
    List<String> lines = kernel.formatError(error);
    assertEquals("java.lang.StackOverflowError", lines.get(0), "the Error itself heads the traceback");
    assertTrue(lines.size() < 10 && lines.stream().anyMatch(l -> l.contains("repeated")),
        "deep recursion folded into a few lines: " + lines.size());
    assertEquals("2", text(kernel.eval("1 + 1")), "the kernel still works after a stack overflow");
  }

  @Test
  void checkedExceptionsKeepTheirType() {
    assertThrows(java.io.FileNotFoundException.class,
        () -> kernel.eval("new java.io.FileInputStream(\"/no/such/file\")"), "a checked exception as thrown");
  }

  @Test
  void completesMembersAndNames() {
    kernel.eval("String region = \"north\";");
    String code = "int x = 1;\nregion.toUpp";
    ReplacementOptions options = kernel.complete(code, code.length());
    assertTrue(options.getReplacements().stream().anyMatch(r -> r.startsWith("toUpperCase")),
        "String methods: " + options.getReplacements());
    assertEquals(code.indexOf("toUpp"), options.getSourceStart(), "replaces the typed prefix");
    assertEquals(code.length(), options.getSourceEnd(), "up to the cursor");
  }

  @Test
  void inspectsANameFromItsMiddleWithTheProjectsOwnJavadoc() {
    String code = "lscb.kernel.Notebook.markdown(\"*x*\")";
    DisplayData doc = kernel.inspect(code, code.indexOf("markdown") + 3, false);
    assertNotNull(doc, "found with the cursor inside the method name");
    String text = text(doc);
    assertTrue(text.contains("Notebook.markdown(String markdown)"), "the signature: " + text);
    assertTrue(text.contains("Markdown, shown formatted."), "the javadoc from the project's source: " + text);
    DisplayData type = kernel.inspect("lscb.kernel.Notebook", 15, false);
    assertTrue(text(type).contains("What cells can call"), "a class's javadoc: " + text(type));
  }

  @Test
  void tellsCompleteFromIncompleteCode() {
    assertEquals(BaseKernel.IS_COMPLETE_YES, kernel.isComplete("int a = 1;"), "a full statement");
    assertEquals("", kernel.isComplete("for (int i = 0; i < 3; i++) {"), "an open block waits for more");
  }

  @Test
  void showsArraysAndNullsSensibly() {
    assertEquals("[1, 2, 3]", text(kernel.eval("new int[] {1, 2, 3}")), "arrays by content");
    assertInstanceOf(DisplayData.class, kernel.eval("\"text\""), "strings as text");
  }
}
