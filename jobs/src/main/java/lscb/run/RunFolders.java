package lscb.run;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import lscb.io.Locations;
import lscb.io.UserError;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CommonPathCapabilities;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.spark.sql.SparkSession;

/**
 * The output layout, the same on every store: each run writes once into OUT/runs/RUN-ID/ (manifest.json
 * last), then OUT/LATEST, a one-line pointer naming that run, is replaced; readers follow the pointer.
 * Nothing a reader can see is renamed or rewritten except the pointer, so a reader sees one complete run
 * on local disks, HDFS and object stores alike. The newest N finished runs are kept; older ones and
 * runs killed midway (before their manifest or before their pointer) are removed. Call the writing side only while holding the {@link RunLock}.
 */
public final class RunFolders {
  /** The folder under OUT that holds the lock. */
  public static final String META = ".lscb";
  /** The folder under OUT that holds one folder per run. */
  public static final String RUNS = "runs";
  /** The pointer file naming the run readers use. */
  public static final String LATEST = "LATEST";
  /** How many finished runs are kept unless said otherwise. */
  public static final int DEFAULT_KEEP = 3;
  static final String MANIFEST = "manifest.json";

  private final FileSystem fs;
  private final Path out;
  private final String run;
  private boolean live;

  private RunFolders(FileSystem fs, Path out, String run) {
    this.fs = fs;
    this.out = out;
    this.run = run;
  }

  /** Prepares run {@code run}'s folder after removing what killed runs left behind. */
  public static RunFolders open(FileSystem fs, Path out, String run) {
    RunFolders runs = new RunFolders(fs, out, run);
    try {
      runs.removeUnfinished();
      fs.mkdirs(runs.dir());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + runs.dir(), e);
    }
    return runs;
  }

  /** Where this run writes: OUT/runs/RUN-ID. */
  public Path dir() {
    return new Path(new Path(out, RUNS), run);
  }

  /** The run's locations with the output root moved to its run folder. */
  public Locations locations(Locations given) {
    return new Locations(given.raw(), given.reference(), given.published(), dir().toString());
  }

  /** Points OUT/LATEST at this run (its outputs and manifest.json must all be written): the run is then live. */
  public void publish() {
    try {
      if (!fs.exists(new Path(dir(), MANIFEST))) {
        throw new IllegalStateException("run " + run + " has no " + MANIFEST + "; it cannot be published");
      }
      replacePointer(fs, out, run);
      live = true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot point " + new Path(out, LATEST) + " at run " + run
          + " (the previous run stays the published one)", e);
    }
  }

  /**
   * Removes finished runs beyond the newest {@code keep} (never the live one) and every other folder under
   * OUT/runs without a manifest; returns the run ids removed. A failure here leaves the published run as it is.
   */
  public List<String> prune(int keep) {
    List<String> removed = new ArrayList<>();
    try {
      String latest = latestRun(fs, out);
      List<FileStatus> folders = runFolders();
      folders.sort((a, b) -> b.getPath().getName().compareTo(a.getPath().getName()));
      int kept = 0;
      for (FileStatus folder : folders) {
        String name = folder.getPath().getName();
        boolean finished = fs.exists(new Path(folder.getPath(), MANIFEST));
        if (name.equals(latest) || name.equals(run) || (finished && kept < keep)) {
          kept++;
          continue;
        }
        fs.delete(folder.getPath(), true);
        removed.add(name);
      }
    } catch (IOException e) {
      System.err.println("lscb: could not remove old runs under " + new Path(out, RUNS) + " (" + e.getMessage()
          + "); the next run does");
    }
    return removed;
  }

  /** Removes this run's folder unless it was published (the run failed; the published run is untouched). */
  public void discard() {
    if (live) {
      return;
    }
    try {
      fs.delete(dir(), true);
    } catch (IOException e) {
      System.err.println("lscb: could not remove " + dir() + " (" + e.getMessage() + "); the next run does");
    }
  }

  /** Whether this run is the published one. */
  public boolean live() {
    return live;
  }

  /**
   * Folders of runs killed before they finished (no manifest) or before they were published (a manifest, but
   * an id after the one LATEST names: runs publish in id order under the lock, so such a run never was), and
   * what the staging layout left behind. Without LATEST, finished runs stay: the pointer may have been
   * removed by hand.
   */
  private void removeUnfinished() throws IOException {
    String latest = latestRun(fs, out);
    for (FileStatus folder : runFolders()) {
      String name = folder.getPath().getName();
      if (name.equals(run)) {
        continue;
      }
      if (!fs.exists(new Path(folder.getPath(), MANIFEST))) {
        System.err.println("lscb: removing " + folder.getPath() + ", left unfinished by a killed run");
        fs.delete(folder.getPath(), true);
      } else if (latest != null && name.compareTo(latest) > 0) {
        System.err.println("lscb: removing " + folder.getPath() + ", finished but never published (" + LATEST
            + " names the older run " + latest + "): the run was killed before its pointer was written");
        fs.delete(folder.getPath(), true);
      }
    }
    for (String old : List.of("staging", "previous", "publishing")) {
      fs.delete(new Path(new Path(out, META), old), true);
    }
  }

  private List<FileStatus> runFolders() throws IOException {
    List<FileStatus> folders = new ArrayList<>();
    try {
      for (FileStatus status : fs.listStatus(new Path(out, RUNS))) {
        if (status.isDirectory() && !status.getPath().getName().startsWith(".")) {
          folders.add(status);
        }
      }
    } catch (FileNotFoundException e) {
      // No run yet.
    }
    return folders;
  }

  /**
   * The folder holding the finished run to read: OUT/runs/ID when OUT/LATEST exists and names ID, else OUT
   * itself (outputs written before this layout, or by a single stage's command).
   */
  public static Path resolve(FileSystem fs, Path out) throws IOException {
    String latest = latestRun(fs, out);
    if (latest == null) {
      return out;
    }
    Path folder = new Path(new Path(out, RUNS), latest);
    if (!fs.exists(folder)) {
      throw new UserError(new Path(out, LATEST) + " names run " + latest + " but " + folder
          + " does not exist; point it at a folder under " + new Path(out, RUNS) + " or delete it");
    }
    return folder;
  }

  /** As {@link #resolve(FileSystem, Path)} for a path or URI string. */
  public static String resolve(Configuration hadoop, String out) {
    try {
      Path given = new Path(out);
      Path resolved = resolve(given.getFileSystem(hadoop), given);
      return resolved == given ? out : resolved.toString();
    } catch (IOException e) {
      throw new UserError(out + ": cannot be read (" + e.getMessage() + ")");
    }
  }

  /** The locations of a command that works on a finished run: the output root resolved through OUT/LATEST. */
  public static Locations finished(SparkSession spark, Locations given) {
    String out = resolve(spark.sparkContext().hadoopConfiguration(), given.out());
    return new Locations(given.raw(), given.reference(), given.published(), out);
  }

  /** The run id OUT/LATEST names, or null when there is no pointer. */
  public static String latestRun(FileSystem fs, Path out) throws IOException {
    String text = RunLock.read(fs, new Path(out, LATEST));
    if (text == null) {
      return null;
    }
    String id = text.trim();
    if (id.isEmpty() || id.contains("/")) {
      throw new UserError(new Path(out, LATEST) + " should name one run folder under " + new Path(out, RUNS)
          + " but holds '" + id + "'");
    }
    return id;
  }

  /**
   * Replaces OUT/LATEST so that a reader sees either the old or the new pointer, never none and never half
   * of one, with each store's own atomic step: a rename over it on local disks, HDFS's rename with
   * overwrite, and on object stores (whose files appear whole when closed) a single upload.
   */
  static void replacePointer(FileSystem fs, Path out, String run) throws IOException {
    byte[] text = (run + "\n").getBytes(StandardCharsets.UTF_8);
    Path latest = new Path(out, LATEST);
    Path next = new Path(out, "." + LATEST + "." + run);
    if (fs instanceof LocalFileSystem || fs instanceof RawLocalFileSystem) {
      java.nio.file.Path target = java.nio.file.Path.of(fs.makeQualified(latest).toUri());
      java.nio.file.Path temp = target.resolveSibling(next.getName());
      Files.write(temp, text);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } else if (fs.hasPathCapability(out, CommonPathCapabilities.ABORTABLE_STREAM)) {
      try (OutputStream o = fs.create(latest, true)) {
        o.write(text);
      }
    } else {
      try (OutputStream o = fs.create(next, true)) {
        o.write(text);
      }
      FileContext.getFileContext(fs.getUri(), fs.getConf()).rename(next, latest, Options.Rename.OVERWRITE);
    }
  }

  /** The lock file of an output location. */
  public static Path lockFile(Path out) {
    return new Path(new Path(out, META), "lock");
  }
}
