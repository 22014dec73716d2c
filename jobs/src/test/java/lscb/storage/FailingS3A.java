package lscb.storage;

import java.io.IOException;
import java.util.List;
import java.util.function.Predicate;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.fs.s3a.S3AFileSystem;
import org.apache.hadoop.util.Progressable;

/**
 * The S3A connector with one injected fault: creating the first file that a chosen test matches fails, as
 * if the process died or the store refused the upload at that moment. Records what the run folder held
 * when it failed.
 */
public class FailingS3A extends S3AFileSystem {
  static volatile Predicate<Path> failOn;
  static volatile Path runsAtFailure;
  static volatile List<String> seenAtFailure;

  @Override
  public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite, int bufferSize,
      short replication, long blockSize, Progressable progress) throws IOException {
    Predicate<Path> fail = failOn;
    if (fail != null && fail.test(f)) {
      failOn = null;
      if (runsAtFailure != null) {
        seenAtFailure = Storage.listing(this, runsAtFailure);
      }
      throw new IOException("injected failure: creating " + f);
    }
    return super.create(f, permission, overwrite, bufferSize, replication, blockSize, progress);
  }
}
