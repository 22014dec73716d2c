package lscb.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;

/** Tiny helpers for the storage tests: listings, and copies between a store and the local disk. */
final class Storage {
  private Storage() {}

  /** Every file under {@code dir}, relative, sorted. */
  static List<String> listing(FileSystem fs, org.apache.hadoop.fs.Path dir) {
    List<String> files = new ArrayList<>();
    try {
      collect(fs, fs.makeQualified(dir), fs.makeQualified(dir), files);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    files.sort(null);
    return files;
  }

  private static void collect(FileSystem fs, org.apache.hadoop.fs.Path base, org.apache.hadoop.fs.Path dir,
      List<String> into) throws IOException {
    for (FileStatus child : fs.listStatus(dir)) {
      if (child.isDirectory()) {
        collect(fs, base, child.getPath(), into);
      } else {
        into.add(child.getPath().toUri().getPath().substring(base.toUri().getPath().length() + 1));
      }
    }
  }

  /** Copies a local folder into the store. */
  static void upload(FileSystem fs, Path local, String target) throws IOException {
    fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(local.toUri()),
        new org.apache.hadoop.fs.Path(target));
  }

  /** Copies a folder of the store to the local disk, returning the local copy. */
  static Path download(FileSystem fs, String source, Path local) throws IOException {
    fs.copyToLocalFile(false, new org.apache.hadoop.fs.Path(source), new org.apache.hadoop.fs.Path(local.toUri()), true);
    return local;
  }
}
