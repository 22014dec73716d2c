package lscb.notebook;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * Where a run's numbers come from, read from its manifest.json: run id, commit, date, the data status if recorded, and
 * the data files read (name, rows, sha256 prefix: which vintage of each file).
 */
public record Provenance(String runId, String commit, boolean dirty, String finished, String returns, String returnsLabel,
    String population, String populationLabel, String populationNotice, List<String> dataFiles) {

  /** The provenance of the run in a run folder (see {@link RunFolder#resolve}); unknown fields are null. */
  public static Provenance read(Path runFolder) {
    Path manifest = runFolder.resolve("manifest.json");
    if (!Files.isRegularFile(manifest)) {
      return new Provenance(null, null, false, null, null, null, null, null, null, List.of());
    }
    try {
      JsonObject m = JsonParser.parseString(Files.readString(manifest)).getAsJsonObject();
      JsonObject code = object(m, "code");
      JsonObject status = object(m, "data_status");
      return new Provenance(string(m, "run_id"), string(code, "git_commit"),
          code != null && code.has("git_dirty") && code.get("git_dirty").getAsBoolean(), string(m, "finished"),
          string(status, "returns"), string(status, "returns_label"), string(status, "population"), string(status, "population_label"),
          string(status, "population_notice"), dataFiles(m));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + manifest, e);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(manifest + " is not a run manifest (" + e.getMessage() + ")", e);
    }
  }

  /** True if the manifest says which returns and population the run used. */
  public boolean statusKnown() {
    return returns != null && population != null;
  }

  /** One sentence on the data: what the manifest records, or that it records nothing. */
  public String dataSentence() {
    if (!statusKnown()) {
      return "Data status unknown: this run's manifest.json does not record whether the survey returns are real or"
          + " reconstructed, nor which population figures were used, so no number here should be read as fact"
          + " until that is checked.";
    }
    return "Survey returns: " + describe(returns, returnsLabel) + ". Population: " + describe(population, populationLabel) + "."
        + ("ons".equals(population) && populationNotice != null ? " " + populationNotice + "." : "")
        + caveat();
  }

  /** The provenance block at the top of a notebook or report. */
  public String html() {
    StringBuilder html = new StringBuilder("<div class=\"lscb-provenance\" style=\"border-left:4px solid #b36b00;"
        + "padding:0.4em 1em;background:#fff8ec;max-width:60em\">");
    html.append("<p><b>").append(TableView.escape(statusKnown() ? "Data" : "Data status unknown")).append(".</b> ")
        .append(TableView.escape(statusKnown() ? dataSentence() : capitalised(dataSentence().replaceFirst("^Data status unknown: ", ""))))
        .append("</p>");
    html.append("<p>Run <code>").append(TableView.escape(or(runId))).append("</code>, finished ")
        .append(TableView.escape(finishedInWords())).append(", code commit <code>")
        .append(TableView.escape(commit == null ? "unknown" : commit.substring(0, Math.min(12, commit.length()))))
        .append("</code>").append(dirty ? " with uncommitted changes" : "").append(".</p>");
    if (!dataFiles.isEmpty()) {
      html.append("<p>Data files read (rows; first 12 digits of the file's sha256): ")
          .append(TableView.escape(String.join("; ", dataFiles))).append(".</p>");
    }
    return html.append("</div>").toString();
  }

  public DisplayData display() {
    DisplayData data = new DisplayData(dataSentence() + " Run " + or(runId) + ", finished " + or(finished) + ", commit " + or(commit) + ".");
    data.putHTML(html());
    return data;
  }

  /** The survey and population files the run read (the manifest's raw inputs with rows), by name only: no local path. */
  static List<String> dataFiles(JsonObject manifest) {
    List<String> files = new ArrayList<>();
    if (manifest.has("inputs") && manifest.get("inputs").isJsonArray()) {
      for (JsonElement e : manifest.getAsJsonArray("inputs")) {
        JsonObject input = e.getAsJsonObject();
        if ("raw".equals(string(input, "role")) && input.has("rows_read") && string(input, "path") != null) {
          String path = string(input, "path");
          String sha = string(input, "sha256");
          files.add(path.substring(path.lastIndexOf('/') + 1) + " (" + Format.count(input.get("rows_read").getAsDouble()) + " rows"
              + (sha == null ? "" : ", " + sha.substring(0, Math.min(12, sha.length()))) + ")");
        }
      }
    }
    return List.copyOf(files);
  }

  /** The finish time as a reader reads it (2026-12-02 02:57 UTC), or as recorded if it is not an instant. */
  String finishedInWords() {
    if (finished == null) {
      return "unknown";
    }
    try {
      return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", java.util.Locale.ROOT)
          .withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.parse(finished));
    } catch (java.time.format.DateTimeParseException e) {
      return finished;
    }
  }

  /** The warning the data calls for: only about what is in fact reconstructed or synthetic. */
  private String caveat() {
    boolean reconstructed = returns.equals("reconstructed");
    boolean synthetic = population.equals("synthetic");
    String what = reconstructed && synthetic ? "reconstructed returns or a synthetic population"
        : reconstructed ? "reconstructed returns" : synthetic ? "a synthetic population" : null;
    return what == null ? "" : " Numbers read from " + what + " are not facts about any real board.";
  }

  private static String describe(String status, String label) {
    return label == null || label.isBlank() ? status : status + " (" + label + ")";
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String or(String s) {
    return s == null ? "unknown" : s;
  }

  private static JsonObject object(JsonObject parent, String name) {
    return parent != null && parent.has(name) && parent.get(name).isJsonObject() ? parent.getAsJsonObject(name) : null;
  }

  private static String string(JsonObject parent, String name) {
    JsonElement e = parent == null ? null : parent.get(name);
    return e == null || e.isJsonNull() ? null : e.getAsString();
  }
}
