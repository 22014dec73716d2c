package lscb.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import lscb.cli.Lscb;
import lscb.io.Locations;
import lscb.io.Progress;
import lscb.io.UserError;
import lscb.run.AtomicRun;
import lscb.run.OutputSnapshot;
import lscb.run.Pipeline;
import lscb.run.RunFolders;
import lscb.run.RunLock;
import lscb.testing.Fixtures;
import lscb.testing.SparkTestBase;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FSDataOutputStreamBuilder;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on real storage on 127.0.0.1, every location an hdfs:// or s3a:// URI: an HDFS in
 * process (MiniDFSCluster) and an S3 endpoint (S3Mock). Outputs equal a local run's (CSV bytes, Parquet
 * rows); a run that fails on S3, in its publish after everything is written or midway in a Spark task's
 * upload, leaves the previous run published, intact and readable; and the lock's create-if-absent is
 * exclusive on both stores.
 */
@Tag("slow") // left out by ./lscb test --fast
class StorageTest extends SparkTestBase {
  @TempDir static Path tmp;
  static Configuration hadoop;
  static MiniDFSCluster hdfs;
  static S3Endpoint s3;
  static Path localOut;

  @BeforeAll
  static void startStoresAndRunLocally() throws Exception {
    hadoop = spark.sparkContext().hadoopConfiguration();
    Configuration dfs = new Configuration();
    dfs.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, tmp.resolve("hdfs").toString());
    hdfs = new MiniDFSCluster.Builder(dfs).numDataNodes(1).build();
    hdfs.waitActive();
    hadoop.set("dfs.replication", "1");
    Path build = Path.of(Pipeline.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
    s3 = S3Endpoint.start(build.resolve("s3mock/s3mock-exec.jar"), tmp.resolve("s3"), "lscb");
    s3.configure(hadoop);
    hadoop.set("fs.s3a.impl", FailingS3A.class.getName());
    localOut = tmp.resolve("local-out");
    run("file:" + Fixtures.repository().resolve("data"), "file:" + localOut);
  }

  @AfterAll
  static void stopStores() throws Exception {
    if (s3 != null) {
      s3.close();
    }
    if (hdfs != null) {
      hdfs.shutdown();
    }
  }

  @Test
  void aRunOnHdfsGivesTheLocalRunsOutputs() throws Exception {
    String root = "hdfs://127.0.0.1:" + hdfs.getNameNodePort() + "/lscb";
    FileSystem fs = FileSystem.get(URI.create(root), hadoop);
    Storage.upload(fs, Fixtures.repository().resolve("data"), root + "/data");
    AtomicRun.Outcome run = run(root + "/data", root + "/out");
    assertEquals(run.runId(), RunFolders.latestRun(fs, new org.apache.hadoop.fs.Path(root + "/out")),
        "OUT/LATEST on HDFS names the run");
    String folder = RunFolders.resolve(hadoop, root + "/out");
    assertEquals(root + "/out/runs/" + run.runId(), folder, "a reader follows LATEST to the run's folder");
    Path copy = Storage.download(fs, folder, tmp.resolve("from-hdfs"));
    OutputSnapshot.assertSameOutputs(spark, localOut, copy, "HDFS run vs local run", true);
    assertCreateIfAbsentIsExclusive(fs, new org.apache.hadoop.fs.Path(root + "/exclusive"));
  }

  @Test
  void aRunOnS3GivesTheLocalRunsOutputsAndARunFailingInPublishOrMidwayLeavesItPublished() throws Exception {
    FileSystem fs = FileSystem.get(URI.create(s3.uri("")), hadoop);
    assertInstanceOf(FailingS3A.class, fs, "s3a:// goes through the connector with the injected fault");
    Storage.upload(fs, Fixtures.repository().resolve("data"), s3.uri("data"));
    String out = s3.uri("out");
    AtomicRun.Outcome first = run(s3.uri("data"), out);
    String folder = RunFolders.resolve(hadoop, out);
    assertEquals(out + "/runs/" + first.runId(), folder, "a reader follows LATEST to the run's folder");
    OutputSnapshot.assertSameOutputs(spark, localOut, Storage.download(fs, folder, tmp.resolve("from-s3")),
        "S3 run vs local run", true);
    List<String> published = Storage.listing(fs, new org.apache.hadoop.fs.Path(folder));

    FailingS3A.runsAtFailure = new org.apache.hadoop.fs.Path(out, RunFolders.RUNS);
    FailingS3A.failOn = f -> f.getName().equals(RunFolders.LATEST);
    UncheckedIOException failed = assertThrows(UncheckedIOException.class, () -> run(s3.uri("data"), out),
        "the second run fails while it publishes");
    assertTrue(failed.getMessage().contains("previous run stays"), "the failure says so: " + failed.getMessage());
    assertEquals(new Lscb.Failure("lscb: storage error: " + failed.getMessage() + " (check the location's free space,"
        + " permissions and connection, then run again; LSCB_DEBUG=1 shows the stack trace)", Lscb.STORAGE_ERROR),
        Lscb.failure(failed), "the command line prints it as one storage error line and exits 74");
    List<String> atFailure = FailingS3A.seenAtFailure;
    String second = atFailure.stream().filter(f -> f.endsWith("/manifest.json") && !f.startsWith(first.runId()))
        .map(f -> f.substring(0, f.indexOf('/'))).findFirst().orElseThrow(() -> new AssertionError(
            "the failure came after the second run had written all its outputs and manifest: " + atFailure));
    assertTrue(atFailure.contains(second + "/conformance.csv"), "the second run's outputs were all written");
    assertOnlyTheFirstRunIsThere(fs, out, first, published, "after the failed publish");

    // A Spark task's upload of an analysis output fails: the job fails, and with it the run, midway.
    FailingS3A.failOn = f -> f.toString().contains("/analysis/") && f.getName().startsWith("part-");
    RuntimeException midway = assertThrows(RuntimeException.class, () -> run(s3.uri("data"), out),
        "the third run fails while a task writes an analysis table");
    assertTrue(FailingS3A.failOn == null && causes(midway).contains("injected failure: creating"),
        "the run failed on the injected fault in a task's upload: " + causes(midway));
    Lscb.Failure said = Lscb.failure(midway);
    assertTrue(said.line().startsWith("lscb: storage error: injected failure: creating s3a://")
        && said.exitCode() == Lscb.STORAGE_ERROR && said.line().lines().count() == 1,
        "the command line names the store's failure in one line, not an internal error, and exits 74: " + said);
    assertFalse(FailingS3A.seenAtFailure.stream().anyMatch(f -> f.endsWith("/manifest.json") && !f.startsWith(first.runId())),
        "the third run failed before its manifest");
    assertOnlyTheFirstRunIsThere(fs, out, first, published, "after the run that failed midway");
    assertCreateIfAbsentIsExclusive(fs, new org.apache.hadoop.fs.Path(s3.uri("exclusive")));
  }

  /** The first run is the published one, whole and readable, and no other run folder or lock is left. */
  private static void assertOnlyTheFirstRunIsThere(FileSystem fs, String out, AtomicRun.Outcome first,
      List<String> published, String when) throws IOException {
    org.apache.hadoop.fs.Path outPath = new org.apache.hadoop.fs.Path(out);
    String folder = out + "/runs/" + first.runId();
    assertEquals(first.runId(), RunFolders.latestRun(fs, outPath), "LATEST still names the first run " + when);
    assertEquals(folder, RunFolders.resolve(hadoop, out), "readers still resolve the first run " + when);
    assertEquals(published, Storage.listing(fs, new org.apache.hadoop.fs.Path(folder)),
        "the first run's files are all there " + when);
    OutputSnapshot.assertSameOutputs(spark, localOut, Storage.download(fs, folder, tmp.resolve("from-s3-" + when.replace(' ', '-'))),
        "the first run " + when + " vs the local run", true);
    assertEquals(spark.read().parquet(OutputSnapshot.finished(localOut).resolve("processed/board_return").toString()).count(),
        spark.read().parquet(folder + "/processed/board_return").count(),
        "Spark reads the published run straight from S3 " + when);
    assertEquals(List.of(first.runId()), runs(fs, outPath), "the failed run's folder is removed, the first one kept " + when);
    assertFalse(fs.exists(RunFolders.lockFile(outPath)), "the failed run released the lock " + when);
  }

  /**
   * Of two creates of one absent file, both past any existence check before either is written, exactly
   * one wins (S3: If-None-Match at upload; HDFS: the NameNode's create); the run lock, taken twice, refuses the second.
   */
  private static void assertCreateIfAbsentIsExclusive(FileSystem fs, org.apache.hadoop.fs.Path file) throws Exception {
    FSDataOutputStream a = create(fs, file);
    FSDataOutputStream b;
    int won = 0;
    try {
      b = create(fs, file);
    } catch (IOException refused) {
      b = null;
    }
    won += write(a, "a");
    won += b == null ? 0 : write(b, "b");
    assertEquals(1, won, fs.getScheme() + ": exactly one of two creates-if-absent wins");
    try (InputStream in = fs.open(file)) {
      assertEquals("a", new String(in.readAllBytes(), StandardCharsets.UTF_8), "the first create's content stands");
    }
    org.apache.hadoop.fs.Path lock = new org.apache.hadoop.fs.Path(file.getParent(), "lock-out/.lscb/lock");
    try (RunLock held = RunLock.acquire(fs, lock, "holder")) {
      UserError busy = assertThrows(UserError.class, () -> RunLock.acquire(fs, lock, "second"),
          fs.getScheme() + ": a second run is refused while the first holds the lock");
      assertEquals(RunLock.BUSY, busy.exitCode(), "with the busy exit code");
    }
    assertFalse(fs.exists(lock), fs.getScheme() + ": the lock is released");
  }

  private static FSDataOutputStream create(FileSystem fs, org.apache.hadoop.fs.Path file) throws IOException {
    FSDataOutputStreamBuilder<?, ?> builder = fs.createFile(file);
    builder.overwrite(false);
    builder.opt(Options.CreateFileOptionKeys.FS_OPTION_CREATE_CONDITIONAL_OVERWRITE, true);
    return builder.build();
  }

  private static int write(FSDataOutputStream out, String text) {
    try (out) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException refused) {
      return 0;
    }
    return 1;
  }

  /** The messages of an exception and its causes, one per line. */
  private static String causes(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      text.append(t).append('\n');
    }
    return text.toString();
  }

  private static List<String> runs(FileSystem fs, org.apache.hadoop.fs.Path out) throws IOException {
    return java.util.Arrays.stream(fs.listStatus(new org.apache.hadoop.fs.Path(out, RunFolders.RUNS)))
        .map(s -> s.getPath().getName()).sorted().toList();
  }

  private static AtomicRun.Outcome run(String data, String out) {
    Locations where = new Locations(data + "/raw", data + "/reference", data + "/published", out);
    return AtomicRun.run(spark, where, Map.of(), new Progress(System.out), r -> 0);
  }
}
