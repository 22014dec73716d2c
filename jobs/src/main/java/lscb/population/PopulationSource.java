package lscb.population;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lscb.io.CsvText;
import lscb.io.DataStatus;
import lscb.io.UserError;

/**
 * One population input file and where its fields are, found from its header: the ONS long
 * back-series layout (MYEB: area, sex, age, population_YYYY...), the wide per-year layout
 * (Code, Name, Geography, All ages, 0, 1, ..., 90 or 90+), the small-area wide layout (one row per
 * LSOA with its local authority's code, see {@link SmallAreaLayout}) or the Nomis NM_2002_1 export
 * ({@link NomisLayout}: name, code, year, Age 0, ..., Aged 90+).
 *
 * @param codeIndex the column of the area code the crosswalk maps (the LA code for small areas)
 * @param yearIndex the year column (Nomis), -1 when the header gives the years
 * @param smallAreaIndex the small-area (LSOA) code column, -1 when rows are whole areas
 * @param fileSex the sex the whole file is for (males, females, persons; from its name or title), or null
 */
public record PopulationSource(String path, String fileName, Layout layout, long headerLine,
    List<String> header, int codeIndex, int sexIndex, int ageIndex, List<CountColumn> counts,
    int wideYear, int yearIndex, int smallAreaIndex, String fileSex) {

  /**
   * The layouts read: ONS's long and wide single-year-of-age files, the small-area wide layout, and the
   * Nomis NM_2002_1 export (one row per area and year, see {@link NomisLayout}).
   */
  public enum Layout { LONG, WIDE, SMALL_AREA, NOMIS }

  /** A source with no year column whose rows are whole areas (long and wide layouts). */
  public PopulationSource(String path, String fileName, Layout layout, long headerLine, List<String> header,
      int codeIndex, int sexIndex, int ageIndex, List<CountColumn> counts, int wideYear) {
    this(path, fileName, layout, headerLine, header, codeIndex, sexIndex, ageIndex, counts, wideYear, -1, -1, null);
  }

  /** A source with a year column (Nomis). */
  public PopulationSource(String path, String fileName, Layout layout, long headerLine, List<String> header,
      int codeIndex, int sexIndex, int ageIndex, List<CountColumn> counts, int wideYear, int yearIndex) {
    this(path, fileName, layout, headerLine, header, codeIndex, sexIndex, ageIndex, counts, wideYear, yearIndex, -1,
        null);
  }

  /** A source with no year column, possibly of small areas (long, wide and small-area layouts). */
  public PopulationSource(String path, String fileName, Layout layout, long headerLine, List<String> header,
      int codeIndex, int sexIndex, int ageIndex, List<CountColumn> counts, int wideYear, int smallAreaIndex,
      String fileSex) {
    this(path, fileName, layout, headerLine, header, codeIndex, sexIndex, ageIndex, counts, wideYear, -1,
        smallAreaIndex, fileSex);
  }

  /** A column holding counts: its header label, and the year (long) or age (wide) it is for. */
  public record CountColumn(int index, String label, int year, int age) {}

  /** How many lines at the top of a file may come before the header (titles, notes). */
  static final int MAX_PREAMBLE = 30;

  private static final Pattern AREA_CODE = Pattern.compile(
      "(?i)(la|lad|area)[ _]?(\\d{2,4})?[ _]?code[ _]?(\\d{2,4})?|lad\\d{2,4}cd|code");
  private static final Pattern POPULATION_YEAR = Pattern.compile("(?i)population[ _](\\d{4})");
  static final Pattern AGE_LABEL = Pattern.compile("(\\d{1,3})\\+?");
  private static final Pattern YEAR_IN_TEXT = Pattern.compile("(?<!\\d)(19[5-9]\\d|20\\d\\d)(?!\\d)");
  private static final Pattern MID_YEAR = Pattern.compile("(?i)mid[- ]?(19[5-9]\\d|20\\d\\d)(?!\\d)");

  /** The child ages every area, sex and year needs. */
  public static final int MAX_CHILD_AGE = 17;

  /**
   * Finds the header among the first lines of a file and the layout it implies.
   *
   * @param forced LONG or WIDE to insist on one, or null to detect
   */
  public static PopulationSource detect(String path, List<String> firstLines, Layout forced) {
    String fileName = path.substring(path.lastIndexOf('/') + 1);
    for (int i = 0; i < firstLines.size() && i < MAX_PREAMBLE; i++) {
      if (CsvText.tooManyFields(firstLines.get(i))) {
        continue;  // no header has 100,000 columns, and the parser would throw on it
      }
      List<String> fields = CsvText.fields(firstLines.get(i));
      if (forced == null || forced == Layout.LONG) {
        PopulationSource found = asLong(path, fileName, i + 1, fields);
        if (found != null) {
          return found;
        }
      }
      if (forced == null || forced == Layout.SMALL_AREA) {
        PopulationSource found = SmallAreaLayout.detect(path, fileName, i + 1, fields, firstLines.subList(0, i));
        if (found != null) {
          return found;
        }
      }
      if (forced == null || forced == Layout.WIDE) {
        PopulationSource found = asWide(path, fileName, i + 1, fields, firstLines.subList(0, i));
        if (found != null) {
          return found;
        }
      }
      if (forced == null || forced == Layout.NOMIS) {
        PopulationSource found = NomisLayout.detect(path, fileName, i + 1, fields);
        if (found != null) {
          return found;
        }
      }
    }
    String wanted = forced == Layout.LONG ? "an ONS long header (e.g. ladcode21, laname21, country, sex, age, population_2001, ...)"
        : forced == Layout.WIDE ? "an ONS wide header (Code, Name, Geography, All ages, 0, 1, ..., 90)"
        : forced == Layout.SMALL_AREA ? "an ONS small-area header (LSOA Code, LSOA Name, LA Code, ..., All Ages, 0, ..., 90+)"
        : forced == Layout.NOMIS ? "a Nomis NM_2002_1 header (" + NomisLayout.HEADER + ")"
        : "an ONS header: long (ladcode21, ..., sex, age, population_2001, ...), wide (Code, Name, ..., 0, 1, ..., 90),"
            + " small-area (LSOA Code, ..., LA Code, ..., 0, ..., 90+) or Nomis NM_2002_1 (" + NomisLayout.HEADER + ")";
    throw new UserError("population file " + path + ": no line among the first " + MAX_PREAMBLE
        + " looks like " + wanted + "; check the file or pass --layout");
  }

  private static PopulationSource asLong(String path, String fileName, long line, List<String> fields) {
    int code = -1;
    int sex = -1;
    int age = -1;
    List<CountColumn> counts = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      String name = fields.get(i).trim();
      Matcher year = POPULATION_YEAR.matcher(name);
      if (code < 0 && AREA_CODE.matcher(name).matches()) {
        code = i;
      } else if (name.equalsIgnoreCase("sex")) {
        sex = i;
      } else if (name.equalsIgnoreCase("age")) {
        age = i;
      } else if (year.matches()) {
        counts.add(new CountColumn(i, name, Integer.parseInt(year.group(1)), -1));
      }
    }
    if (code < 0 || sex < 0 || age < 0 || counts.isEmpty()) {
      return null;
    }
    requireDistinct(path, counts.stream().map(CountColumn::year).toList(), "year");
    return new PopulationSource(path, fileName, Layout.LONG, line, fields, code, sex, age, counts, -1, -1, null);
  }

  private static PopulationSource asWide(String path, String fileName, long line, List<String> fields,
      List<String> preamble) {
    int code = -1;
    int sex = -1;
    List<CountColumn> counts = new ArrayList<>();
    TreeSet<Integer> ages = new TreeSet<>();
    for (int i = 0; i < fields.size(); i++) {
      String name = fields.get(i).trim();
      Matcher age = AGE_LABEL.matcher(name);
      if (code < 0 && AREA_CODE.matcher(name).matches()) {
        code = i;
      } else if (name.equalsIgnoreCase("sex")) {
        sex = i;
      } else if (age.matches()) {
        int a = Integer.parseInt(age.group(1));
        if (!ages.add(a)) {
          throw new UserError("population file " + path + ": the header has two columns for age " + a);
        }
        if (a <= MAX_CHILD_AGE) {
          counts.add(new CountColumn(i, name, -1, a));
        }
      }
    }
    if (code < 0 || !ages.contains(0)) {
      return null;
    }
    List<Integer> missing = new ArrayList<>();
    for (int a = 0; a <= MAX_CHILD_AGE; a++) {
      if (!ages.contains(a)) {
        missing.add(a);
      }
    }
    if (!missing.isEmpty()) {
      throw new UserError("population file " + path + ": the wide header has no column for age(s) "
          + missing + "; every age 0-" + MAX_CHILD_AGE + " is needed");
    }
    return new PopulationSource(path, fileName, Layout.WIDE, line, fields, code, sex, -1, counts,
        wideYear(path, fileName, preamble), -1, null);
  }

  /** The year of a wide (one-year) file: from its name (e.g. mye-2006.csv) or a "Mid-2006" title line. */
  static int wideYear(String path, String fileName, List<String> preamble) {
    TreeSet<Integer> years = new TreeSet<>();
    Matcher inName = YEAR_IN_TEXT.matcher(fileName);
    while (inName.find()) {
      years.add(Integer.parseInt(inName.group(1)));
    }
    if (years.isEmpty()) {
      for (String line : preamble) {
        Matcher mid = MID_YEAR.matcher(line);
        while (mid.find()) {
          years.add(Integer.parseInt(mid.group(1)));
        }
      }
    }
    if (years.size() != 1) {
      throw new UserError("population file " + path + " is in the wide (one year) layout but its year "
          + (years.isEmpty() ? "is not in its name" : "is ambiguous: its name holds " + years)
          + "; rename it to hold the one mid-year, e.g. mye-persons-2006.csv");
    }
    return years.first();
  }

  private static void requireDistinct(String path, List<Integer> values, String what) {
    if (new TreeSet<>(values).size() != values.size()) {
      throw new UserError("population file " + path + ": the header names a " + what + " twice");
    }
  }

  /** The header label of a column, for reject messages. */
  public String label(int index) {
    return index < 0 ? null : header.get(index).trim();
  }

  /**
   * The geography (year of the area boundaries and codes) the file is on: the vintage in the area
   * code column's name for long files (ladcode18, lad2018_code: 2018), the data year for wide files,
   * 0 for Nomis exports (the latest geography among the codes the file holds, see PopulationTotals),
   * -1 when unknown.
   */
  public int geography() {
    if (layout == Layout.WIDE) {
      return wideYear;
    }
    if (layout == Layout.NOMIS) {
      return NomisLayout.GEOGRAPHY_FROM_CODES;
    }
    Matcher digits = Pattern.compile("(\\d{4}|\\d{2})").matcher(label(codeIndex));
    if (!digits.find()) {
      return layout == Layout.SMALL_AREA ? wideYear : -1;
    }
    int year = Integer.parseInt(digits.group(1));
    return year < 100 ? 2000 + year : year;
  }

  /**
   * Where this file's numbers come from, for every output's data status: the synthetic stand-in, or a file
   * as supplied. The one place to name a recognised real source (e.g. {@code DataStatus.Population.ons(
   * "ONS mid-year estimates, revised series (Nomis NM_2002_1)")} for the Nomis layout).
   */
  public DataStatus.Population provenance() {
    return synthetic() ? DataStatus.Population.SYNTHETIC
        : layout == Layout.NOMIS ? DataStatus.Population.ons(NomisLayout.DESCRIPTION) : DataStatus.Population.AS_SUPPLIED;
  }

  /** True when the file name says it is the synthetic stand-in (SYNTHETIC-...). */
  public boolean synthetic() {
    return synthetic(fileName);
  }

  /** Population status words of the run's data status: synthetic, ons (a Nomis NM_2002_1 export) or as supplied. */
  public String status() {
    return status(fileName, layout);
  }

  /** The layout as the rows and the reconciliation name it: long, wide, small_area or nomis. */
  public String layoutName() {
    return layout.name().toLowerCase(Locale.ROOT);
  }

  /** What the figures are, in words for people: "synthetic", or which real series. */
  public String description() {
    return description(fileName, layout);
  }

  /** {@link #status()} of a file known by name and layout (e.g. from population_reconciliation). */
  public static String status(String fileName, Layout layout) {
    return synthetic(fileName) ? "synthetic" : layout == Layout.NOMIS ? "ons" : "as supplied";
  }

  /** {@link #description()} of a file known by name and layout (e.g. from population_reconciliation). */
  public static String description(String fileName, Layout layout) {
    return synthetic(fileName) ? "synthetic" : layout == Layout.NOMIS ? NomisLayout.DESCRIPTION
        : "population estimates as supplied (" + layout.name().toLowerCase(Locale.ROOT) + " layout)";
  }

  private static boolean synthetic(String fileName) {
    return fileName.toUpperCase(Locale.ROOT).startsWith("SYNTHETIC");
  }
}
