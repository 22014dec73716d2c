package lscb.population;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lscb.io.UserError;
import lscb.population.PopulationSource.CountColumn;
import lscb.population.PopulationSource.Layout;

/**
 * The Nomis export of ONS dataset NM_2002_1 (population estimates, local authority based, by single
 * year of age), persons: {@code name,code,year,Age 0,...,Age 89,Aged 90+}, one row per area and
 * mid-year, "-" where Nomis has no figure. Found from the header; the rest of the stage reads it
 * like the other layouts, with the year taken from each row.
 */
public final class NomisLayout {
  /** The header this layout expects, for messages. */
  public static final String HEADER = "name, code, year, Age 0, Age 1, ..., Age 89, Aged 90+";
  /** What the figures are, in the run's words. */
  public static final String DESCRIPTION = "ONS mid-year estimates, revised series (Nomis NM_2002_1)";
  /** The attribution the Open Government Licence asks for. */
  public static final String ATTRIBUTION =
      "Source: Office for National Statistics licensed under the Open Government Licence v3.0";
  /** The geography of a Nomis export: not in the file; the latest one its codes imply (PopulationTotals). */
  public static final int GEOGRAPHY_FROM_CODES = 0;

  private static final Pattern CODE = Pattern.compile("(?i)code|geography[ _]code|area[ _]code");
  private static final Pattern YEAR = Pattern.compile("(?i)year|date|mid[- ]?year");
  private static final Pattern AGE = Pattern.compile("(?i)aged? (\\d{1,3})\\+?");

  private NomisLayout() {}

  /** This header line as a Nomis NM_2002_1 export, or null when it is not one. */
  static PopulationSource detect(String path, String fileName, long line, List<String> fields) {
    int code = -1;
    int year = -1;
    int sex = -1;
    List<CountColumn> counts = new ArrayList<>();
    TreeSet<Integer> ages = new TreeSet<>();
    for (int i = 0; i < fields.size(); i++) {
      String name = fields.get(i).trim();
      Matcher age = AGE.matcher(name);
      if (code < 0 && CODE.matcher(name).matches()) {
        code = i;
      } else if (year < 0 && YEAR.matcher(name).matches()) {
        year = i;
      } else if (name.equalsIgnoreCase("sex") || name.equalsIgnoreCase("gender")) {
        sex = i;
      } else if (age.matches()) {
        int a = Integer.parseInt(age.group(1));
        if (!ages.add(a)) {
          throw new UserError("population file " + path + ": the Nomis header has two columns for age " + a);
        }
        if (a <= PopulationSource.MAX_CHILD_AGE) {
          counts.add(new CountColumn(i, name, -1, a));
        }
      }
    }
    if (code < 0 || year < 0 || !ages.contains(0)) {
      return null;
    }
    List<Integer> missing = new ArrayList<>();
    for (int a = 0; a <= PopulationSource.MAX_CHILD_AGE; a++) {
      if (!ages.contains(a)) {
        missing.add(a);
      }
    }
    if (!missing.isEmpty()) {
      throw new UserError("population file " + path + ": the Nomis header has no column for age(s) " + missing
          + "; export every single year of age (" + HEADER + ")");
    }
    return new PopulationSource(path, fileName, Layout.NOMIS, line, fields, code, sex, -1, counts, -1, year);
  }
}
