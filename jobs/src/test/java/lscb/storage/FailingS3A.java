package lscb.storage;

import java.io.IOException;
import java.util.List;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.fs.s3a.S3AFileSystem;
import org.apache.hadoop.util.Progressable;

/**
 * The S3A connector with one injected fault: creating a file of a chosen name fails, as if the process died
 * or the store refused the upload at that moment. Records what the run folder held when it failed.
 */
public class FailingS3A extends S3AFileSystem {
  static volatile String failOn;
  static volatile Path runsAtFailure;
  static volatile List<String> seenAtFailure;

  @Override
  public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite, int bufferSize,
      short replication, long blockSize, Progressable progress) throws IOException {
    if (f.getName().equals(failOn)) {
      failOn = null;
      if (runsAtFailure != null) {
        seenAtFailure = Storage.listing(this, runsAtFailure);
      }
      throw new IOException("injected failure: creating " + f);
    }
    return super.create(f, permission, overwrite, bufferSize, replication, blockSize, progress);
  }
}
