package lscb.population;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.IntBinaryOperator;
import java.util.function.IntFunction;
import lscb.io.CsvText;
import lscb.testing.Fixtures;
import lscb.testing.Fuzz;

/**
 * The column-variant files of {@link PopulationFuzzTest}, one per layout: each line has one column set to
 * an odd value, and each such line goes into {@code cases} as "file:line" -> (column, value).
 */
final class PopulationFuzzFiles {
  /** Stands for the line's own value in lower case (e.g. e06000001 for E06000001). */
  static final String OWN_CODE_LOWER = "(own value in lower case)";
  /** Odd values put in every column. */
  static final List<String> ODD = List.of("", " ", "-1", "-0", "1.5", "abc", "1,234", "12,34", "1e3", "0x10",
      "99999999999999999999", "1000001", "2147483648", "0", "90+", "M", "F", "3", "persons", "E06000999",
      "W06000001", OWN_CODE_LOWER, "\"quoted\"", "a,b", "\u0000", "\ud83d\ude00", "\u00a3");
  /** The shipped synthetic district file, the source of the slices and area codes. */
  static final String SHIPPED = "data/raw/population/SYNTHETIC-myeb-2001-2010.csv";

  private PopulationFuzzFiles() {}

  /** The long slice with each line's one column (in turn) set to an odd value; years 1951-1960. */
  static byte[] longColumns(List<String> shipped, Map<String, String[]> cases) {
    List<String> out = new ArrayList<>(List.of(withYears(shipped.get(0), 1951)));
    List<String> header = CsvText.fields(out.get(0));
    Random random = Fuzz.random("population-long");
    List<String[]> plan = plan(header, random);
    for (int i = 1; i < shipped.size(); i++) {
      List<String> fields = new ArrayList<>(CsvText.fields(shipped.get(i)));
      if (i - 1 < plan.size()) {
        String[] p = plan.get(i - 1);
        set(fields, header.indexOf(p[0]), p[1]);
        cases.put("columns-long.csv:" + (i + 1), p);
      }
      out.add(csv(fields));
    }
    return (String.join("\r\n", out) + "\r\n").getBytes(StandardCharsets.UTF_8);
  }

  /** A Nomis NM_2002_1 export (name, code, year, Age 0, ..., Aged 90+): one line per area, one odd value each. */
  static byte[] nomisColumns(Map<String, String[]> cases) {
    StringBuilder header = new StringBuilder("name,code,year");
    for (int age = 0; age <= 90; age++) {
      header.append(',').append(age == 90 ? "Aged 90+" : "Age " + age);
    }
    List<String> headerFields = CsvText.fields(header.toString());
    List<String> out = new ArrayList<>(List.of(header.toString()));
    List<String> areas = shippedAreas();
    List<String[]> plan = planWithSomeAges(List.of("name", "code", "year", "Age 0", "Age 17", "Age 18", "Aged 90+"),
        age -> "Age " + age, Fuzz.random("population-nomis"));
    return linePerArea(out, headerFields, plan, areas.size(), "columns-nomis.csv", cases,
        i -> List.of("Area " + i, areas.get(i), "2098"), (age, i) -> 2000 + 5 * age + i);
  }

  /** A wide (persons, one year) file: one line per area, each with one column set to an odd value. */
  static byte[] wideColumns(Map<String, String[]> cases) {
    StringBuilder header = new StringBuilder("Code,Name,Geography,All ages");
    for (int age = 0; age <= 90; age++) {
      header.append(',').append(age == 90 ? "90+" : String.valueOf(age));
    }
    List<String> headerFields = CsvText.fields(header.toString());
    List<String> out = new ArrayList<>(List.of("Mid-2099 population estimates,,", header.toString()));
    List<String> areas = shippedAreas();
    List<String[]> plan = planWithSomeAges(List.of("Code", "Name", "Geography", "All ages", "0", "17", "18", "90+"),
        String::valueOf, Fuzz.random("population-wide"));
    return linePerArea(out, headerFields, plan, areas.size(), "columns-wide-mid-2099.csv", cases,
        i -> List.of(areas.get(i), "Area " + i, "Unitary Authority", "99999"), (age, i) -> 1000 + 7 * age + i);
  }

  /**
   * The file's bytes: {@code out} (its header lines) and a line per area (of {@code areas}) while the plan
   * lasts, each its leading fields, counts for ages 0-90, and its plan entry's odd value.
   */
  private static byte[] linePerArea(List<String> out, List<String> headerFields, List<String[]> plan, int areas,
      String file, Map<String, String[]> cases, IntFunction<List<String>> leading, IntBinaryOperator count) {
    for (int i = 0; i < areas && i < plan.size(); i++) {
      List<String> fields = new ArrayList<>(leading.apply(i));
      for (int age = 0; age <= 90; age++) {
        fields.add(String.valueOf(count.applyAsInt(age, i)));
      }
      String[] p = plan.get(i);
      set(fields, headerFields.indexOf(p[0]), p[1]);
      cases.put(file + ":" + (out.size() + 1), p);
      out.add(csv(fields));
    }
    return (String.join("\n", out) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /** The shipped file's area codes, in file order. */
  static List<String> shippedAreas() {
    List<String> areas = new ArrayList<>();
    try (var all = Files.lines(Fixtures.repository().resolve(SHIPPED))) {
      all.skip(1).map(l -> l.substring(0, l.indexOf(','))).distinct().forEach(areas::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return areas;
  }

  /** Every column with every odd value, plus a random text, a random number and a 200,000-character cell. */
  static List<String[]> plan(List<String> columns, Random random) {
    List<String[]> plan = new ArrayList<>();
    for (String column : columns) {
      List<String> values = new ArrayList<>(ODD);
      values.add(Fuzz.oddText(random, 20).replace("\r", "").replace("\n", ""));
      values.add(Fuzz.oddNumber(random, 20));
      if (random.nextInt(4) == 0) {
        values.add("8".repeat(Fuzz.LONG_FIELD));
      }
      values.forEach(v -> plan.add(new String[] {column, v}));
    }
    Collections.shuffle(plan, random);
    return plan;
  }

  /**
   * The {@link #plan} of the given columns, and for the ages 1-16 (columns named by {@code ageColumn}) four
   * odd values each, shuffled: a one-line-per-area file has too few lines for every value in every age.
   */
  static List<String[]> planWithSomeAges(List<String> columns, IntFunction<String> ageColumn, Random random) {
    List<String[]> plan = plan(columns, random);
    for (int age = 1; age <= 16; age++) {
      for (int i = 0; i < 4; i++) {
        plan.add(new String[] {ageColumn.apply(age), ODD.get(random.nextInt(ODD.size()))});
      }
    }
    Collections.shuffle(plan, random);
    return plan;
  }

  /**
   * Sets a field to an odd value; {@link #OWN_CODE_LOWER} is the line's own value in lower case, so a
   * lower-case area code does not collide with another area's line.
   */
  static void set(List<String> fields, int index, String value) {
    fields.set(index, value.equals(OWN_CODE_LOWER) ? fields.get(index).toLowerCase(Locale.ROOT) : value);
  }

  /** The long header with its population_YYYY columns renumbered from {@code first}. */
  static String withYears(String header, int first) {
    List<String> fields = new ArrayList<>(CsvText.fields(header));
    int year = first;
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).startsWith("population_")) {
        fields.set(i, "population_" + year++);
      }
    }
    return String.join(",", fields);
  }

  /** One CSV line: a field quoted when it holds more than letters, digits, spaces and _+.- */
  static String csv(List<String> fields) {
    return String.join(",", fields.stream().map(f -> f.matches("[A-Za-z0-9 _+.-]*") ? f
        : "\"" + f.replace("\"", "\"\"") + "\"").toList());
  }
}
