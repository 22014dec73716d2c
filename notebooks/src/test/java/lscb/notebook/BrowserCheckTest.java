package lscb.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page check itself, in the real headless Chromium: it must see a too-wide table and a broken image. */
@Tag("slow") // left out by ./lscb test --fast (needs chromium, installed by ./lscb kernel setup)
class BrowserCheckTest {
  private static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

  @TempDir
  Path dir;

  static Path browser() {
    Path browser = BrowserCheck.locate(System.getenv());
    assertNotNull(browser, "headless Chromium is needed: apt-get install -y " + BrowserCheck.PACKAGE + " (./lscb kernel setup does it)");
    return browser;
  }

  @Test
  void aPageThatFitsHasNoProblems() throws Exception {
    Path page = dir.resolve("ok.html");
    Files.writeString(page, "<html><body><table><tr><td>a</td></tr></table><img src=\"data:image/png;base64," + PNG + "\"></body></html>");
    BrowserCheck.Result r = BrowserCheck.check(browser(), page, 1280);
    assertEquals(1, r.tables(), "the table is seen");
    assertEquals(1, r.images(), "the image is seen");
    assertEquals(1280, r.width(), "the page is 1280 px wide");
    assertTrue(r.problems().isEmpty(), "no problems: " + r.problems());
  }

  @Test
  void aWideTableAndABrokenImageAreReported() throws Exception {
    Path page = dir.resolve("bad.html");
    Files.writeString(page, "<html><body><table style=\"width:2000px\"><caption>too wide</caption><tr><td>a</td></tr></table>"
        + "<img src=\"data:image/png;base64,AAAA\"></body></html>");
    BrowserCheck.Result r = BrowserCheck.check(browser(), page, 1280);
    assertTrue(r.problems().stream().anyMatch(p -> p.startsWith("TABLE") && p.contains("too wide")), "wide table: " + r.problems());
    assertTrue(r.problems().stream().anyMatch(p -> p.startsWith("IMAGE")), "broken image: " + r.problems());
  }
}
