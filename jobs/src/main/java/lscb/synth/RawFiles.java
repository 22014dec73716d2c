package lscb.synth;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import lscb.io.UserError;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Reads and writes whole text files at Hadoop paths or URIs (no .crc side files). */
final class RawFiles {
  private static final Configuration CONF = new Configuration();

  private RawFiles() {}

  /** The text of a file; a missing file is the user's mistake. */
  static String read(String location, Charset charset) {
    Path path = new Path(location);
    try {
      FileSystem fs = path.getFileSystem(CONF);
      if (!fs.exists(path)) {
        throw new UserError("cannot find " + location + " (check --reference/--published)");
      }
      try (InputStream in = fs.open(path)) {
        return new String(in.readAllBytes(), charset);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + location, e);
    }
  }

  /** Writes (replacing) a file, creating its folder. */
  static void write(String location, byte[] bytes) {
    Path path = new Path(location);
    try {
      FileSystem fs = path.getFileSystem(CONF);
      fs.setWriteChecksum(false);
      try (OutputStream out = fs.create(path, true)) {
        out.write(bytes);
      }
    } catch (IOException e) {
      throw new UserError("cannot write " + location + ": " + e.getMessage());
    }
  }

  /** Names of the files in a folder whose names end with the suffix (empty when there is no folder). */
  static List<String> list(String folder, String suffix) {
    Path dir = new Path(folder);
    List<String> names = new ArrayList<>();
    try {
      FileSystem fs = dir.getFileSystem(CONF);
      if (fs.exists(dir)) {
        for (FileStatus status : fs.listStatus(dir)) {
          if (status.isFile() && status.getPath().getName().endsWith(suffix)) {
            names.add(status.getPath().getName());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder, e);
    }
    names.sort(String::compareTo);
    return names;
  }
}
