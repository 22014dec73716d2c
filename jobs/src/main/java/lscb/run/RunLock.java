package lscb.run;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import lscb.io.UserError;
import org.apache.hadoop.fs.CommonPathCapabilities;
import org.apache.hadoop.fs.FSDataOutputStreamBuilder;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * One run at a time per output location: an exclusive lock file (OUT/.lscb/lock, created only if absent) naming its holder,
 * taken over only when the holder is gone (its process ended, or no heartbeat from another host).
 */
public final class RunLock implements AutoCloseable {
  /** Exit code of a run refused because another run holds the lock. */
  public static final int BUSY = 5;
  static final Duration HEARTBEAT = Duration.ofSeconds(30);
  /** A holder on another host is presumed gone after this long without a heartbeat. */
  public static final Duration STALE_AFTER = Duration.ofMinutes(10);

  private final FileSystem fs;
  private final Path file;
  private final Holder holder;
  private final ScheduledExecutorService heartbeat;

  private RunLock(FileSystem fs, Path file, Holder holder) {
    this.fs = fs;
    this.file = file;
    this.holder = holder;
    this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "lscb-lock-heartbeat");
      thread.setDaemon(true);
      return thread;
    });
    long period = HEARTBEAT.toMillis();
    heartbeat.scheduleAtFixedRate(this::beat, period, period, TimeUnit.MILLISECONDS);
  }

  /** Who holds a lock: run id, process id and its start, host, when it started. */
  public record Holder(String run, long pid, String processStart, String host, String started) {
    static Holder current(String run) {
      ProcessHandle self = ProcessHandle.current();
      return new Holder(run, self.pid(), self.info().startInstant().map(Instant::toString).orElse(""),
          hostName(), Instant.now().toString());
    }

    String text() {
      return "run=" + run + "\npid=" + pid + "\nprocess_start=" + processStart + "\nhost=" + host
          + "\nstarted=" + started + "\n";
    }

    static Holder parse(String text) {
      Properties p = new Properties();
      try {
        p.load(new StringReader(text));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      long pid;
      try {
        pid = Long.parseLong(p.getProperty("pid", "-1"));
      } catch (NumberFormatException e) {
        pid = -1;
      }
      return new Holder(p.getProperty("run", "?"), pid, p.getProperty("process_start", ""),
          p.getProperty("host", "?"), p.getProperty("started", "?"));
    }

    /** Why this holder is gone, or empty while it may still be running. */
    Optional<String> gone(Instant lastBeat) {
      if (host.equals(hostName())) {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        boolean alive = process.isPresent() && process.get().isAlive() && (processStart.isEmpty()
            || process.get().info().startInstant().map(Instant::toString).orElse(processStart).equals(processStart));
        return alive ? Optional.empty() : Optional.of("its process " + pid + " on " + host + " is gone");
      }
      Duration silent = Duration.between(lastBeat, Instant.now());
      return silent.compareTo(STALE_AFTER) > 0
          ? Optional.of("no heartbeat from " + host + " for " + silent.toMinutes() + " min")
          : Optional.empty();
    }
  }

  /**
   * Takes the lock for {@code run}, or refuses with a plain message (exit code {@link #BUSY}) while
   * another run holds it; a lock left by a killed run is taken over.
   */
  public static RunLock acquire(FileSystem fs, Path file, String run) {
    Holder me = Holder.current(run);
    try {
      fs.mkdirs(file.getParent());
      if (tryCreate(fs, file, me.text())) {
        return new RunLock(fs, file, me);
      }
      String seen = read(fs, file);
      if (seen == null) {
        return acquireOrRefuse(fs, file, me, "the previous holder released it just now");
      }
      Holder other = Holder.parse(seen);
      Instant lastBeat = Instant.ofEpochMilli(fs.getFileStatus(file).getModificationTime());
      Optional<String> gone = other.gone(lastBeat);
      if (gone.isEmpty()) {
        throw busy(file, other);
      }
      // Take a stale lock over under a token only one run can create (per stale holder), so that no
      // run ever removes a lock that is not the stale one it looked at.
      Path token = new Path(file.getParent(), file.getName() + ".takeover-" + other.run());
      if (!tryCreate(fs, token, me.text())) {
        if (ageMillis(fs, token) > Duration.ofMinutes(1).toMillis()) {
          fs.delete(token, false);
        }
        throw busy(file, other);
      }
      try {
        String now = read(fs, file);
        if (now != null && !now.equals(seen)) {
          throw busy(file, Holder.parse(now));
        }
        fs.delete(file, false);
        System.err.println("lscb: took over the lock of run " + other.run() + " (" + gone.get() + ")");
        return acquireOrRefuse(fs, file, me, "another run took the stale lock first");
      } finally {
        fs.delete(token, false);
      }
    } catch (IOException e) {
      throw new UserError(file + ": cannot take the run lock (" + e.getMessage() + ")");
    }
  }

  private static RunLock acquireOrRefuse(FileSystem fs, Path file, Holder me, String why) throws IOException {
    if (tryCreate(fs, file, me.text())) {
      return new RunLock(fs, file, me);
    }
    String now = read(fs, file);
    throw now == null ? new UserError(file + ": lock contended (" + why + "); try again", BUSY)
        : busy(file, Holder.parse(now));
  }

  private static long ageMillis(FileSystem fs, Path file) {
    try {
      return System.currentTimeMillis() - fs.getFileStatus(file).getModificationTime();
    } catch (IOException e) {
      return 0;
    }
  }

  private static UserError busy(Path file, Holder other) {
    return new UserError(file.getParent().getParent() + " is being written by run " + other.run() + " (pid "
        + other.pid() + " on " + other.host() + ", started " + other.started() + "); this run was refused. "
        + "Wait for it to finish; a lock left by a killed run is taken over automatically (on another host after "
        + STALE_AFTER.toMinutes() + " min), or delete " + file + " if you are sure no run is writing.", BUSY);
  }

  /**
   * Creates the file only if it does not exist: O_EXCL on local disks; elsewhere a create without overwrite,
   * which HDFS's NameNode makes exclusive, asking object stores for a conditional create too (S3A sends
   * If-None-Match: * and the store refuses the upload when the object exists).
   */
  static boolean tryCreate(FileSystem fs, Path file, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (fs instanceof LocalFileSystem || fs instanceof RawLocalFileSystem) {
      java.nio.file.Path local = java.nio.file.Path.of(fs.makeQualified(file).toUri());
      try {
        Files.write(local, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return true;
      } catch (FileAlreadyExistsException e) {
        return false;
      }
    }
    FSDataOutputStreamBuilder<?, ?> create = fs.createFile(file);
    create.overwrite(false);
    create.opt(Options.CreateFileOptionKeys.FS_OPTION_CREATE_CONDITIONAL_OVERWRITE, true);
    try (OutputStream out = create.build()) {
      out.write(bytes);
    } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      // A conditional upload refused at close() surfaces as some IOException: the file is there.
      if (fs.exists(file)) {
        return false;
      }
      throw e;
    }
    return true;
  }

  static String read(FileSystem fs, Path file) throws IOException {
    try (InputStream in = fs.open(file)) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      in.transferTo(bytes);
      return bytes.toString(StandardCharsets.UTF_8);
    } catch (FileNotFoundException e) {
      return null;
    }
  }

  /**
   * Refreshes the lock's modification time; object stores cannot set it, so there the file is written
   * again (only while it still names this run).
   */
  private void beat() {
    try {
      if (!fs.hasPathCapability(file, CommonPathCapabilities.ABORTABLE_STREAM)) {
        fs.setTimes(file, System.currentTimeMillis(), -1);
        return;
      }
      String now = read(fs, file);
      if (now != null && Holder.parse(now).run().equals(holder.run())) {
        try (OutputStream out = fs.create(file, true)) {
          out.write(holder.text().getBytes(StandardCharsets.UTF_8));
        }
      }
    } catch (IOException | RuntimeException e) {
      // A missed heartbeat only makes the lock look older to runs on other hosts.
    }
  }

  /** This lock's holder. */
  public Holder holder() {
    return holder;
  }

  /** Releases the lock if it is still this run's. */
  @Override
  public void close() {
    heartbeat.shutdownNow();
    try {
      String now = read(fs, file);
      if (now != null && Holder.parse(now).run().equals(holder.run())) {
        fs.delete(file, false);
      }
    } catch (IOException e) {
      System.err.println("lscb: could not release " + file + " (" + e.getMessage() + "); the next run takes it over");
    }
  }

  static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("unknown-host");
    }
  }
}
