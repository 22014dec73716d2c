package lscb.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import lscb.io.UserError;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run lock on a real local file system: refusal while the holder lives, takeover once it is gone. */
class RunLockTest {
  @TempDir java.nio.file.Path tmp;
  FileSystem fs;
  Path lock;

  @BeforeEach
  void setUp() throws Exception {
    fs = FileSystem.newInstanceLocal(new Configuration());  // not the cached one: LocalFilesTest needs the session's
    lock = new Path(tmp.toUri().toString(), "out/.lscb/lock");
  }

  @Test
  void aSecondRunIsRefusedWhileTheFirstHoldsTheLock() throws Exception {
    try (RunLock first = RunLock.acquire(fs, lock, "run-1")) {
      UserError refused = assertThrows(UserError.class, () -> RunLock.acquire(fs, lock, "run-2"),
          "a second run on the same output must be refused while the first holds the lock");
      assertEquals(RunLock.BUSY, refused.exitCode(), "a refused run exits with the busy code");
      assertTrue(refused.getMessage().contains("run-1") && refused.getMessage().contains("refused"),
          "the refusal names the run holding the lock: " + refused.getMessage());
    }
    assertFalse(fs.exists(lock), "closing the lock releases it");
    try (RunLock again = RunLock.acquire(fs, lock, "run-3")) {
      assertEquals("run-3", RunLock.Holder.parse(RunLock.read(fs, lock)).run(), "a released lock can be taken");
    }
  }

  @Test
  void aLockLeftByADeadProcessIsTakenOver() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    writeLock("run=killed\npid=" + gone.pid() + "\nprocess_start=\nhost=" + RunLock.hostName() + "\nstarted=x\n");
    try (RunLock taken = RunLock.acquire(fs, lock, "run-new")) {
      assertEquals("run-new", RunLock.Holder.parse(RunLock.read(fs, lock)).run(),
          "the lock of a process that no longer exists must be taken over");
    }
  }

  @Test
  void aReusedProcessIdDoesNotKeepAStaleLock() throws Exception {
    long me = ProcessHandle.current().pid();
    writeLock("run=old\npid=" + me + "\nprocess_start=2001-01-01T00:00:00Z\nhost=" + RunLock.hostName()
        + "\nstarted=x\n");
    try (RunLock taken = RunLock.acquire(fs, lock, "run-new")) {
      assertEquals("run-new", RunLock.Holder.parse(RunLock.read(fs, lock)).run(),
          "a live pid that started at another time is another process: the lock is stale");
    }
  }

  @Test
  void aHolderOnAnotherHostCountsAsGoneOnlyWithoutHeartbeat() throws Exception {
    writeLock("run=remote\npid=1\nprocess_start=\nhost=some-other-host.invalid\nstarted=x\n");
    assertEquals(RunLock.BUSY, assertThrows(UserError.class, () -> RunLock.acquire(fs, lock, "run-a")).exitCode(),
        "a remote holder with a fresh heartbeat keeps the lock");
    long old = System.currentTimeMillis() - RunLock.STALE_AFTER.plus(Duration.ofMinutes(1)).toMillis();
    fs.setTimes(lock, old, -1);
    try (RunLock taken = RunLock.acquire(fs, lock, "run-b")) {
      assertEquals("run-b", RunLock.Holder.parse(RunLock.read(fs, lock)).run(),
          "a remote holder silent for longer than the stale limit loses the lock");
    }
  }

  @Test
  void ofRunsTakingOverOneStaleLockAtOnceExactlyOneWins() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    for (int round = 0; round < 20; round++) {
      Process gone = new ProcessBuilder("true").start();
      gone.waitFor();
      writeLock("run=killed-" + round + "\npid=" + gone.pid() + "\nprocess_start=\nhost=" + RunLock.hostName()
          + "\nstarted=x\n");
      CountDownLatch start = new CountDownLatch(1);
      List<Future<RunLock>> attempts = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        String run = "racer-" + round + "-" + i;
        attempts.add(pool.submit(() -> {
          start.await();
          try {
            return RunLock.acquire(fs, lock, run);
          } catch (UserError e) {
            return null;
          }
        }));
      }
      start.countDown();
      List<RunLock> won = new ArrayList<>();
      for (Future<RunLock> attempt : attempts) {
        RunLock l = attempt.get();
        if (l != null) {
          won.add(l);
        }
      }
      assertEquals(1, won.size(), "round " + round + ": exactly one of four concurrent runs may take over a stale lock");
      assertEquals(won.get(0).holder().run(), RunLock.Holder.parse(RunLock.read(fs, lock)).run(),
          "round " + round + ": the lock file names the winner");
      won.get(0).close();
    }
    pool.shutdown();
  }

  private void writeLock(String text) throws Exception {
    java.nio.file.Path file = java.nio.file.Path.of(lock.toUri());
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
