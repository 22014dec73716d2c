package lscb.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the kernel when the process that started it dies (JPY_PARENT_PID, which Jupyter sets, and
 * the JVM's own parent), so an orphaned kernel does not keep its heap.
 */
final class ParentWatch {
  private static final Logger LOG = LoggerFactory.getLogger(ParentWatch.class);
  /** How often the parents are checked. */
  static final long INTERVAL_MS = 1_000;

  private ParentWatch() {}

  /** Starts a daemon thread that runs onDeath once a watched parent is gone. */
  static void start(String jpyParentPid, Runnable onDeath) {
    List<ProcessHandle> parents = new ArrayList<>();
    ProcessHandle.current().parent().ifPresent(parents::add);
    if (jpyParentPid != null && !jpyParentPid.isBlank()) {
      try {
        ProcessHandle.of(Long.parseLong(jpyParentPid.trim())).ifPresentOrElse(parents::add, () -> {
          LOG.warn("JPY_PARENT_PID {} is not running: the kernel ends", jpyParentPid);
          onDeath.run();
        });
      } catch (NumberFormatException e) {
        LOG.warn("JPY_PARENT_PID is not a process id: {}", jpyParentPid);
      }
    }
    Thread watcher = new Thread(() -> {
      while (true) {
        try {
          Thread.sleep(INTERVAL_MS);
        } catch (InterruptedException e) {
          return;
        }
        Optional<ProcessHandle> gone = parents.stream().filter(p -> !p.isAlive()).findFirst();
        if (gone.isPresent()) {
          LOG.warn("the kernel's parent process {} has ended: the kernel ends too", gone.get().pid());
          onDeath.run();
          return;
        }
      }
    }, "lscb-parent-watch");
    watcher.setDaemon(true);
    watcher.start();
  }
}
