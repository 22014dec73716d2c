package lscb.io;

import java.util.AbstractMap.SimpleEntry;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Runs independent pieces of a stage (writes of different outputs, stages with no common input) as
 * concurrent Spark jobs on the one session. The survey's tables are tiny, so each write costs mostly
 * driver time (planning, scheduling, committing) while the executor cores wait: overlapping them uses
 * both. Results come back in the order given. When a piece fails, the others' Spark jobs are cancelled
 * and one failure is rethrown as it was thrown: the user's mistake of the earliest piece that made one
 * (so the message does not depend on timing), else the first failure.
 */
public final class Concurrently {
  /** Spark setting (read from the session's conf) for how many pieces run at once; 1 runs them in turn. */
  public static final String SETTING = "spark.lscb.concurrentJobs";
  private static final int DEFAULT = 3;
  private static final AtomicInteger GROUPS = new AtomicInteger();

  private Concurrently() {}

  /** Runs every named piece and returns their results by name, in the given order. */
  public static <T> Map<String, T> run(SparkSession spark, Map<String, Supplier<T>> pieces) {
    int threads = Math.min(pieces.size(), Integer.parseInt(spark.conf().get(SETTING, String.valueOf(DEFAULT))));
    Map<String, T> results = new LinkedHashMap<>();
    if (threads <= 1) {
      pieces.forEach((name, piece) -> results.put(name, piece.get()));
      return results;
    }
    SparkContext context = spark.sparkContext();
    String prefix = "lscb-" + GROUPS.incrementAndGet() + "-";
    ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, prefix + "worker");
      thread.setDaemon(true);
      return thread;
    });
    try {
      CompletionService<Map.Entry<String, T>> done = new ExecutorCompletionService<>(pool);
      Map<String, Future<Map.Entry<String, T>>> running = new LinkedHashMap<>();
      pieces.forEach((name, piece) -> running.put(name, done.submit(() -> {
        // A tag, not a job group: tags add up, so the jobs of pieces nested in this one carry it too.
        context.addJobTag(prefix + name);
        context.setInterruptOnCancel(true);
        try {
          return new SimpleEntry<>(name, piece.get());
        } finally {
          context.removeJobTag(prefix + name);
        }
      })));
      Map<String, T> finished = new HashMap<>();
      Map<String, RuntimeException> failed = new HashMap<>();
      String firstFailed = null;
      for (int left = running.size(); left > 0; left--) {
        Future<Map.Entry<String, T>> next = firstFailed == null ? done.take() : cancelUntilDone(done, running, context, prefix);
        try {
          Map.Entry<String, T> result = next.get();
          finished.put(result.getKey(), result.getValue());
        } catch (ExecutionException e) {
          String name = running.entrySet().stream().filter(r -> r.getValue() == next).findFirst().orElseThrow().getKey();
          failed.put(name, unchecked(e.getCause()));
          firstFailed = firstFailed == null ? name : firstFailed;
        }
      }
      if (firstFailed != null) {
        throw failed.get(reported(pieces.keySet(), failed, firstFailed));
      }
      pieces.keySet().forEach(name -> results.put(name, finished.get(name)));
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + pieces.keySet(), e);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The failure to report, the same whichever piece fails first: the earliest piece (in the given order)
   * with a user's mistake, else the first to fail (the others may only have been cancelled because of it).
   */
  private static String reported(Iterable<String> order, Map<String, RuntimeException> failed, String firstFailed) {
    for (String name : order) {
      if (failed.get(name) instanceof UserError) {
        return name;
      }
    }
    return firstFailed;
  }

  /** The next piece to end after one has failed, cancelling the others' Spark jobs meanwhile (one may start late). */
  private static <R> Future<R> cancelUntilDone(CompletionService<R> done, Map<String, ?> running,
      SparkContext context, String prefix) throws InterruptedException {
    while (true) {
      running.keySet().forEach(name -> context.cancelJobsWithTag(prefix + name));
      Future<R> next = done.poll(200, TimeUnit.MILLISECONDS);
      if (next != null) {
        return next;
      }
    }
  }

  /** The results of two pieces of different types. */
  public record Both<A, B>(A first, B second) {}

  /** Runs two named pieces of different result types side by side; returns both results, typed. */
  public static <A, B> Both<A, B> both(SparkSession spark, String firstName, Supplier<A> first, String secondName,
      Supplier<B> second) {
    Map<String, Supplier<Object>> pieces = new LinkedHashMap<>();
    pieces.put(firstName, first::get);
    pieces.put(secondName, second::get);
    Map<String, Object> results = run(spark, pieces);
    @SuppressWarnings("unchecked")
    A a = (A) results.get(firstName);
    @SuppressWarnings("unchecked")
    B b = (B) results.get(secondName);
    return new Both<>(a, b);
  }

  /** Runs every piece for its side effects (writes), in the given order of names. */
  public static void runAll(SparkSession spark, Map<String, Runnable> pieces) {
    Map<String, Supplier<Void>> suppliers = new LinkedHashMap<>();
    pieces.forEach((name, piece) -> suppliers.put(name, () -> {
      piece.run();
      return null;
    }));
    run(spark, suppliers);
  }

  /** The same pieces, one per item, named by the item. */
  public static <I> void forEach(SparkSession spark, List<I> items, Function<I, String> name,
      Consumer<I> piece) {
    Map<String, Runnable> pieces = new LinkedHashMap<>();
    for (I item : items) {
      pieces.put(name.apply(item), () -> piece.accept(item));
    }
    runAll(spark, pieces);
  }

  private static RuntimeException unchecked(Throwable cause) {
    if (cause instanceof RuntimeException runtime) {
      return runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    return new IllegalStateException(cause);
  }
}
