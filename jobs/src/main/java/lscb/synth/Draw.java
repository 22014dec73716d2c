package lscb.synth;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded random draws (one stream per purpose, split in a fixed order) and rounding helpers. */
final class Draw {
  private final SplittableRandom rng;

  Draw(long seed) {
    this.rng = new SplittableRandom(seed);
  }

  private Draw(SplittableRandom rng) {
    this.rng = rng;
  }

  /** An independent stream; splitting in the same order gives the same streams. */
  Draw split() {
    return new Draw(rng.split());
  }

  int between(int lo, int hiInclusive) {
    return rng.nextInt(lo, hiInclusive + 1);
  }

  double uniform(double lo, double hi) {
    return lo + (hi - lo) * rng.nextDouble();
  }

  boolean chance(double p) {
    return rng.nextDouble() < p;
  }

  /** A standard normal draw (Box-Muller). */
  double gaussian() {
    double u = 1.0 - rng.nextDouble();
    double v = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  <T> T pick(List<T> items) {
    return items.get(rng.nextInt(items.size()));
  }

  /** A shuffled copy (Fisher-Yates). */
  <T> List<T> shuffled(List<T> items) {
    List<T> out = new ArrayList<>(items);
    for (int i = out.size() - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      T t = out.get(i);
      out.set(i, out.get(j));
      out.set(j, t);
    }
    return out;
  }

  /** n distinct items in random order. */
  <T> List<T> pickN(List<T> items, int n) {
    return new ArrayList<>(shuffled(items).subList(0, n));
  }

  /** 100 * part / whole rounded half-up to the given decimals. */
  static BigDecimal pct(long part, long whole, int decimals) {
    return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
        .divide(BigDecimal.valueOf(whole), 12, RoundingMode.HALF_UP)
        .setScale(decimals, RoundingMode.HALF_UP);
  }

  /** The count out of n, nearest to pct% of n, whose share rounds half-up to pct (whole percent). */
  static int countFor(int pct, int n) {
    int best = -1;
    double ideal = pct * n / 100.0;
    for (int x = 0; x <= n; x++) {
      if (pct(x, n, 0).intValueExact() == pct && (best < 0 || Math.abs(x - ideal) < Math.abs(best - ideal))) {
        best = x;
      }
    }
    if (best < 0) {
      throw new IllegalStateException("no count of " + n + " rounds to " + pct + "%");
    }
    return best;
  }
}
