package lscb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import lscb.ingest.Returns2006Reader;
import lscb.testing.CliRun;
import lscb.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's answers to a user's mistakes: one plain line, a non-zero exit, no stack trace. */
class NormaliseCommandTest {
  @TempDir Path tmp;

  @Test
  void helpIsOfferedOnTheSubcommand() {
    CliRun result = run("normalise", "--help");
    assertEquals(0, result.code());
    assertTrue(result.out().contains("--strict") && result.out().contains("--master"), "help lists the options");
  }

  @Test
  void aMissingFolderIsOnePlainLine() {
    CliRun result = run("normalise", "--raw", tmp.resolve("nowhere").toString(), "--out", tmp.resolve("o").toString(),
        "--master", "local[1]");
    assertEquals(2, result.code(), "a user error exits 2");
    assertOneLine(result.err(), "folder not found");
  }

  @Test
  void aFileInTheWrongEncodingIsNamedAndItsRecordsRejected() throws IOException {
    Path raw = tmp.resolve("raw");
    Files.createDirectories(raw.resolve("returns/2006"));
    Files.createDirectories(raw.resolve("returns/2007"));
    Files.writeString(raw.resolve("returns/2006/utf8.csv"), Returns2006Reader.HEADER + "\r\n"
        + "D06-001,Bury,North West,LA,DCS,4,£5k,,,,,Y,Y,Y\r\n", StandardCharsets.UTF_8);
    Files.writeString(raw.resolve("returns/2007/cp1252.jsonl"), "{\"return_id\": \"O07-1\", \"lscb\": \"Bury\", "
        + "\"funding\": {\"expenditure_2006_07\": \"£5k\"}}\n", Charset.forName("windows-1252"));
    CliRun result = run("normalise", "--raw", raw.toString(), "--out", tmp.resolve("o").toString(),
        "--reference", Fixtures.repository().resolve("data/reference").toString(), "--master", "local[1]");
    assertEquals(2, result.code(), "a file in the wrong encoding exits 2");
    assertTrue(result.err().contains("utf8.csv") && result.err().contains("UTF-8, not Windows-1252"), result.err());
    assertTrue(result.err().contains("cp1252.jsonl") && result.err().contains("not valid UTF-8"), result.err());
    assertFalse(result.err().contains("\tat "), "no stack trace: " + result.err());
    String rejects = readString(tmp.resolve("o/rejects/returns.csv"));
    assertTrue(rejects.contains("file rejected"), "the records are in the rejects: " + rejects);
  }

  @Test
  void strictTurnsAnyRejectIntoAnExitCode() {
    Path raw = Fixtures.copyReturns(tmp.resolve("raw"));
    CliRun result = run("normalise", "--strict", "--raw", raw.toString(), "--out", tmp.resolve("o").toString(),
        "--reference", Fixtures.repository().resolve("data/reference").toString(), "--master", "local[1]");
    assertEquals(3, result.code(), "rejects with --strict exit 3");
    assertOneLine(result.err(), "rejected (--strict)");
    assertTrue(result.out().contains("[normalise]") && result.out().contains("accepted"), "progress line: " + result.out());
  }

  @Test
  void anAliasThatNamesAnotherBoardIsOneLineNamingBothBoards() throws IOException {
    Path reference = Files.createDirectories(tmp.resolve("reference"));
    for (String file : new String[] {"boards.csv", "councils.csv", "board_aliases.csv"}) {
      Files.copy(Fixtures.repository().resolve("data/reference").resolve(file), reference.resolve(file));
    }
    Files.writeString(reference.resolve("board_aliases.csv"), "Bury Council,LSCB-352\n", StandardOpenOption.APPEND);
    CliRun result = run("normalise", "--raw", Fixtures.copyReturns(tmp.resolve("raw")).toString(),
        "--out", tmp.resolve("o").toString(), "--reference", reference.toString(), "--master", "local[1]");
    assertEquals(2, result.code(), "an ambiguous register is a user error (exit 2), not an internal one: " + result.err());
    assertOneLine(result.err(), "board_aliases.csv: the board register is ambiguous: the alias 'Bury Council' of board "
        + "LSCB-352 (Manchester) matches 'Bury' (boards.csv) of board LSCB-351 (Bury)");
  }

  private static void assertOneLine(String err, String expected) {
    String lines = err.lines().filter(l -> l.startsWith("lscb:")).reduce("", (a, b) -> a + b + "\n");
    assertEquals(1, lines.lines().count(), "one line: " + err);
    assertTrue(lines.contains(expected), "says '" + expected + "': " + err);
    assertFalse(err.contains("\tat "), "no stack trace: " + err);
  }

  private static String readString(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      return "";
    }
  }

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }
}
