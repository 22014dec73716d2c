package lscb.reference;

import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.trim;

import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;

/**
 * The key a board name is matched on: case, spacing, punctuation, "&" versus "and", "City of",
 * "County of", "the", and words around the name such as "LSCB", "Safeguarding Children Board",
 * "London Borough of" or "Council" do not matter. The same steps are applied to the register's
 * names and to the names respondents wrote, in Spark or on the driver, so both sides always agree.
 */
public final class NameKey {
  private NameKey() {}

  /** One replacement: every match of {@code regex} becomes {@code with}. */
  private record Step(String regex, String with) {}

  /** Applied in order after lower-casing; the result is trimmed of spaces. */
  private static final List<Step> STEPS = List.of(
      new Step("&", " and "),
      new Step("[^a-z0-9]+", " "),
      new Step("\\b(city|county) of\\b", " "),
      new Step("\\bthe\\b", " "),
      new Step("\\b(local )?safeguarding children( s)? board\\b|\\blscb\\b", " "),
      new Step("\\b(london|royal|metropolitan) borough of\\b|\\bborough of\\b", " "),
      new Step("\\b((metropolitan )?borough|county|city|district) council\\b|\\bcouncil\\b", " "),
      new Step("\\s+", " "));

  /** The matching key of a name column. */
  public static Column of(Column name) {
    Column key = lower(name);
    for (Step step : STEPS) {
      key = regexp_replace(key, step.regex(), step.with());
    }
    return trim(key);
  }

  /** The matching key of one name, on the driver; null for null. */
  public static String of(String name) {
    if (name == null) {
      return null;
    }
    String key = name.toLowerCase(Locale.ROOT);
    for (Step step : STEPS) {
      key = key.replaceAll(step.regex(), step.with());
    }
    return key.replaceAll("^ +| +$", "");
  }
}
