package lscb.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real Jupyter: the kernelspec in a temporary JUPYTER_PATH, notebooks executed by /usr/bin/jupyter nbconvert. */
@Tag("slow") // left out by ./lscb test --fast
class NotebookExecutionTest {
  @TempDir
  static Path tmp;
  private static NotebookRunner runner;

  @BeforeAll
  static void installKernel() throws IOException {
    assertTrue(JupyterSetup.isInstalled(), JupyterSetup.JUPYTER + " with nbconvert is needed for this test;"
        + " install it as root: " + JupyterSetup.INSTALL_COMMAND);
    Path jupyterPath = tmp.resolve("jupyter");
    List<String> jvmOptions = new ArrayList<>();
    for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (argument.startsWith("--add-opens") || argument.startsWith("-XX:+IgnoreUnrecognized")
          || argument.startsWith("-Djdk.reflect") || argument.startsWith("-Dio.netty")) {
        jvmOptions.add(argument); // Spark's flags, as surefire got them
      }
    }
    jvmOptions.add("-Xmx1g");
    KernelSpec spec = new KernelSpec(KernelSpec.currentJava(), jvmOptions,
        List.of(TestKernels.classpath().split(":")), Map.of());
    Path dir = spec.install(jupyterPath);
    assertTrue(spec.isInstalled(jupyterPath), "the kernelspec just written is found as installed in " + dir);
    Map<String, String> env = new HashMap<>(NotebookRunner.notebookEnv(tmp, tmp.resolve("out")));
    env.put("JUPYTER_PATH", jupyterPath.toString());
    runner = new NotebookRunner(tmp.resolve("out/notebooks"), 300, env);
  }

  private static Path notebook(String name) throws IOException {
    Path target = tmp.resolve("notebooks").resolve(name);
    Files.createDirectories(target.getParent());
    try (InputStream in = NotebookExecutionTest.class.getResourceAsStream("/" + name)) {
      assertNotNull(in, name + " is a test resource");
      Files.copy(in, target);
    }
    return target;
  }

  @Test
  void executesANotebookWithStateATableAndAChart() throws Exception {
    NotebookRunner.Result result = runner.run(notebook("kernel-test.ipynb"));
    System.out.printf("kernel-test.ipynb executed in %.1f s%n", result.seconds());
    assertNull(result.failure(), "every cell runs");
    assertEquals(5, result.codeCells(), "all code cells counted");

    JsonObject executed = JsonParser.parseString(Files.readString(result.executed())).getAsJsonObject();
    List<JsonObject> outputs = new ArrayList<>();
    for (JsonElement cell : executed.getAsJsonArray("cells")) {
      JsonObject c = cell.getAsJsonObject();
      if (c.get("cell_type").getAsString().equals("code")) {
        assertTrue(c.get("execution_count").isJsonPrimitive(), "every code cell ran: " + c.get("source"));
        c.getAsJsonArray("outputs").forEach(o -> outputs.add(o.getAsJsonObject()));
      }
    }
    assertTrue(outputs.stream().noneMatch(o -> o.get("output_type").getAsString().equals("error")),
        "no error outputs: " + outputs);
    String all = outputs.toString();
    assertTrue(all.contains("boards: 144"), "printed output reaches the notebook");
    assertTrue(all.contains("\"text/plain\":\"288\"") || all.contains("\"text/plain\":[\"288\"]"),
        "the last expression of a cell, from an earlier cell's state: " + all);
    assertTrue(all.contains("returns: 3 rows, 2 columns"), "the Tablesaw table as HTML");
    assertTrue(outputs.stream().anyMatch(o -> o.has("data") && o.getAsJsonObject("data").has("image/png")),
        "the chart as a PNG");
    assertTrue(outputs.stream().anyMatch(o -> o.get("output_type").getAsString().equals("display_data")
        && o.getAsJsonObject("data").has("text/html")), "display(...) shows a table mid-cell");
    assertTrue(all.contains("regions: 3, first: North East"), "state from the first cell in the last");

    String html = Files.readString(result.html());
    assertTrue(html.contains("<table class=\"dataframe\">") && html.contains("North East"), "table in the HTML");
    assertTrue(html.contains("data:image/png;base64,"), "chart in the HTML");
    assertTrue(html.contains("boards: 144") && html.contains("288"), "text outputs in the HTML");
  }

  @Test
  void aFailingCellIsNamedWithTheUsersException() throws Exception {
    NotebookRunner.Result result = runner.run(notebook("kernel-fails.ipynb"));
    assertNotNull(result.failure(), "a failing cell fails the notebook");
    assertTrue(result.failure().startsWith("kernel-fails.ipynb: cell [2] `if (board > 0) {` failed: "
        + "IllegalArgumentException: bad board code: X99"), "names notebook, cell and error: " + result.failure());
    assertTrue(Files.readString(result.html()).contains("bad board code: X99"), "the HTML shows the error");
  }
}
