package lscb.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import lscb.io.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reconstruction is deterministic, writes both export formats exactly, and matches the shipped files. */
class ReconstructionTest {
  static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  static final Set<String> MEMBER_CODES = Set.copyOf(Codes.MEMBERS);

  @TempDir
  static Path first;

  @BeforeAll
  static void generate() {
    generate(first, Reconstruction.DEFAULT_SEED);
  }

  static void generate(Path root, long seed) {
    Reconstruction.run(seed, root.resolve("raw").toString(), REPO.resolve("data/reference").toString(),
        REPO.resolve("data/published").toString(), new Progress(new PrintStream(new ByteArrayOutputStream())));
  }

  static List<Path> files(Path root) throws Exception {
    try (Stream<Path> walk = Files.walk(root.resolve("raw"))) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }

  @Test
  void sameSeedGivesSameBytesAndAnotherSeedDoesNot(@TempDir Path second, @TempDir Path third) throws Exception {
    generate(second, Reconstruction.DEFAULT_SEED);
    List<Path> a = files(first);
    List<Path> b = files(second);
    assertEquals(5, a.size(), "two 2006 CSVs, one 2007 JSONL and a README per year: " + a);
    assertEquals(a.stream().map(p -> first.relativize(p).toString()).toList(),
        b.stream().map(p -> second.relativize(p).toString()).toList(), "the same files are written");
    for (int i = 0; i < a.size(); i++) {
      assertArrayEquals(Files.readAllBytes(a.get(i)), Files.readAllBytes(b.get(i)),
          "same seed must give byte-identical " + a.get(i).getFileName());
    }
    generate(third, 7L);
    assertFalse(java.util.Arrays.equals(Files.readAllBytes(first.resolve("raw/returns/2007/" + Files2007.FILE)),
        Files.readAllBytes(third.resolve("raw/returns/2007/" + Files2007.FILE))), "another seed gives other returns");
  }

  @Test
  void shippedFilesAreTheDefaultSeedsOutput() throws Exception {
    for (Path generated : files(first)) {
      Path shipped = REPO.resolve("data").resolve(first.relativize(generated).toString());
      assertTrue(Files.exists(shipped), "shipped file missing: " + shipped + " (run ./lscb reconstruct)");
      assertArrayEquals(Files.readAllBytes(generated), Files.readAllBytes(shipped),
          shipped + " differs from `./lscb reconstruct --seed " + Reconstruction.DEFAULT_SEED + "`; regenerate it");
    }
  }

  @Test
  void the2006FilesAreWindows1252WithCrlfAndTheExactHeader() throws Exception {
    int rows = 0;
    for (String name : List.of(Files2006.MAIN, Files2006.LATE)) {
      byte[] bytes = Files.readAllBytes(first.resolve("raw/returns/2006/" + name));
      String text = strict(bytes, Charset.forName("windows-1252"));
      assertTrue(text.startsWith("Ref,LSCB Name,Region,Chair Type,Chair Post,Meetings per year,Budget 2006-07,"
          + "LA contribution,PCT contribution,Police contribution,Other contributions,YOS rep?,Connexions rep?,"
          + "Cafcass rep?\r\n"), name + " must start with the exact header and CRLF");
      assertEquals(text.split("\n", -1).length - 1, text.split("\r\n", -1).length - 1,
          name + ": every line must end with CRLF (no bare LF)");
      assertTrue(text.endsWith("\r\n"), name + " ends with CRLF");
      String[] lines = text.split("\r\n");
      for (int i = 1; i < lines.length; i++) {
        int fields = fieldCount(lines[i]);
        assertTrue(fields == 14 || lines[i].contains("Assistant Director, Safeguarding"),
            name + " line " + (i + 1) + " has " + fields + " fields: " + lines[i]);
        rows++;
      }
      if (name.equals(Files2006.MAIN)) {
        assertTrue(contains(bytes, (byte) 0xA3), "the pound sign is the single byte 0xA3");
        assertTrue(text.contains("\u00a3") && text.contains("\"\""), "main batch has £ amounts and doubled quotes");
        try {
          strict(bytes, StandardCharsets.UTF_8);
          fail("the 2006 bytes must not be valid UTF-8");
        } catch (CharacterCodingException expected) {
          // Windows-1252, as the DfES export
        }
      }
    }
    assertEquals(109 + 4, rows, "109 accepted rows plus 4 deliberately bad ones");
  }

  @Test
  void the2007FileIsJsonLinesWithOnlyListedCodes() throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<String> lines = Files.readAllLines(first.resolve("raw/returns/2007/" + Files2007.FILE), StandardCharsets.UTF_8);
    int notJson = 0;
    int offCode = 0;
    int tooMany = 0;
    List<String> ids = new ArrayList<>();
    for (String line : lines) {
      JsonNode o;
      try {
        o = json.readTree(line);
      } catch (Exception e) {
        notJson++;
        continue;
      }
      ids.add(o.get("return_id").asText());
      assertTrue(o.get("submitted").asText().matches("2007-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), "submitted: " + line);
      for (Iterator<String> it = o.get("members").fieldNames(); it.hasNext(); ) {
        String key = it.next();
        assertTrue(MEMBER_CODES.contains(key), "unlisted member key " + key);
      }
      JsonNode contributions = o.path("funding").path("contributions");
      for (Iterator<String> it = contributions.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        assertTrue(Codes.CONTRIBUTORS.contains(key), "unlisted contributor " + key);
        assertTrue(contributions.get(key).isIntegralNumber() && contributions.get(key).asLong() > 0, "amount " + key);
      }
      assertTrue(Codes.CHAIR_TYPES.contains(o.path("chair").path("type").asText()), "chair type in " + line);
      boolean listed = codeOk(o, "lead_member", Codes.LEAD_MEMBER) && codeOk(o, "cdop", Codes.CDOP);
      for (JsonNode p : o.path("priorities")) {
        listed &= Codes.PRIORITIES.contains(p.asText());
      }
      offCode += listed ? 0 : 1;
      tooMany += o.path("priorities").size() > 4 ? 1 : 0;
    }
    assertEquals(1, notJson, "exactly one deliberately broken line");
    assertEquals(1, offCode, "exactly one deliberate unknown code");
    assertEquals(1, tooMany, "exactly one deliberate five-priority return");
    assertEquals(118 + 2 + 4, lines.size(), "118 accepted, 2 superseded, 4 deliberately bad lines");
    assertEquals(ids.size(), Set.copyOf(ids).size(), "return_id is unique");
  }

  @Test
  void readmesSayFirstThatTheseAreReconstructions() throws Exception {
    for (String year : List.of("2006", "2007")) {
      List<String> readme = Files.readAllLines(first.resolve("raw/returns/" + year + "/README.md"));
      assertTrue(readme.get(0).contains("RECONSTRUCTED") && readme.get(0).contains("not the boards' real"),
          year + " README's first line must say these are reconstructions: " + readme.get(0));
      assertTrue(readme.contains("    ./lscb reconstruct --seed " + Reconstruction.DEFAULT_SEED),
          year + " README gives the exact regeneration command");
    }
  }

  private static boolean codeOk(JsonNode o, String key, List<String> codes) {
    return o.path(key).isMissingNode() || o.path(key).isNull() || codes.contains(o.path(key).asText());
  }

  private static String strict(byte[] bytes, Charset charset) throws CharacterCodingException {
    return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
  }

  private static boolean contains(byte[] bytes, byte b) {
    for (byte x : bytes) {
      if (x == b) {
        return true;
      }
    }
    return false;
  }

  /** Fields of an Excel CSV line: commas outside double quotes, plus one. */
  private static int fieldCount(String line) {
    int fields = 1;
    boolean quoted = false;
    for (char c : line.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        fields++;
      }
    }
    return fields;
  }
}
