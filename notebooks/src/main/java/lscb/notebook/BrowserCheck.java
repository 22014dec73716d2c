package lscb.notebook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Renders an HTML page in headless Chromium at a given width and reports tables wider than the page and images that do not load. */
public final class BrowserCheck {
  /** The Debian package that provides the browser. */
  public static final String PACKAGE = "chromium";
  private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
      "/usr/bin/google-chrome", "/snap/bin/chromium");
  private static final Pattern RESULT = Pattern.compile("<pre id=\"lscb-check\">(.*?)</pre>", Pattern.DOTALL);
  private static final String SCRIPT = """
      <script>
      window.addEventListener('load', function () {
        var page = document.documentElement.clientWidth, lines = [];
        document.querySelectorAll('table').forEach(function (t, i) {
          var r = t.getBoundingClientRect();
          if (r.right > page + 1 || r.left < -1) lines.push('TABLE ' + i + ' ' + Math.round(r.width) + 'px wide, right edge at '
              + Math.round(r.right) + ' of ' + page + ': ' + (t.caption ? t.caption.textContent : t.textContent).slice(0, 80));
        });
        var images = document.querySelectorAll('img');
        images.forEach(function (img, i) {
          if (!img.complete || img.naturalWidth === 0) lines.push('IMAGE ' + i + ' does not load: ' + img.src.slice(0, 60));
          else if (img.getBoundingClientRect().right > page + 1) lines.push('IMAGE ' + i + ' wider than the page');
        });
        var pre = document.createElement('pre');
        pre.id = 'lscb-check';
        pre.textContent = 'TABLES ' + document.querySelectorAll('table').length + '\\nIMAGES ' + images.length
            + '\\nWIDTH ' + page + '\\n' + lines.join('\\n');
        document.body.appendChild(pre);
      });
      </script>
      """;

  private BrowserCheck() {}

  /** What the page looked like: how many tables and images, and every problem found (empty if none). */
  public record Result(int tables, int images, int width, List<String> problems) {}

  /** The browser: LSCB_CHROMIUM if set, else Debian's chromium; null if none is installed. */
  public static Path locate(Map<String, String> env) {
    String given = env.get("LSCB_CHROMIUM");
    if (given != null && !given.isBlank()) {
      return Files.isExecutable(Path.of(given)) ? Path.of(given) : null;
    }
    for (String candidate : CANDIDATES) {
      if (Files.isExecutable(Path.of(candidate))) {
        return Path.of(candidate);
      }
    }
    return null;
  }

  /** Loads the page (a copy with a measuring script) in headless Chromium at width x 900 px. */
  public static Result check(Path browser, Path html, int width) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("lscb-browser-check");
    try {
      String page = Files.readString(html);
      int end = page.lastIndexOf("</body>");
      Path copy = html.resolveSibling("." + html.getFileName() + ".check.html");
      Files.writeString(copy, end < 0 ? page + SCRIPT : page.substring(0, end) + SCRIPT + page.substring(end));
      Path dom = dir.resolve("dom.html");
      Process p = new ProcessBuilder(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
          "--user-data-dir=" + dir.resolve("profile"), "--window-size=" + width + ",900", "--virtual-time-budget=15000",
          "--dump-dom", copy.toUri().toString())
          .redirectOutput(dom.toFile()).redirectError(dir.resolve("stderr.txt").toFile()).start();
      boolean done = p.waitFor(180, TimeUnit.SECONDS);
      Files.deleteIfExists(copy);
      if (!done) {
        p.destroyForcibly();
        throw new IllegalStateException(browser + " did not finish rendering " + html + " within 180 s");
      }
      Matcher m = RESULT.matcher(Files.readString(dom));
      if (!m.find()) {
        throw new IllegalStateException(browser + " rendered no result for " + html + " (exit " + p.exitValue() + "): "
            + tail(dir.resolve("stderr.txt")));
      }
      return parse(m.group(1).replace("&gt;", ">").replace("&lt;", "<").replace("&amp;", "&"));
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  static Result parse(String text) {
    int tables = 0;
    int images = 0;
    int width = 0;
    List<String> problems = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.startsWith("TABLES ")) {
        tables = Integer.parseInt(line.substring(7).trim());
      } else if (line.startsWith("IMAGES ")) {
        images = Integer.parseInt(line.substring(7).trim());
      } else if (line.startsWith("WIDTH ")) {
        width = Integer.parseInt(line.substring(6).trim());
      } else if (!line.isBlank()) {
        problems.add(line);
      }
    }
    return new Result(tables, images, width, problems);
  }

  private static String tail(Path file) throws IOException {
    List<String> lines = Files.isRegularFile(file) ? Files.readAllLines(file) : List.of();
    return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
  }
}
