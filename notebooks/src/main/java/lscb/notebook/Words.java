package lscb.notebook;

import java.util.Locale;
import java.util.Map;

/** Survey codes in plain words: LA_CHILDRENS_SERVICES -> "LA children's services", at_2pct -> "at 2%". */
public final class Words {
  /** Codes whose plain words are not their letters (the survey's own abbreviations and names). */
  private static final Map<String, String> SPECIAL = Map.ofEntries(
      Map.entry("la", "LA"), Map.entry("nhs", "NHS"), Map.entry("cps", "CPS"), Map.entry("fe", "FE"),
      Map.entry("lscb", "LSCB"), Map.entry("mappa", "MAPPA"), Map.entry("nass", "NASS"), Map.entry("pct", "%"),
      Map.entry("cafcass", "Cafcass"), Map.entry("connexions", "Connexions"), Map.entry("childrens", "children's"),
      Map.entry("cdop", "child death overview panel"), Map.entry("scr", "serious case reviews"), Map.entry("pp", "points"),
      Map.entry("dcs", "DCS"), Map.entry("yos", "YOS"), Map.entry("april", "April"), Map.entry("england", "England"));

  /** Codes whose plain words the report gives as a whole (not word by word). */
  private static final Map<String, String> WHOLE = Map.of("PRISONS_SECURE", "Prisons and secure centres");

  private Words() {}

  /** A code as a label (first letter capital); text that is not a code comes back unchanged. */
  public static String label(String code) {
    if (code == null || !isCode(code)) {
      return code;
    }
    if (WHOLE.containsKey(code)) {
      return WHOLE.get(code);
    }
    String[] parts = code.toLowerCase(Locale.ROOT).split("_+");
    StringBuilder s = new StringBuilder();
    for (String part : parts) {
      if (part.isEmpty()) {
        continue;
      }
      String word = SPECIAL.getOrDefault(part, part.matches("\\d+pct") ? part.replace("pct", "%") : part);
      s.append(s.length() == 0 || word.equals("%") && Character.isDigit(s.charAt(s.length() - 1)) ? "" : " ").append(word);
    }
    String text = s.toString().replaceAll("(\\d{4}) (\\d{2})$", "$1-$2").replaceAll("(\\d{4}) (\\d{2}) ", "$1-$2 ");
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  /** A code in running text: lower case, except abbreviations and names (NHS trust, Cafcass). */
  public static String words(String code) {
    String s = label(code);
    if (s == null || s.isEmpty()) {
      return s;
    }
    String first = s.split(" ")[0];
    boolean keep = first.length() > 1 && first.equals(first.toUpperCase(Locale.ROOT)) || SPECIAL.containsValue(first)
        && !first.equals(first.toLowerCase(Locale.ROOT));
    return keep ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  /** An EES time period in words: 2007 stays, 200607 -> 2006-07 (a financial year). */
  public static String period(String timePeriod) {
    return timePeriod != null && timePeriod.matches("\\d{6}")
        ? timePeriod.substring(0, 4) + "-" + timePeriod.substring(4) : timePeriod;
  }

  /** True for UPPER_SNAKE or lower_snake survey codes (at least one underscore or all capitals), not sentences. */
  public static boolean isCode(String text) {
    return text.matches("[A-Z][A-Z0-9_]+") && text.length() > 1 || text.equals("cdop") || text.matches("[a-z][a-z0-9]*(_[a-z0-9]+)+");
  }
}
