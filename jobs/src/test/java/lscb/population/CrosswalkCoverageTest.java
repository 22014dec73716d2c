package lscb.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import lscb.testing.Fixtures;
import lscb.testing.RealPopulation;
import org.junit.jupiter.api.Test;

/**
 * The crosswalk from April-2021 districts (the Nomis export's geography) to the 150 councils of
 * 2006/07, read as plain CSV: every council covered exactly once, every district counted once.
 */
class CrosswalkCoverageTest {
  static final Path REFERENCE = Fixtures.repository().resolve("data/reference");
  static final int GEOGRAPHY = 2021;

  record Area(String code, String council, String method, int first, int last) {}

  static List<Area> current2021() throws IOException {
    List<Area> areas = new ArrayList<>();
    List<String> lines = Files.readAllLines(REFERENCE.resolve("area_crosswalk.csv"), StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      List<String> f = RealPopulation.fields(line);
      int first = f.get(6).isEmpty() ? 0 : Integer.parseInt(f.get(6));
      int last = f.get(7).isEmpty() ? 9999 : Integer.parseInt(f.get(7));
      // Districts and unitaries (not county rows, which a district-level file does not have) current in 2021.
      if (!f.get(0).startsWith("E10") && first <= GEOGRAPHY && GEOGRAPHY <= last) {
        areas.add(new Area(f.get(0), f.get(2), f.get(4), first, last));
      }
    }
    return areas;
  }

  static Set<String> councils() throws IOException {
    List<String> lines = Files.readAllLines(REFERENCE.resolve("councils.csv"), StandardCharsets.UTF_8);
    return lines.subList(1, lines.size()).stream().map(l -> l.split(",")[0]).collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void every2006CouncilIsCoveredExactlyOnceByThe2021Districts() throws IOException {
    Set<String> councils = councils();
    assertEquals(150, councils.size(), "the 150 councils of 2006/07");
    Map<String, Set<String>> routes = new TreeMap<>();
    for (Area a : current2021()) {
      routes.computeIfAbsent(a.council(), c -> new TreeSet<>()).add(a.method().equals("part_of")
          || a.method().equals("inseparable") ? "parts" : a.method());
    }
    assertEquals(councils, routes.keySet(), "every council, and nothing else, is reached from 2021 districts");
    routes.forEach((council, how) -> assertEquals(1, how.size(),
        council + " is covered one way only (its own code, a recode, a successor, or its parts), not " + how));
  }

  @Test
  void every2021DistrictCountsTowardsOneCouncilExceptTheInseparableOne() throws IOException {
    Map<String, Set<String>> councilsOf = new TreeMap<>();
    for (Area a : current2021()) {
      councilsOf.computeIfAbsent(a.code(), c -> new TreeSet<>()).add(a.council());
    }
    councilsOf.forEach((area, councils) -> {
      if (area.equals("E06000058")) {
        assertEquals(Set.of("E06000028", "E06000029", "E10000009"), councils,
            "BCP holds Bournemouth, Poole and Christchurch (Dorset): inseparable, not split");
      } else {
        assertEquals(1, councils.size(), area + " counts towards one council, not " + councils);
      }
    });
    assertEquals(309, councilsOf.size(), "England's 309 districts of April 2021");
  }

  @Test
  void theCrosswalksDistrictsAreExactlyTheNomisFilesEnglishCodes() throws IOException {
    RealPopulation.require();
    Set<String> inFile = RealPopulation.childrenByCodeAndYear().keySet().stream().map(k -> k.split("/")[0])
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> crosswalk = current2021().stream().map(Area::code).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(crosswalk, inFile, "the 2021 districts of the crosswalk are the export's English codes");
    assertTrue(inFile.contains("E06000053") && inFile.contains("E06000052"), "Isles of Scilly kept apart from Cornwall");
  }

}
