package lscb.run;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A run writes every output under OUT/.lscb/staging/RUN; only when every stage has succeeded are they
 * moved into OUT, entry by entry (processed/, analysis/, ees/, ..., manifest.json last), under a journal
 * that the next run completes if this one dies while moving. Call it only while holding the {@link RunLock}.
 */
public final class Staging {
  /** The folder under OUT that holds the lock, staged runs and the publish journal. */
  public static final String META = ".lscb";
  static final String MANIFEST = "manifest.json";

  private final FileSystem fs;
  private final Path out;
  private final String run;

  private Staging(FileSystem fs, Path out, String run) {
    this.fs = fs;
    this.out = out;
    this.run = run;
  }

  /**
   * Prepares run {@code run}'s staging folder after finishing an interrupted publish and removing what
   * killed runs left behind.
   */
  public static Staging open(FileSystem fs, Path out, String run) {
    Staging staging = new Staging(fs, out, run);
    try {
      staging.recover();
      fs.mkdirs(staging.dir());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + staging.dir(), e);
    }
    return staging;
  }

  /** Where this run writes: OUT/.lscb/staging/RUN. */
  public Path dir() {
    return new Path(meta(out), "staging/" + run);
  }

  /** The run's locations with the output root moved to the staging folder. */
  public Locations locations(Locations published) {
    return new Locations(published.raw(), published.reference(), published.published(), dir().toString());
  }

  /** Moves every staged entry into OUT, replacing the published one; returns the entries moved. */
  public List<String> publish() {
    try {
      List<String> entries = entries();
      Path journal = journal(out);
      try (OutputStream o = fs.create(journal, true)) {
        o.write((run + "\n" + String.join("\n", entries) + "\n").getBytes(StandardCharsets.UTF_8));
      }
      swap(fs, out, run, entries);
      fs.delete(journal, false);
      cleanUp(fs, out, run);
      return entries;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot publish " + dir() + " into " + out
          + " (the next run completes the move)", e);
    }
  }

  /** Removes this run's staging folder (the run failed; the published outputs are untouched). */
  public void discard() {
    try {
      fs.delete(dir(), true);
    } catch (IOException e) {
      System.err.println("lscb: could not remove " + dir() + " (" + e.getMessage() + "); the next run does");
    }
  }

  /** The staged entries, manifest.json last so that a reader sees it only once the rest is in place. */
  private List<String> entries() throws IOException {
    List<String> names = new ArrayList<>();
    for (FileStatus status : fs.listStatus(dir())) {
      String name = status.getPath().getName();
      if (!name.startsWith(".") && !name.equals(MANIFEST)) {
        names.add(name);
      }
    }
    names.sort(null);
    if (fs.exists(new Path(dir(), MANIFEST))) {
      names.add(MANIFEST);
    }
    return names;
  }

  /**
   * Replaces OUT/entry with the staged one for each entry; repeatable after a crash at any point: an
   * entry already moved has no staged copy left and is skipped.
   */
  private static void swap(FileSystem fs, Path out, String run, List<String> entries) throws IOException {
    Path staged = new Path(meta(out), "staging/" + run);
    Path previous = new Path(meta(out), "previous/" + run);
    fs.mkdirs(previous);
    Path manifest = new Path(out, MANIFEST);
    if (entries.contains(MANIFEST) && fs.exists(new Path(staged, MANIFEST)) && fs.exists(manifest)) {
      move(fs, manifest, new Path(previous, MANIFEST));
    }
    for (String entry : entries) {
      Path from = new Path(staged, entry);
      if (!fs.exists(from)) {
        continue;
      }
      Path live = new Path(out, entry);
      Path aside = new Path(previous, entry);
      if (fs.exists(live)) {
        if (fs.exists(aside)) {
          fs.delete(live, true);
        } else {
          move(fs, live, aside);
        }
      }
      move(fs, from, live);
    }
  }

  private static void move(FileSystem fs, Path from, Path to) throws IOException {
    if (!fs.rename(from, to)) {
      throw new IOException("cannot move " + from + " to " + to);
    }
  }

  /** Completes a publish a killed run left half done, then removes stale staging and previous folders. */
  private void recover() throws IOException {
    Path journal = journal(out);
    if (fs.exists(journal)) {
      List<String> lines = Arrays.asList(RunLock.read(fs, journal).split("\n"));
      String interrupted = lines.get(0).trim();
      List<String> entries = lines.subList(1, lines.size()).stream().map(String::trim)
          .filter(s -> !s.isEmpty()).toList();
      System.err.println("lscb: completing the publish of run " + interrupted + " that was interrupted");
      swap(fs, out, interrupted, entries);
      fs.delete(journal, false);
    }
    for (String kind : List.of("staging", "previous")) {
      Path folder = new Path(meta(out), kind);
      if (fs.exists(folder)) {
        for (FileStatus left : fs.listStatus(folder)) {
          if (!left.getPath().getName().equals(run)) {
            fs.delete(left.getPath(), true);
          }
        }
      }
    }
  }

  private static void cleanUp(FileSystem fs, Path out, String run) throws IOException {
    fs.delete(new Path(meta(out), "previous/" + run), true);
    fs.delete(new Path(meta(out), "staging/" + run), true);
  }

  static Path meta(Path out) {
    return new Path(out, META);
  }

  static Path journal(Path out) {
    return new Path(meta(out), "publishing");
  }

  /** The lock file of an output location. */
  public static Path lockFile(Path out) {
    return new Path(meta(out), "lock");
  }
}
