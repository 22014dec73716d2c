package lscb.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import lscb.testing.SparkTestBase;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run's file: filesystem sets permissions in-process and writes no .crc side files. */
class LocalFilesTest extends SparkTestBase {
  @TempDir Path dir;

  /**
   * Hadoop caches file systems per scheme, not per configuration: a test class earlier in this JVM that
   * asked for file: without the session's settings left a plain LocalFileSystem in that cache.
   */
  @BeforeAll
  static void forgetCachedFileSystems() throws Exception {
    FileSystem.closeAll();
  }

  @Test
  void sessionsUseItForFilePaths() throws Exception {
    FileSystem fs = new org.apache.hadoop.fs.Path(dir.toUri()).getFileSystem(spark.sparkContext().hadoopConfiguration());
    assertTrue(fs instanceof LocalFiles, "file: paths should go through LocalFiles, not " + fs.getClass());
  }

  @Test
  void permissionsAreSetAsAsked() throws Exception {
    FileSystem fs = new org.apache.hadoop.fs.Path(dir.toUri()).getFileSystem(spark.sparkContext().hadoopConfiguration());
    org.apache.hadoop.fs.Path folder = new org.apache.hadoop.fs.Path(dir.toUri().toString(), "a/b");
    assertTrue(fs.mkdirs(folder, new FsPermission((short) 0750)), "mkdirs should succeed");
    assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b"))),
        "the folder should have the permission asked for");
    fs.setPermission(folder, new FsPermission((short) 0604));
    assertEquals("rw----r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b"))),
        "setPermission should change every class of user as asked");
  }

  @Test
  void sparkWritesLeaveNoChecksumFiles() throws Exception {
    String out = dir.resolve("table").toUri().toString();
    Outputs.parquet(spark.range(5).toDF(), out);
    Outputs.csv(spark.range(5).toDF(), dir.resolve("table.csv").toUri().toString(),
        org.apache.spark.sql.functions.col("id"));
    List<String> crc;
    try (Stream<Path> files = Files.walk(dir)) {
      crc = files.map(Path::toString).filter(name -> name.endsWith(".crc")).toList();
    }
    assertEquals(List.of(), crc, "no .crc side files should be written");
    assertEquals(5L, spark.read().parquet(out).count(), "the Parquet written should read back");
  }
}
