package lscb.notebook;

import java.util.Locale;

/** Numbers as a reader reads them: grouped thousands, fixed decimals, a unit, never E-notation. */
public final class Format {
  private Format() {}

  /** A number with decimals (null: 1 for % and pp, else none if whole, else 1) and an EES unit: "%" -> 33.9%, "£" -> £1,234, "pp" -> 5.5 pp. */
  public static String number(double value, Integer decimals, String unit) {
    if (Double.isNaN(value)) {
      return "";
    }
    String u0 = unit == null ? "" : unit.trim();
    int dp = decimals != null ? decimals : u0.equals("%") || u0.equals("pp") || value != Math.rint(value) ? 1 : 0;
    String digits = String.format(Locale.ROOT, "%,." + dp + "f", value);
    if (digits.matches("-0(\\.0*)?")) {
      digits = digits.substring(1);
    }
    String u = unit == null ? "" : unit.trim();
    return switch (u) {
      case "" -> digits;
      case "%" -> digits + "%";
      case "£" -> digits.startsWith("-") ? "-£" + digits.substring(1) : "£" + digits;
      default -> digits + " " + u;
    };
  }

  /** A percentage with one decimal: 33.9%. */
  public static String pct(double value) {
    return number(value, 1, "%");
  }

  /** A count: 1,234. */
  public static String count(double value) {
    return number(value, 0, "");
  }

  /** Pounds with decimals: £1,234 or £2.35. */
  public static String pounds(double value, int decimals) {
    return number(value, decimals, "£");
  }

  /** An EES symbol in words, or null if it is not one. */
  public static String symbol(String symbol) {
    return switch (symbol == null ? "" : symbol.trim()) {
      case "x" -> "not available";
      case "z" -> "not applicable";
      case "c" -> "confidential";
      case "u" -> "low reliability";
      case "low" -> "rounds to 0 but is not 0";
      case ":" -> "not available";
      default -> null;
    };
  }
}
