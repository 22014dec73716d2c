package lscb.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import lscb.population.SyntheticPopulation.Area;
import org.junit.jupiter.api.Test;

class SyntheticPopulationTest {
  static final Path REFERENCE = Path.of("../data/reference");
  static final Path SHIPPED = Path.of("../data/raw/population/SYNTHETIC-myeb-2001-2010.csv");

  static List<Area> areas() throws IOException {
    return SyntheticPopulation.areas(Files.readAllLines(REFERENCE.resolve("area_crosswalk.csv")));
  }

  @Test
  void sameSeedSameBytesAndTheShippedFileIsTheDefaultSeed() throws IOException {
    List<Area> areas = areas();
    String first = SyntheticPopulation.generate(areas, SyntheticPopulation.DEFAULT_SEED);
    String second = SyntheticPopulation.generate(areas, SyntheticPopulation.DEFAULT_SEED);
    assertEquals(first, second, "the same seed must give the same text");
    assertNotEquals(first, SyntheticPopulation.generate(areas, 7L), "another seed should give other counts");
    assertEquals(first, Files.readString(SHIPPED, StandardCharsets.UTF_8),
        "the shipped synthetic file must be what `lscb synth-population` writes with the default seed");
    assertTrue(first.length() < 6_000_000, "the file stays a few MB: " + first.length());
  }

  @Test
  void areasCoverEveryCouncilWithRealCodesOfTheGeography() throws IOException {
    List<Area> areas = areas();
    Set<String> councils = areas.stream().map(Area::council).collect(Collectors.toSet());
    long expected = Files.readAllLines(REFERENCE.resolve("councils.csv")).size() - 1;
    assertEquals(expected, councils.size(), "every 2006/07 council has at least one area");
    Set<String> codes = areas.stream().map(Area::code).collect(Collectors.toSet());
    for (String code : List.of("E06000047", "E06000049", "E06000050", "E06000051", "E06000052",
        "E06000054", "E06000055", "E06000056", "E06000057", "E07000048", "E06000028", "E08000037")) {
      assertTrue(codes.contains(code), "a 2018 back series has " + code);
    }
    for (String code : List.of("E10000017", "E06000058", "E06000059", "E08000020", "E06000048")) {
      assertTrue(!codes.contains(code), code + " is not a local area of the 2018 geography");
    }
  }

  @Test
  void heldBoardsKeepThePerChildFiguresAndSizesArePlausible() throws IOException {
    List<Area> areas = areas();
    Map<String, String> councilOf = areas.stream().collect(Collectors.toMap(Area::code, Area::council));
    Map<String, Long> children = new HashMap<>();
    Map<String, Long> previousAge = new HashMap<>();
    String[] lines = SyntheticPopulation.generate(areas, SyntheticPopulation.DEFAULT_SEED).split("\n");
    for (int i = 1; i < lines.length; i++) {
      String[] f = lines[i].split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
      int age = Integer.parseInt(f[4]);
      if (age < 18) {
        for (int y : new int[] {2006, 2007}) {
          long count = Long.parseLong(f[5 + y - 2001]);
          assertTrue(count >= 0, "counts are not negative");
          children.merge(councilOf.get(f[0]) + "/" + y, count, Long::sum);
        }
      }
    }
    for (int y : new int[] {2006, 2007}) {
      long wight = children.get("E06000046/" + y);
      long lancashire = children.get("E10000017/" + y);
      assertTrue(wight >= 28_750 && wight <= 29_050, "Isle of Wight under-18 mid-" + y + " = " + wight);
      assertTrue(lancashire >= 248_700 && lancashire <= 249_900, "Lancashire under-18 mid-" + y + " = " + lancashire);
    }
    assertEquals(0.17, round2(5_000.0 / children.get("E06000046/2006")), 1e-9, "F1 per child");
    assertEquals(0.68, round2(19_648.0 / children.get("E06000046/2007")), 1e-9, "F2 per child");
    assertEquals(1.58, round2(393_857.0 / children.get("E10000017/2006")), 1e-9, "F3 per child");
    assertEquals(1.47, round2(366_605.0 / children.get("E10000017/2007")), 1e-9, "F4 per child");
    long tensOfThousands = children.entrySet().stream()
        .filter(e -> e.getKey().endsWith("/2006") && e.getValue() >= 10_000 && e.getValue() < 400_000).count();
    assertTrue(tensOfThousands >= 140, "most councils have 10k-400k children: " + tensOfThousands);
  }

  private static double round2(double value) {
    return new java.math.BigDecimal(value).setScale(2, java.math.RoundingMode.HALF_UP).doubleValue();
  }
}
