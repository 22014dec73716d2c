package lscb.reference;

import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.trim;

import org.apache.spark.sql.Column;

/**
 * The key a board name is matched on: case, spacing, punctuation, "&" versus "and", "City of",
 * "County of", "the", and words around the name such as "LSCB", "Safeguarding Children Board",
 * "London Borough of" or "Council" do not matter. The same expression is applied to the
 * register's names and to the names respondents wrote, so both sides always agree.
 */
public final class NameKey {
  private NameKey() {}

  /** The matching key of a name column. */
  public static Column of(Column name) {
    Column key = lower(name);
    key = regexp_replace(key, "&", " and ");
    key = regexp_replace(key, "[^a-z0-9]+", " ");
    key = regexp_replace(key, "\\b(city|county) of\\b", " ");
    key = regexp_replace(key, "\\bthe\\b", " ");
    key = regexp_replace(key, "\\b(local )?safeguarding children( s)? board\\b|\\blscb\\b", " ");
    key = regexp_replace(key, "\\b(london|royal|metropolitan) borough of\\b|\\bborough of\\b", " ");
    key = regexp_replace(key, "\\b((metropolitan )?borough|county|city|district) council\\b|\\bcouncil\\b", " ");
    key = regexp_replace(key, "\\s+", " ");
    return trim(key);
  }
}
