package lscb.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import lscb.testing.SparkTestBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Independent Spark jobs run side by side on one session; results and failures come back as given. */
class ConcurrentlyTest extends SparkTestBase {
  @AfterEach
  void defaultThreads() {
    spark.conf().unset(Concurrently.SETTING);
  }

  @Test
  void resultsComeBackByNameInTheGivenOrder() {
    Map<String, Supplier<Long>> pieces = new LinkedHashMap<>();
    for (int n : List.of(5, 1, 3, 2)) {
      pieces.put("range" + n, () -> spark.range(n * 100).count());
    }
    Map<String, Long> results = Concurrently.run(spark, pieces);
    assertEquals(List.of("range5", "range1", "range3", "range2"), List.copyOf(results.keySet()),
        "results should be keyed in the order the pieces were given");
    assertEquals(List.of(500L, 100L, 300L, 200L), List.copyOf(results.values()),
        "each piece's own Spark job should give its own count");
  }

  @Test
  void twoPiecesOfDifferentTypesComeBackTyped() {
    Concurrently.Both<Long, String> both = Concurrently.both(spark,
        "count", () -> spark.range(42).count(), "name", () -> spark.range(3).selectExpr("'r' || id").first().getString(0));
    long count = both.first();
    String name = both.second();
    assertEquals(42L, count, "the first piece's result, as a long");
    assertEquals("r0", name, "the second piece's result, as a string");
  }

  @Test
  void piecesRunAtTheSameTime() throws Exception {
    CountDownLatch bothStarted = new CountDownLatch(2);
    Map<String, Runnable> pieces = new LinkedHashMap<>();
    Map<String, Boolean> sawTheOther = new ConcurrentHashMap<>();
    for (String name : List.of("a", "b")) {
      pieces.put(name, () -> {
        bothStarted.countDown();
        try {
          sawTheOther.put(name, bothStarted.await(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        spark.range(10).count();
      });
    }
    Concurrently.runAll(spark, pieces);
    assertEquals(Map.of("a", true, "b", true), sawTheOther, "each piece should have run while the other did");
  }

  @Test
  void oneThreadRunsThePiecesInTurnOnTheCallersThread() {
    spark.conf().set(Concurrently.SETTING, "1");
    Thread caller = Thread.currentThread();
    Map<String, Supplier<Thread>> pieces = new LinkedHashMap<>();
    pieces.put("first", Thread::currentThread);
    pieces.put("second", Thread::currentThread);
    Map<String, Thread> ran = Concurrently.run(spark, pieces);
    assertSame(caller, ran.get("first"), "with one thread the pieces should run on the caller's thread");
    assertSame(caller, ran.get("second"), "with one thread the pieces should run on the caller's thread");
  }

  @Test
  void theEarliestPiecesMistakeIsReportedWhicheverFailsFirst() {
    Map<String, Runnable> pieces = new LinkedHashMap<>();
    pieces.put("returns", () -> {
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw new UserError("no returns at data/raw/returns/2006");
    });
    pieces.put("population", () -> {
      throw new UserError("no population data at data/raw/population");
    });
    UserError error = assertThrows(UserError.class, () -> Concurrently.runAll(spark, pieces));
    assertEquals("no returns at data/raw/returns/2006", error.getMessage(),
        "the first piece's mistake should be reported even though the second failed first");
  }

  @Test
  void theFirstFailureIsRethrownAsItWasThrownAndTheOtherJobsAreCancelled() {
    Map<String, Runnable> pieces = new LinkedHashMap<>();
    pieces.put("bad input", () -> {
      throw new UserError("data/raw/x.csv line 3, field age: 'abc' is not a number; fix the value");
    });
    long started = System.nanoTime();
    pieces.put("slow job", () -> spark.range(1).map(
        (org.apache.spark.api.java.function.MapFunction<Long, Long>) i -> {
          Thread.sleep(60_000);
          return i;
        }, org.apache.spark.sql.Encoders.LONG()).count());
    UserError error = assertThrows(UserError.class, () -> Concurrently.runAll(spark, pieces),
        "the user's mistake should come back as the UserError it was, not wrapped");
    assertTrue(error.getMessage().startsWith("data/raw/x.csv line 3"), "the message should be kept: " + error);
    assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(50),
        "the other piece's Spark job should have been cancelled rather than left to finish its 60 s");
    assertEquals(3L, spark.range(3).count(), "the session should still run jobs after a failed group");
  }
}
