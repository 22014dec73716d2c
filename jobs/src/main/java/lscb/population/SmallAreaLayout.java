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
 * The ONS small-area (LSOA) estimates in their wide layout: one row per LSOA with its local
 * authority's code and name, All Ages, then single years of age 0 ... 90+; one file per year, and per
 * sex where split (the sex from the file name or a title line, e.g. "Mid-2006: Males"). Many rows
 * per authority are the normal case: the stage sums them into the authority through the LA code.
 */
final class SmallAreaLayout {
  private static final Pattern SMALL_AREA_CODE = Pattern.compile("(?i)lsoa[ _]?(\\d{2,4})?[ _]?(cd|code)");
  private static final Pattern LA_CODE = Pattern.compile(
      "(?i)(la|lad|local authority)[ _]?(\\d{2,4})?[ _]?(cd|code)([ _]?\\(?(\\d{4})( boundaries)?\\)?)?");
  private static final Pattern SEX = Pattern.compile("(?i)(?<![a-z])(females|males|persons)(?![a-z])");

  private SmallAreaLayout() {}

  /** The file as a small-area source when {@code fields} (line {@code line}) is such a header, else null. */
  static PopulationSource detect(String path, String fileName, long line, List<String> fields, List<String> preamble) {
    int small = -1;
    int la = -1;
    int sex = -1;
    List<CountColumn> counts = new ArrayList<>();
    TreeSet<Integer> ages = new TreeSet<>();
    for (int i = 0; i < fields.size(); i++) {
      String name = fields.get(i).trim();
      Matcher age = PopulationSource.AGE_LABEL.matcher(name);
      if (small < 0 && SMALL_AREA_CODE.matcher(name).matches()) {
        small = i;
      } else if (la < 0 && LA_CODE.matcher(name).matches()) {
        la = i;
      } else if (name.equalsIgnoreCase("sex")) {
        sex = i;
      } else if (age.matches()) {
        int a = Integer.parseInt(age.group(1));
        if (!ages.add(a)) {
          throw new UserError("population file " + path + ": the header has two columns for age " + a);
        }
        if (a <= PopulationSource.MAX_CHILD_AGE) {
          counts.add(new CountColumn(i, name, -1, a));
        }
      }
    }
    if (small < 0 || !ages.contains(0)) {
      return null;
    }
    if (la < 0) {
      throw new UserError("population file " + path + ": a small-area (LSOA) header but no local authority code"
          + " column (e.g. 'LA Code (2018 boundaries)'); small areas are summed into councils through it");
    }
    if (ages.size() <= PopulationSource.MAX_CHILD_AGE || ages.headSet(PopulationSource.MAX_CHILD_AGE + 1).size()
        != PopulationSource.MAX_CHILD_AGE + 1) {
      throw new UserError("population file " + path + ": the small-area header lacks a column for some age 0-"
          + PopulationSource.MAX_CHILD_AGE + "; every child age is needed");
    }
    String fileSex = sex >= 0 ? null : fileSex(fileName, preamble);
    return new PopulationSource(path, fileName, Layout.SMALL_AREA, line, fields, la, sex, -1, counts,
        PopulationSource.wideYear(path, fileName, preamble), small, fileSex);
  }

  /** males, females or persons, from the file name or else a title line; persons when neither says. */
  private static String fileSex(String fileName, List<String> preamble) {
    Matcher inName = SEX.matcher(fileName);
    if (inName.find()) {
      return inName.group(1).toLowerCase();
    }
    for (String title : preamble) {
      Matcher inTitle = SEX.matcher(title);
      if (inTitle.find()) {
        return inTitle.group(1).toLowerCase();
      }
    }
    return "persons";
  }
}
