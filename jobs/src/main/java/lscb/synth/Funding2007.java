package lscb.synth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 2007 funding, para 32-34 and Table 2: expenditure between the Isle of Wight's £5,000 and
 * Lancashire's £393,857, 16% planning the same or less, and contributions whose pooled shares
 * match Table 2 while a few named boards hold the published own-share extremes.
 */
final class Funding2007 {
  static final String SMALLEST = "LSCB-921";
  static final String LARGEST = "LSCB-888";
  static final String LONDON = "E12000007";
  static final String WEST_MIDLANDS = "E12000005";
  /** Table 2 shares (%) of the first 11 contributors; OTHER gets a token amount on two boards. */
  static final double[] TABLE2 = {53.0, 21.6, 9.6, 4.3, 3.3, 2.7, 2.2, 2.0, 0.8, 0.4, 0.1};
  private static final int LA = 0;
  private static final int POLICE = 2;
  private static final int K = TABLE2.length;

  private Funding2007() {}

  static void draw(List<Return2007> returns, Register register, Draw d) {
    spend(returns, register, d.split());
    contributions(returns, register, d.split());
  }

  /** Expenditure 2006-07 and planned 2007-08 (F1-F5). */
  private static void spend(List<Return2007> returns, Register register, Draw d) {
    List<Return2007> others = new ArrayList<>();
    for (Return2007 r : returns) {
      Register.Board b = register.board(r.boardCode);
      if (r.boardCode.equals(SMALLEST)) {
        r.expenditure = 5000L;
        r.planned = 19648L;
      } else if (r.boardCode.equals(LARGEST)) {
        r.expenditure = 393857L;
        r.planned = 366605L;
      } else {
        double median = b.county() ? 140000 : b.regionCode().equals(LONDON) ? 80000 : 62000;
        double e = Math.max(9000, Math.min(360000, median * Math.exp(0.4 * d.gaussian())));
        r.expenditure = roundish(e, d);
        others.add(r);
      }
    }
    List<Return2007> order = d.shuffled(others);
    int unanswered = 2;
    int both = returns.size() - unanswered;
    int sameOrLess = Draw.countFor(16, both) - 1; // Lancashire is one of them
    for (int i = 0; i < order.size(); i++) {
      Return2007 r = order.get(i);
      if (i < unanswered) {
        r.planned = null;
      } else if (i < unanswered + sameOrLess) {
        r.planned = d.chance(0.4) ? r.expenditure : roundish(r.expenditure * d.uniform(0.82, 0.99), d);
      } else {
        r.planned = roundish(r.expenditure * d.uniform(1.03, 1.5), d);
      }
    }
  }

  private static long roundish(double pounds, Draw d) {
    double roll = d.uniform(0, 1);
    long step = roll < 0.35 ? 1000 : roll < 0.55 ? 500 : roll < 0.65 ? 100 : 1;
    return Math.max(step, Math.round(pounds / step) * step);
  }

  /** Contributions: fixed shares for the extreme boards, calibrated shares for the rest. */
  private static void contributions(List<Return2007> returns, Register register, Draw d) {
    Map<Return2007, double[]> fixed = new LinkedHashMap<>();
    List<Return2007> london = new ArrayList<>();
    List<Return2007> westMidlands = new ArrayList<>();
    List<Return2007> elsewhere = new ArrayList<>();
    for (Return2007 r : returns) {
      String region = register.board(r.boardCode).regionCode();
      if (r.boardCode.equals(SMALLEST) || r.boardCode.equals(LARGEST)) {
        continue;
      }
      (region.equals(LONDON) ? london : region.equals(WEST_MIDLANDS) ? westMidlands : elsewhere).add(r);
    }
    london = d.shuffled(london);
    westMidlands = d.shuffled(westMidlands);
    elsewhere = d.shuffled(elsewhere);
    // F9: London's highest police share 29%, and four boroughs at 2%.
    fixed.put(london.get(0), shares(45, 20, 29, 0, 0, 3, 0, 3, 0));
    double[] twoPct = {1.8, 2.0, 2.2, 1.9};
    for (int i = 0; i < 4; i++) {
      fixed.put(london.get(1 + i), shares(66 - twoPct[i], 26, twoPct[i], 0, 0, 4, 4, 0, 0));
    }
    // F10: West Midlands police from 2% to 24%.
    fixed.put(westMidlands.get(0), shares(68, 22, 2, 0, 0, 4, 4, 0, 0));
    fixed.put(westMidlands.get(1), shares(48, 20, 24, 0, 0, 4, 0, 4, 0));
    // F7, F8: LA share 22.5% to 87%, PCT share 3.0% to over 45%.
    fixed.put(elsewhere.get(0), shares(22.5, 32, 18, 0, 9, 6, 5, 4, 3.5));
    fixed.put(elsewhere.get(1), shares(87, 6, 4, 0, 0, 3, 0, 0, 0));
    fixed.put(elsewhere.get(2), shares(70, 3, 15, 0, 0, 4, 4, 4, 0));
    fixed.put(elsewhere.get(3), shares(35, 47, 12, 0, 0, 3, 0, 0, 3));
    List<Return2007> free = new ArrayList<>();
    for (Return2007 r : d.shuffled(returns)) {
      if (!fixed.containsKey(r)) {
        free.add(r);
      }
    }
    List<Return2007> unanswered = free.subList(0, 2);
    unanswered.forEach(r -> r.contributions = null);
    free = new ArrayList<>(free.subList(2, free.size()));
    Map<Return2007, Long> totals = new LinkedHashMap<>();
    for (Return2007 r : returns) {
      if (unanswered.contains(r)) {
        continue;
      }
      totals.put(r, d.chance(0.7) ? r.expenditure : (long) Math.floor(r.expenditure * d.uniform(0.9, 0.99)));
    }
    Map<Return2007, Long> otherAmount = new LinkedHashMap<>();
    otherAmount.put(free.get(0), 300L);
    otherAmount.put(free.get(1), 450L);
    Map<Return2007, double[]> drawn = ContributionShares.calibrate(free, fixed, totals, otherAmount,
        register, d.split());
    for (Map.Entry<Return2007, double[]> e : fixed.entrySet()) {
      e.getKey().contributions = amounts(e.getValue(), totals.get(e.getKey()), 0, 1);
    }
    for (Return2007 r : free) {
      long other = otherAmount.getOrDefault(r, 0L);
      r.contributions = amounts(drawn.get(r), totals.get(r) - other, other, r.expenditure > 50000 ? 100 : 1);
    }
  }

  /** Shares (%) in contributor order: LA, PCT, police, district, NHS trust, probation, Connexions, YOS, Cafcass. */
  private static double[] shares(double... percents) {
    double[] s = new double[K];
    for (int i = 0; i < percents.length; i++) {
      s[i] = percents[i] / 100.0;
    }
    return s;
  }

  /** Whole-pound amounts of a total by shares; LA takes the rounding remainder; tiny amounts dropped. */
  private static Map<String, Long> amounts(double[] shares, long total, long other, int step) {
    long[] amount = new long[K];
    long rest = total;
    for (int c = 1; c < K; c++) {
      if (shares[c] > 0) {
        amount[c] = Math.round(total * shares[c] / step) * step;
        if (amount[c] < 50) {
          amount[c] = 0;
        }
        rest -= amount[c];
      }
    }
    amount[LA] = rest;
    Map<String, Long> out = new LinkedHashMap<>();
    for (int c = 0; c < K; c++) {
      if (amount[c] > 0 || (c <= POLICE && shares[c] > 0)) {
        out.put(Codes.CONTRIBUTORS.get(c), amount[c]);
      }
    }
    if (other > 0) {
      out.put("OTHER", other);
    }
    return out;
  }

}
