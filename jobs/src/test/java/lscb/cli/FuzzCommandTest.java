package lscb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lscb.ingest.Returns2006Reader;
import lscb.testing.CliRun;
import lscb.testing.Fixtures;
import lscb.testing.Fuzz;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fuzz through the command line: the exit code, and never a stack trace or "internal error". */
@Tag("slow") // a few minutes of Spark: run by ./lscb test (CI), left out by ./lscb test --fast
class FuzzCommandTest {
  @TempDir Path tmp;

  @Test
  void theRunStoppingValuesAreRejectedAndTheRunExitsZero() throws IOException {
    Path raw = tmp.resolve("raw");
    Files.createDirectories(raw.resolve("returns/2006"));
    Files.createDirectories(raw.resolve("returns/2007"));
    Files.writeString(raw.resolve("returns/2006/huge.csv"), Returns2006Reader.HEADER + "\r\n"
        + "D06-001,Bury,North West,LA,DCS,4,\"£1,000,000,000,000,000\",,,,,Y,Y,Y\r\n"
        + "D06-002,Derby,East Midlands,LA,DCS,6,£45k,,,,,Y,Y,Y\r\n"
        + "D06-003," + "x,".repeat(30_000) + "Y\r\n", Charset.forName("windows-1252"));
    Files.writeString(raw.resolve("returns/2007/odd.jsonl"),
        "{\"return_id\": \"O07-1\", \"lscb\": \"Bury\", \"submitted\": \"20b7-10-26T12:27:42Z\"}\n"
        + "{\"return_id\": \"O07-2\", \"lscb\": \"Bolton\", \"funding\": {\"expenditure_2006_07\": 1000000000000000}}\n"
        + "{\"return_id\": \"O07-3\", \"lscb\": \"Derby\", \"submitted\": \"2007-11-02T14:31:00Z\"}\n",
        StandardCharsets.UTF_8);
    CliRun result = normalise(raw);
    assertEquals(0, result.code(), "bad values are rejects, not a failed run: " + result.err());
    assertClean(result);
    String rejects = Files.readString(tmp.resolve("o/rejects/returns.csv"));
    for (String reason : List.of("not a timestamp; write e.g. 2007-11-02T14:31:00Z",
        "amount too large: at most £999,999,999,999.99", "the row has 20,480 commas or more")) {
      assertTrue(rejects.contains(reason), "the rejects say '" + reason + "': " + rejects);
    }
    assertTrue(rejects.contains("Budget 2006-07") && rejects.contains("funding.expenditure_2006_07")
        && rejects.contains("submitted"), "the rejects name the fields: " + rejects);
    assertTrue(result.out().contains("2 accepted"), "the good records are accepted: " + result.out());
  }

  @Test
  void mutatedShippedReturnsExitZeroOrTwoWithoutAStackTrace() throws IOException {
    Path raw = tmp.resolve("raw");
    Path shipped = Fixtures.repository().resolve("data/raw/returns");
    for (String file : List.of("2006/dfes_lscb_review_2006.csv", "2007/ofsted_lscb_survey_2007.jsonl")) {
      byte[] bytes = Files.readAllBytes(shipped.resolve(file));
      Files.createDirectories(raw.resolve("returns").resolve(file).getParent());
      for (Fuzz.Mutation m : Fuzz.mutations()) {
        if (List.of("long-field", "stray-quotes", "flipped-bytes", "mixed").contains(m.name())) {
          Path target = raw.resolve("returns").resolve(file.replace(".", "-" + m.name() + "."));
          Files.write(target, m.apply().apply(bytes, Fuzz.random("cli" + file + m.name())));
        }
      }
    }
    CliRun result = normalise(raw);
    assertTrue(result.code() == 0 || result.code() == 2, "exit 0, or 2 for a file in the wrong encoding: "
        + result.code() + " " + result.err() + " (seed " + Fuzz.seed() + ")");
    assertClean(result);
  }

  private CliRun normalise(Path raw) {
    return run("normalise", "--raw", raw.toString(), "--out", tmp.resolve("o").toString(),
        "--reference", Fixtures.repository().resolve("data/reference").toString(), "--master", "local[2]");
  }

  private static void assertClean(CliRun result) {
    assertFalse(result.err().contains("internal error"), "no internal error: " + result.err());
    assertFalse(result.err().contains("\tat ") || result.out().contains("\tat "), "no stack trace: " + result.err());
  }

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }
}
