package lscb.synth;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Computes every figure of figures.csv from the drawn (accepted) returns, per the definitions in
 * data/published/README.md, and checks each rule; the generator refuses to write returns that fail.
 * Per-child figures need the population and are left to the conformance stage.
 */
final class SelfCheck {
  private final Map<String, BigDecimal> figures = new TreeMap<>();

  private SelfCheck() {}

  /** The figures reproduced from the accepted returns, keyed "ID|part". */
  static Map<String, BigDecimal> figures(List<Return2006> y2006, List<Return2007> y2007, Register register) {
    SelfCheck c = new SelfCheck();
    c.compute2006(y2006);
    c.compute2007(y2007, register);
    return c.figures;
  }

  /** The figures.csv rows that are not reproduced, as "ID|part: published vs reproduced" lines. */
  static List<String> failures(Map<String, BigDecimal> figures, String figuresCsv) {
    List<String> failures = new ArrayList<>();
    for (List<String> f : Csv.rows(RawFiles.read(figuresCsv, StandardCharsets.UTF_8))) {
      String key = f.get(0) + "|" + f.get(1);
      if (f.get(5).equals("pence")) {
        continue; // per child: needs the population (conformance stage)
      }
      BigDecimal got = figures.get(key);
      if (got == null || !passes(f.get(5), new BigDecimal(f.get(6)),
          f.get(7).isEmpty() ? null : new BigDecimal(f.get(7)), got)) {
        failures.add(key + ": published " + f.get(3) + " (" + f.get(5) + " " + f.get(6) + "), reproduced " + got);
      }
    }
    return failures;
  }

  static boolean passes(String rule, BigDecimal value, BigDecimal high, BigDecimal got) {
    return switch (rule) {
      case "count" -> got.compareTo(value) == 0;
      case "pct0", "pounds" -> got.setScale(0, RoundingMode.HALF_UP).compareTo(value) == 0;
      case "pct1" -> got.setScale(1, RoundingMode.HALF_UP).compareTo(value) == 0;
      case "at_least" -> got.compareTo(value) >= 0;
      case "more_than" -> got.compareTo(value) > 0;
      case "less_than" -> got.compareTo(value) < 0;
      case "range_pct" -> got.compareTo(value) >= 0 && got.compareTo(high) < 0;
      default -> false;
    };
  }

  /** The normaliser's reading of a 2006 free-text chair post. */
  static String classify2006(String type, String post) {
    String text = post == null ? "" : post.toLowerCase(Locale.ROOT);
    if (text.isBlank()) {
      return null;
    }
    if (text.contains("chief executive")) {
      return "CHIEF_EXECUTIVE";
    }
    if (text.contains("director of children") || text.contains("dcs")) {
      return "DIRECTOR_OF_CHILDRENS_SERVICES";
    }
    if (text.contains("independent")) {
      return "INDEPENDENT";
    }
    return "LOCAL_AUTHORITY".equals(type) ? "LA_OTHER_OFFICER" : "STATUTORY_PARTNER_OFFICER";
  }

  private void compute2006(List<Return2006> rows) {
    figures.put("R2|2006", count(rows.size()));
    share("C1|2006", rows, r -> r.chairType != null, r -> r.chairType.equals("LOCAL_AUTHORITY"));
    share("C2|2006", rows, r -> r.chairType != null, r -> r.chairType.equals("OTHER_STATUTORY"));
    share("C3|2006", rows, r -> r.chairType != null, r -> r.chairType.equals("INDEPENDENT"));
    figures.put("C4|2006", count(rows.stream()
        .filter(r -> "CHIEF_EXECUTIVE".equals(classify2006(r.chairType, r.chairPostText))).count()));
  }

  private void compute2007(List<Return2007> rows, Register register) {
    figures.put("R1|2007", count(rows.size()));
    share("C1|2007", rows, r -> r.chairType != null, r -> r.chairType.equals("LOCAL_AUTHORITY"));
    share("C2|2007", rows, r -> r.chairType != null, r -> r.chairType.equals("OTHER_STATUTORY"));
    share("C3|2007", rows, r -> r.chairType != null, r -> r.chairType.equals("INDEPENDENT"));
    figures.put("C4|2007", count(rows.stream().filter(r -> "CHIEF_EXECUTIVE".equals(r.chairPost)).count()));
    share("C5|2007", rows, r -> r.chairPost != null, r -> r.chairPost.equals("DIRECTOR_OF_CHILDRENS_SERVICES"));
    share("C6|2007", rows, r -> r.chairPost != null, r -> r.chairPost.equals("LA_OTHER_OFFICER"));
    Map<Integer, Integer> byK = new TreeMap<>();
    rows.stream().filter(r -> r.boardsChaired != null).forEach(r -> byK.merge(r.boardsChaired, 1, Integer::sum));
    long fewest = byK.entrySet().stream().filter(e -> e.getKey() >= 2)
        .mapToLong(e -> (e.getValue() + e.getKey() - 1) / e.getKey()).sum();
    figures.put("C7|2007", count(fewest));
    figures.put("C8|2007", count(byK.isEmpty() ? 0 : ((TreeMap<Integer, Integer>) byK).lastKey()));
    figures.put("S1|2007", count(rows.stream().filter(r -> r.meetingsPerYear != null && r.meetingsPerYear < 4).count()));
    member("M1|2007", rows, "YOUTH_OFFENDING_SERVICE", false);
    member("M2|2007", rows, "CONNEXIONS", false);
    member("M3|2007", rows, "CAFCASS", false);
    for (String a : List.of("LOCAL_AUTHORITY", "PROBATION", "POLICE", "NHS_TRUST", "PRIMARY_CARE_TRUST")) {
      member("M4|" + a, rows, a, false);
    }
    share("M5|2007", rows, r -> r.members.containsKey("VOLUNTARY_COMMUNITY"), r -> r.members.get("VOLUNTARY_COMMUNITY"));
    for (String a : List.of("STATE_SCHOOLS", "INDEPENDENT_SCHOOLS", "FE_COLLEGES")) {
      share("M6|" + a, rows, r -> r.members.containsKey(a), r -> r.members.get(a));
    }
    for (String a : List.of("EARLY_YEARS", "CHILDRENS_CENTRES")) {
      share("M7|" + a, rows, r -> r.members.containsKey(a), r -> r.members.get(a));
    }
    member("M8|2007", rows, "DESIGNATED_DOCTOR_NURSE", false);
    share("M9|2007", rows, r -> r.members.containsKey("MAPPA"), r -> r.members.get("MAPPA"));
    member("M10|2007", rows, "CPS", true);
    for (String a : List.of("ARMED_SERVICES", "IMMIGRATION", "NASS")) {
      member("M11|" + a, rows, a, true);
    }
    member("M12|2007", rows, "PRISONS_SECURE", true);
    figures.put("M13|2007", count(rows.stream().filter(r -> r.contributingOrganisations != null)
        .mapToLong(r -> r.contributingOrganisations).max().orElse(0)));
    Return2007 smallest = rows.stream().filter(r -> r.expenditure != null)
        .min((a, b) -> Long.compare(a.expenditure, b.expenditure)).orElseThrow();
    Return2007 largest = rows.stream().filter(r -> r.expenditure != null)
        .max((a, b) -> Long.compare(a.expenditure, b.expenditure)).orElseThrow();
    figures.put("F1|expenditure", count(smallest.expenditure));
    figures.put("F2|planned", count(smallest.planned));
    figures.put("F3|expenditure", count(largest.expenditure));
    figures.put("F4|planned", count(largest.planned));
    share("F5|2007", rows, r -> r.expenditure != null && r.planned != null, r -> r.planned <= r.expenditure);
    Funding.figures(rows, register, figures);
    share("A2|2007", rows, r -> r.chiefExecutiveContact != null, r -> !r.chiefExecutiveContact);
    figures.put("A1|none", count(rows.stream().filter(r -> "NONE".equals(r.leadMember)).count()));
    figures.put("A1|not_independent", count(rows.stream()
        .filter(r -> "NONE".equals(r.leadMember) && !"INDEPENDENT".equals(r.chairType)).count()));
    for (String p : Codes.PRIORITIES.subList(0, 10)) {
      share("P1|" + p, rows, r -> r.priorities != null && !r.priorities.isEmpty(), r -> r.priorities.contains(p));
    }
    for (String p : List.of("LOOKED_AFTER_CHILDREN", "PRIVATE_FOSTERING")) {
      share("P2|" + p, rows, r -> r.priorities != null && !r.priorities.isEmpty(), r -> r.priorities.contains(p));
    }
    share("P3|HIDDEN_CHILDREN", rows, r -> r.priorities != null && !r.priorities.isEmpty(),
        r -> r.priorities.contains("HIDDEN_CHILDREN"));
    figures.put("D1|2007", count(rows.stream().filter(r -> "IN_PLACE".equals(r.cdop)).count()));
    share("D2|2007", rows, r -> r.scrCommissioned != null, r -> r.scrCommissioned == 0);
    figures.put("D3|2007", count(rows.stream().filter(r -> r.scrCompleted != null && r.scrCompleted >= 5).count()));
  }

  private void member(String key, List<Return2007> rows, String agency, boolean answer) {
    figures.put(key, count(rows.stream().filter(r -> Boolean.valueOf(answer).equals(r.members.get(agency))).count()));
  }

  private <T> void share(String key, List<T> rows, Predicate<T> answered, Predicate<T> yes) {
    long n = rows.stream().filter(answered).count();
    long x = rows.stream().filter(answered).filter(yes).count();
    figures.put(key, pct(x, n));
  }

  static BigDecimal pct(double part, double whole) {
    return whole == 0 ? null : BigDecimal.valueOf(100.0 * part / whole);
  }

  static BigDecimal count(long n) {
    return BigDecimal.valueOf(n);
  }
}
