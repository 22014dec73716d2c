package lscb.population;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lscb.io.CsvText;
import lscb.testing.Fuzz;

/**
 * The small-area (LSOA) layout's file for {@link PopulationFuzzTest}: one line per small area, each with
 * one column set to an odd value (every column with every odd value, ages 1-16 a few each).
 */
final class SmallAreaFuzzFile {
  /** The file's name: its year (2097) is in it, as ONS names them. */
  static final String NAME = "columns-small-area-mid-2097.csv";

  private SmallAreaFuzzFile() {}

  /** The file's bytes; each mutated line goes into {@code cases} as "file:line" -> (column, value). */
  static byte[] bytes(List<String> areas, Map<String, String[]> cases) {
    StringBuilder header = new StringBuilder("LSOA Code,LSOA Name,LA Code (2018 boundaries),"
        + "LA name (2018 boundaries),All Ages");
    for (int age = 0; age <= 90; age++) {
      header.append(',').append(age == 90 ? "90+" : String.valueOf(age));
    }
    List<String> headerFields = CsvText.fields(header.toString());
    List<String> out = new ArrayList<>(List.of("Mid-2097 Population Estimates for Lower Layer Super Output Areas,,",
        header.toString()));
    List<String[]> plan = PopulationFuzzFiles.planWithSomeAges(List.of("LSOA Code", "LSOA Name",
        "LA Code (2018 boundaries)", "All Ages", "0", "17", "18", "90+"), String::valueOf,
        Fuzz.random("population-small-area"));
    for (int i = 0; i < plan.size(); i++) {
      // Three small areas per council, as in ONS's files (many per council), each its own LSOA code.
      int council = (i / 3) % areas.size();
      List<String> fields = new ArrayList<>(List.of(String.format("E019%05d", i), "Small area " + i,
          areas.get(council), "Council " + council, "9999"));
      for (int age = 0; age <= 90; age++) {
        fields.add(String.valueOf(100 + 3 * age + i % 50));
      }
      String[] p = plan.get(i);
      PopulationFuzzFiles.set(fields, headerFields.indexOf(p[0]), p[1]);
      cases.put(NAME + ":" + (out.size() + 1), p);
      out.add(PopulationFuzzFiles.csv(fields));
    }
    return (String.join("\n", out) + "\n").getBytes(StandardCharsets.UTF_8);
  }
}
