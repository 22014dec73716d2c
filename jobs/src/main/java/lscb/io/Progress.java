package lscb.io;

import java.io.PrintStream;
import java.util.Locale;

/** One progress line per stage: what ran, the counts it produced and how long it took. */
public final class Progress {
  private final PrintStream out;

  public Progress(PrintStream out) {
    this.out = out;
  }

  /** Starts timing a stage; call {@link Stage#done(String)} with its counts when it ends. */
  public Stage start(String name) {
    return new Stage(name, System.nanoTime());
  }

  /** A running stage. */
  public final class Stage {
    private final String name;
    private final long startNanos;

    private Stage(String name, long startNanos) {
      this.name = name;
      this.startNanos = startNanos;
    }

    /** When the stage started (System.nanoTime). */
    public long startNanos() {
      return startNanos;
    }

    /** Prints "[stage] counts (seconds)" and returns the elapsed seconds. */
    public double done(String counts) {
      double seconds = (System.nanoTime() - startNanos) / 1e9;
      out.printf(Locale.ROOT, "[%s] %s (%.1f s)%n", name, counts, seconds);
      out.flush();
      return seconds;
    }
  }
}
