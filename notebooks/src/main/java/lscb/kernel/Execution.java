package lscb.kernel;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cells run one at a time on a worker thread, so an interrupt (or a per-cell timeout) can stop one:
 * every Spark job is cancelled and the worker interrupted; a cell still running after a grace period
 * is stopped hard (Thread.stop). The worker's JShell and its variables live on.
 */
final class Execution implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Execution.class);
  /** How long a cell has to end after Thread.interrupt before it is stopped hard. */
  static final long GRACE_MS = 1_000;
  /** How long a hard-stopped cell has to end before its worker is given up and replaced. */
  static final long ABANDON_MS = 10_000;

  private final long timeoutMs;
  private volatile Worker worker = new Worker();
  private volatile Running running;

  /** timeoutMs: a cell's longest run before it is stopped; 0 or less for none. */
  Execution(long timeoutMs) {
    this.timeoutMs = timeoutMs;
  }

  /** A cell stopped by an interrupt or the timeout; the kernel and its state are unharmed. */
  static final class Stopped extends RuntimeException {
    Stopped(String message) {
      super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }

  /** The cell on the worker: its thread, its result, and why it was stopped (null if it was not). */
  private static final class Running {
    final Thread thread = Thread.currentThread();
    final CompletableFuture<Object> result;
    volatile String stopped;

    Running(CompletableFuture<Object> result) {
      this.result = result;
    }
  }

  /** Runs a cell on the worker and returns its value, or rethrows what it threw. */
  Object run(Callable<Object> cell) throws Exception {
    CompletableFuture<Object> result = new CompletableFuture<>();
    Worker current = worker;
    current.submit(() -> {
      Running self = new Running(result);
      running = self;
      try {
        result.complete(cell.call());
      } catch (Throwable t) {
        // a stopped cell ends with InterruptedException, ThreadDeath or Spark's "job cancelled": say why
        result.completeExceptionally(self.stopped != null ? new Stopped(self.stopped) : t);
      } finally {
        if (running == self) {
          running = null;
        }
        Thread.interrupted(); // an interrupt that came late must not hit the next cell
      }
    });
    try {
      return timeoutMs > 0 ? result.get(timeoutMs, TimeUnit.MILLISECONDS) : result.get();
    } catch (TimeoutException e) {
      stop("the cell ran longer than JJAVA_TIMEOUT (" + timeoutMs + " ms) and was stopped");
      return waitFor(result);
    } catch (ExecutionException e) {
      throw rethrow(e.getCause());
    }
  }

  private static Object waitFor(CompletableFuture<Object> result) throws Exception {
    try {
      return result.get();
    } catch (ExecutionException e) {
      throw rethrow(e.getCause());
    }
  }

  private static Exception rethrow(Throwable cause) {
    if (cause instanceof Exception e) {
      return e;
    }
    return new JavaError((Error) cause);
  }

  /** Interrupts the running cell, if any (a Jupyter interrupt_request). */
  void interrupt() {
    stop("the cell was interrupted");
  }

  /**
   * Cancels Spark's jobs and interrupts the cell; after the grace period stops it hard; after that,
   * if it still runs, its worker is replaced so the next cell can run.
   */
  private void stop(String why) {
    Running cell = running;
    if (cell == null) {
      return;
    }
    cell.stopped = why;
    Thread watcher = new Thread(() -> {
      SparkJobs.cancelAll();
      cell.thread.interrupt();
      if (await(cell, GRACE_MS)) {
        return;
      }
      hardStop(cell.thread);
      if (!await(cell, ABANDON_MS)) {
        LOG.warn("a stopped cell did not end; its thread is left behind and a new one runs the next cells");
        replaceWorker();
        cell.result.completeExceptionally(new Stopped(why));
      }
    }, "lscb-interrupt");
    watcher.setDaemon(true);
    watcher.start();
  }

  private boolean await(Running cell, long ms) {
    try {
      cell.result.get(ms, TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException e) {
      return true;
    }
  }

  @SuppressWarnings({"deprecation", "removal"})
  private static void hardStop(Thread thread) {
    try {
      thread.stop(); // Java 17: throws ThreadDeath in the cell's code, which JShell reports as its error
    } catch (UnsupportedOperationException e) {
      LOG.warn("this Java cannot stop a thread hard; the cell keeps running");
    }
  }

  private synchronized void replaceWorker() {
    worker = new Worker();
  }

  @Override
  public void close() {
    worker.close();
  }

  /** One daemon thread that runs cells in order. */
  private static final class Worker implements AutoCloseable {
    private final java.util.concurrent.ExecutorService executor =
        java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
          Thread thread = new Thread(r, "lscb-cell");
          thread.setDaemon(true);
          return thread;
        });

    void submit(Runnable task) {
      executor.execute(task);
    }

    @Override
    public void close() {
      executor.shutdownNow();
    }
  }
}
