package lscb.synth;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/** The self-check's funding figures: Table 2 pooled shares (F6) and boards' own-share extremes (F7-F10). */
final class Funding {
  private Funding() {}

  static void figures(List<Return2007> rows, Register register, Map<String, BigDecimal> out) {
    double pool = rows.stream().filter(r -> r.contributions != null).mapToLong(Return2007::contributionsTotal).sum();
    for (String c : Codes.CONTRIBUTORS.subList(0, 11)) {
      double given = rows.stream().filter(r -> r.contributions != null)
          .mapToLong(r -> r.contributions.getOrDefault(c, 0L)).sum();
      out.put("F6|" + c, SelfCheck.pct(given, pool));
    }
    extremes(out, "F7", own(rows, register, "LA_CHILDRENS_SERVICES", null));
    extremes(out, "F8", own(rows, register, "PRIMARY_CARE_TRUST", null));
    double[] london = own(rows, register, "POLICE", Funding2007.LONDON);
    out.put("F9|max", BigDecimal.valueOf(max(london)));
    long atTwo = 0;
    for (double s : london) {
      if (BigDecimal.valueOf(s).setScale(0, RoundingMode.HALF_UP).intValue() == 2) {
        atTwo++;
      }
    }
    out.put("F9|at_2pct", BigDecimal.valueOf(atTwo));
    extremes(out, "F10", own(rows, register, "POLICE", Funding2007.WEST_MIDLANDS));
  }

  /** Own shares (%) of a contributor, over boards (of a region, or all) that gave an amount for it. */
  private static double[] own(List<Return2007> rows, Register register, String contributor, String region) {
    return rows.stream().filter(r -> r.contributions != null && r.contributions.containsKey(contributor))
        .filter(r -> region == null || register.board(r.boardCode).regionCode().equals(region))
        .mapToDouble(r -> 100.0 * r.contributions.get(contributor) / r.contributionsTotal()).toArray();
  }

  private static void extremes(Map<String, BigDecimal> out, String id, double[] shares) {
    out.put(id + "|min", BigDecimal.valueOf(java.util.Arrays.stream(shares).min().orElse(Double.NaN)));
    out.put(id + "|max", BigDecimal.valueOf(max(shares)));
  }

  private static double max(double[] shares) {
    return java.util.Arrays.stream(shares).max().orElse(Double.NaN);
  }
}
