package lscb.synth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each free board's own contributor shares, fitted by iterative proportional scaling so that the
 * pooled money (free boards plus the fixed extreme boards) gives Table 2's shares, while every free
 * board stays strictly inside the published own-share extremes (F7-F10).
 */
final class ContributionShares {
  private static final int K = Funding2007.TABLE2.length;
  private static final int LA = 0;
  private static final int PCT = 1;
  private static final int POLICE = 2;
  private static final int DISTRICT = 3;
  private static final int PRISONS = 9;
  private static final int SECURE_TRAINING = 10;
  /** Boards with a secure training centre in their area (Medway, Durham) get that contributor. */
  private static final List<String> SECURE_TRAINING_AREAS = List.of("LSCB-887", "LSCB-840");

  private ContributionShares() {}

  static Map<Return2007, double[]> calibrate(List<Return2007> free, Map<Return2007, double[]> fixed,
      Map<Return2007, Long> totals, Map<Return2007, Long> otherAmount, Register register, Draw d) {
    double pool = totals.values().stream().mapToLong(Long::longValue).sum();
    double other = otherAmount.values().stream().mapToLong(Long::longValue).sum();
    double[] target = new double[K];
    for (int c = 0; c < K; c++) {
      target[c] = Funding2007.TABLE2[c] / 100.0 * (pool - other);
    }
    for (Map.Entry<Return2007, double[]> e : fixed.entrySet()) {
      for (int c = 0; c < K; c++) {
        target[c] -= e.getValue()[c] * totals.get(e.getKey());
      }
    }
    List<Return2007> prisons = d.pickN(free, 8);
    List<Return2007> secureTraining = free.stream()
        .filter(r -> SECURE_TRAINING_AREAS.contains(r.boardCode)).toList();
    if (secureTraining.isEmpty()) {
      secureTraining = d.pickN(free, 1);
    }
    Map<Return2007, double[]> shares = new LinkedHashMap<>();
    Map<Return2007, Double> money = new LinkedHashMap<>();
    for (Return2007 r : free) {
      Register.Board board = register.board(r.boardCode);
      double[] s = new double[K];
      for (int c = 0; c < K; c++) {
        boolean present = switch (c) {
          case LA, PCT, POLICE -> true;
          case DISTRICT -> board.county() && d.chance(0.85);
          case 4 -> d.chance(0.5);
          case 5 -> d.chance(0.8);
          case 6 -> d.chance(0.55);
          case 7 -> d.chance(0.5);
          case 8 -> d.chance(0.3);
          case PRISONS -> prisons.contains(r);
          default -> secureTraining.contains(r);
        };
        double base = c == DISTRICT ? 10 : c == PRISONS ? 4 : c == SECURE_TRAINING ? 5 : Funding2007.TABLE2[c];
        s[c] = present ? base * Math.exp(0.3 * d.gaussian()) : 0;
      }
      normalise(s);
      shares.put(r, s);
      money.put(r, (double) (totals.get(r) - otherAmount.getOrDefault(r, 0L)));
    }
    for (int iteration = 0; iteration < 500; iteration++) {
      double[] current = new double[K];
      shares.forEach((r, s) -> {
        for (int c = 0; c < K; c++) {
          current[c] += s[c] * money.get(r);
        }
      });
      double worst = 0;
      for (int c = 0; c < K; c++) {
        worst = Math.max(worst, Math.abs(current[c] / target[c] - 1));
      }
      if (worst < 1e-6) {
        return shares;
      }
      for (Map.Entry<Return2007, double[]> e : shares.entrySet()) {
        double[] s = e.getValue();
        for (int c = 0; c < K; c++) {
          s[c] *= target[c] / current[c];
        }
        normalise(s);
        clamp(s, register.board(e.getKey().boardCode).regionCode());
      }
    }
    throw new IllegalStateException("the contributions did not calibrate to Table 2 for this seed; try another seed");
  }

  /** Keeps a free board strictly inside the published extremes (LA, PCT, police by region). */
  private static void clamp(double[] s, String region) {
    double policeLow = region.equals(Funding2007.LONDON) || region.equals(Funding2007.WEST_MIDLANDS) ? 0.03 : 0.01;
    double policeHigh = region.equals(Funding2007.LONDON) ? 0.27
        : region.equals(Funding2007.WEST_MIDLANDS) ? 0.23 : 0.30;
    for (int pass = 0; pass < 3; pass++) {
      pin(s, LA, 0.25, 0.84);
      pin(s, PCT, 0.045, 0.43);
      pin(s, POLICE, policeLow, policeHigh);
    }
  }

  private static void pin(double[] s, int c, double low, double high) {
    double v = Math.max(low, Math.min(high, s[c]));
    if (v == s[c]) {
      return;
    }
    double othersBefore = 1 - s[c];
    double scale = (1 - v) / othersBefore;
    for (int i = 0; i < s.length; i++) {
      s[i] = i == c ? v : s[i] * scale;
    }
  }

  private static void normalise(double[] s) {
    double sum = 0;
    for (double v : s) {
      sum += v;
    }
    for (int i = 0; i < s.length; i++) {
      s[i] /= sum;
    }
  }
}
