package lscb.io;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsAction;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.io.nativeio.NativeIO;

/**
 * The {@code file:} filesystem for runs: Hadoop's local filesystem with permissions set through
 * java.nio instead of a forked {@code chmod} per file and folder, and without {@code .crc} side files.
 *
 * <p>Without Hadoop's native library (which Spark's Maven jars do not ship) every folder and file a
 * Spark write creates costs one {@code chmod} process, some 650 per run. It stays a
 * {@link LocalFileSystem}, so code that asks Hadoop for "the local filesystem" still gets one.
 * {@link lscb.io.SparkSessions} installs it as {@code fs.file.impl}.
 */
public class LocalFiles extends LocalFileSystem {
  /** The Spark setting naming this class; Spark passes {@code spark.hadoop.*} settings to Hadoop. */
  public static final String SETTING = "spark.hadoop.fs.file.impl";

  public LocalFiles() {
    super(new NioPermissions());
  }

  @Override
  public void initialize(URI name, Configuration conf) throws IOException {
    super.initialize(name, conf);
    setWriteChecksum(false);
  }

  /** The raw local filesystem, setting permissions in-process. */
  static final class NioPermissions extends RawLocalFileSystem {
    @Override
    public void setPermission(Path p, FsPermission permission) throws IOException {
      if (NativeIO.isAvailable()) {
        super.setPermission(p, permission);
        return;
      }
      try {
        Files.setPosixFilePermissions(pathToFile(p).toPath(), posix(permission));
      } catch (UnsupportedOperationException notPosix) {
        super.setPermission(p, permission);
      }
    }
  }

  private static Set<PosixFilePermission> posix(FsPermission permission) {
    Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
    add(set, permission.getUserAction(), PosixFilePermission.OWNER_READ,
        PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
    add(set, permission.getGroupAction(), PosixFilePermission.GROUP_READ,
        PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE);
    add(set, permission.getOtherAction(), PosixFilePermission.OTHERS_READ,
        PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
    return set;
  }

  private static void add(Set<PosixFilePermission> set, FsAction action, PosixFilePermission read,
      PosixFilePermission write, PosixFilePermission execute) {
    if (action.implies(FsAction.READ)) {
      set.add(read);
    }
    if (action.implies(FsAction.WRITE)) {
      set.add(write);
    }
    if (action.implies(FsAction.EXECUTE)) {
      set.add(execute);
    }
  }
}
