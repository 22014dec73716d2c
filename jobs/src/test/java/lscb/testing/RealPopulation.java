package lscb.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real ONS population (Nomis NM_2002_1 export) in ../shared/data/population/, read in plain Java
 * for independent sums. It is never copied into the project; tests that need it fail, naming it, without it.
 */
public final class RealPopulation {
  /** The folder beside the checkout (CI has it). */
  public static final Path FOLDER = Fixtures.repository().resolve("../shared/data/population").normalize();
  /** The export's file name. */
  public static final Path FILE = FOLDER.resolve("nomis-NM_2002_1-persons-sya-1997-2020.csv");

  private RealPopulation() {}

  /** Fails the calling test, naming the file, when the real file is not beside the checkout. */
  public static void require() {
    SharedData.require(Files.isRegularFile(FILE), "the real ONS population file " + FILE);
  }

  /** Children aged 0-17 per "code/year" of the file, summed from its Age 0 ... Age 17 columns. */
  public static Map<String, Long> childrenByCodeAndYear() {
    Map<String, Long> children = new HashMap<>();
    try (BufferedReader in = Files.newBufferedReader(FILE, StandardCharsets.UTF_8)) {
      List<String> header = fields(in.readLine());
      int code = header.indexOf("code");
      int year = header.indexOf("year");
      int age0 = header.indexOf("Age 0");
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        List<String> f = fields(line);
        if (!f.get(code).startsWith("E")) {
          continue;
        }
        long sum = 0;
        for (int age = 0; age <= 17; age++) {
          sum += Long.parseLong(f.get(age0 + age));
        }
        children.put(f.get(code) + "/" + f.get(year), sum);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return children;
  }

  /** The fields of one CSV line (double quotes around names with commas). */
  public static List<String> fields(String line) {
    List<String> out = new java.util.ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (char c : line.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        out.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    out.add(field.toString());
    return out;
  }
}
