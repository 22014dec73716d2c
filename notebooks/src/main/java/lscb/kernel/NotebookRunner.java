package lscb.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Executes notebooks headless with nbconvert and the lscb-java kernel; finds the first failing cell. */
public final class NotebookRunner {
  private final Path outDir;
  private final int timeoutSeconds;
  private final Map<String, String> env;

  /** Writes NAME.ipynb (executed), NAME.html and NAME.log into outDir; env goes to nbconvert and the kernel. */
  public NotebookRunner(Path outDir, int timeoutSeconds, Map<String, String> env) {
    this.outDir = outDir.toAbsolutePath();
    this.timeoutSeconds = timeoutSeconds;
    this.env = Map.copyOf(env);
  }

  /** What a run produced: the code cells, the first failure (null if none) and the outputs. */
  public record Result(String notebook, int codeCells, String failure, Path executed, Path html, Path report, double seconds) {
    public boolean ok() {
      return failure == null;
    }
  }

  /** Executes one notebook once (errors recorded in the notebook), then renders it to HTML. */
  public Result run(Path notebook) throws IOException, InterruptedException {
    long start = System.nanoTime();
    String file = notebook.getFileName().toString();
    String name = file.replaceFirst("\\.ipynb$", "");
    Files.createDirectories(outDir);
    Path log = outDir.resolve(name + ".log");
    Path executed = outDir.resolve(name + ".ipynb");
    Path html = outDir.resolve(name + ".html");
    Files.deleteIfExists(executed);
    int exit = nbconvert(log, false, "--to", "notebook", "--execute", "--allow-errors",
        "--ExecutePreprocessor.kernel_name=" + Kernel.NAME,
        "--ExecutePreprocessor.timeout=" + timeoutSeconds,
        "--output-dir", outDir.toString(), "--output", name, notebook.toAbsolutePath().toString());
    if (exit != 0 || !Files.isRegularFile(executed)) {
      return new Result(file, 0, file + ": nbconvert failed (exit " + exit + "): " + lastError(log)
          + " (log: " + log + ")", null, null, null, seconds(start));
    }
    JsonObject notebookJson = JsonParser.parseString(Files.readString(executed)).getAsJsonObject();
    JsonArray cells = notebookJson.getAsJsonArray("cells");
    String failure = firstFailure(file, cells);
    int toHtml = nbconvert(log, true, "--to", "html", "--output-dir", outDir.toString(), "--output", name,
        executed.toString());
    if (toHtml != 0 && failure == null) {
      failure = file + ": HTML conversion failed: " + lastError(log) + " (log: " + log + ")";
    }
    Path report = null;
    if (wantsReport(notebookJson)) {
      report = outDir.resolve(name + ".report.html");
      int toReport = nbconvert(log, true, "--to", "html", "--no-input", "--no-prompt", "--output-dir", outDir.toString(),
          "--output", name + ".report", executed.toString());
      if (toReport != 0) {
        report = null;
        failure = failure != null ? failure : file + ": the code-free report failed: " + lastError(log) + " (log: " + log + ")";
      }
    }
    return new Result(file, countCodeCells(cells), failure, executed, toHtml == 0 ? html : null, report, seconds(start));
  }

  /** True if the notebook's metadata asks for a code-free report too: {"lscb": {"report": true}}. */
  static boolean wantsReport(JsonObject notebook) {
    JsonObject metadata = notebook.getAsJsonObject("metadata");
    JsonElement lscb = metadata == null ? null : metadata.get("lscb");
    return lscb != null && lscb.isJsonObject() && lscb.getAsJsonObject().has("report")
        && lscb.getAsJsonObject().get("report").getAsBoolean();
  }

  /** "NAME.ipynb: cell [3] `first line` failed: Type: message" for the first code cell with an error. */
  static String firstFailure(String file, JsonArray cells) {
    int codeCell = 0;
    for (JsonElement element : cells) {
      JsonObject cell = element.getAsJsonObject();
      if (!"code".equals(cell.get("cell_type").getAsString())) {
        continue;
      }
      codeCell++;
      for (JsonElement output : cell.getAsJsonArray("outputs")) {
        JsonObject out = output.getAsJsonObject();
        if ("error".equals(out.get("output_type").getAsString())) {
          String value = out.get("evalue").getAsString().strip();
          int newline = value.indexOf('\n');
          return file + ": cell [" + codeCell + "] `" + firstLine(source(cell)) + "` failed: "
              + out.get("ename").getAsString() + ": " + (newline < 0 ? value : value.substring(0, newline) + " ...");
        }
      }
    }
    return null;
  }

  private static int countCodeCells(JsonArray cells) {
    int count = 0;
    for (JsonElement cell : cells) {
      count += "code".equals(cell.getAsJsonObject().get("cell_type").getAsString()) ? 1 : 0;
    }
    return count;
  }

  private static String source(JsonObject cell) {
    JsonElement source = cell.get("source");
    if (source.isJsonArray()) {
      StringBuilder text = new StringBuilder();
      source.getAsJsonArray().forEach(line -> text.append(line.getAsString()));
      return text.toString();
    }
    return source.getAsString();
  }

  private static String firstLine(String text) {
    String line = text.strip().lines().findFirst().orElse("");
    return line.length() > 60 ? line.substring(0, 57) + "..." : line;
  }

  private int nbconvert(Path log, boolean append, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(JupyterSetup.JUPYTER.toString(), "nbconvert"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(append ? ProcessBuilder.Redirect.appendTo(log.toFile()) : ProcessBuilder.Redirect.to(log.toFile()));
    builder.environment().putAll(env);
    return builder.start().waitFor();
  }

  /** The last line of nbconvert's log that names an error (a timeout, a dead kernel), else its last line. */
  private static String lastError(Path log) throws IOException {
    List<String> lines = Files.isRegularFile(log) ? Files.readAllLines(log) : List.of();
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (lines.get(i).matches("^[\\w.]*(Error|Exception)\\b.*")) {
        return lines.get(i).strip();
      }
    }
    return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1).strip();
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  /** The environment a run gives notebooks: where the checkout and the outputs are. */
  public static Map<String, String> notebookEnv(Path root, Path out) {
    Map<String, String> env = new HashMap<>();
    env.put("LSCB_ROOT", root.toAbsolutePath().normalize().toString());
    env.put("LSCB_OUT", out.toAbsolutePath().normalize().toString());
    return env;
  }
}
