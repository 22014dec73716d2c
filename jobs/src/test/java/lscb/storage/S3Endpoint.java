package lscb.storage;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.hadoop.conf.Configuration;

/**
 * An S3 endpoint on 127.0.0.1: Adobe S3Mock's executable jar (copied into the build folder by the pom) in a
 * child JVM, because its Spring Boot libraries would clash with Spark's on one classpath.
 */
final class S3Endpoint implements AutoCloseable {
  final String bucket;
  final int port;
  private final Process process;

  private S3Endpoint(String bucket, int port, Process process) {
    this.bucket = bucket;
    this.port = port;
    this.process = process;
  }

  /** Starts the endpoint with one empty bucket, storing objects under {@code root}; waits until it answers. */
  static S3Endpoint start(Path jar, Path root, String bucket) throws Exception {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: the build copies it (mvn -f jobs/pom.xml test-compile)");
    }
    int http = freePort();
    int https = freePort();
    Path log = root.resolveSibling("s3mock.log");
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar",
        jar.toString(), "--server.address=127.0.0.1", "--server.port=" + https,
        "--com.adobe.testing.s3mock.httpPort=" + http, "--com.adobe.testing.s3mock.store.root=" + root,
        "--com.adobe.testing.s3mock.store.initialBuckets=" + bucket, "--spring.main.banner-mode=off",
        "--logging.level.root=WARN")
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    S3Endpoint endpoint = new S3Endpoint(bucket, http, process);
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (!endpoint.answers()) {
      if (!process.isAlive() || Instant.now().isAfter(deadline)) {
        endpoint.close();
        throw new IllegalStateException("S3Mock did not start; its log: " + Files.readString(log));
      }
      Thread.sleep(250);
    }
    return endpoint;
  }

  /** The S3A settings that reach this endpoint (path-style, plain HTTP, dummy credentials). */
  void configure(Configuration hadoop) {
    for (List<String> kv : List.of(List.of("fs.s3a.endpoint", "http://127.0.0.1:" + port),
        List.of("fs.s3a.endpoint.region", "us-east-1"), List.of("fs.s3a.path.style.access", "true"),
        List.of("fs.s3a.connection.ssl.enabled", "false"), List.of("fs.s3a.access.key", "lscb-test"),
        List.of("fs.s3a.secret.key", "lscb-test"), List.of("fs.s3a.attempts.maximum", "2"),
        List.of("fs.s3a.retry.limit", "2"))) {
      hadoop.set(kv.get(0), kv.get(1));
    }
  }

  /** The s3a:// URI of a key prefix in the bucket. */
  String uri(String prefix) {
    return "s3a://" + bucket + "/" + prefix;
  }

  private boolean answers() {
    try {
      HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/").toURL().openConnection();
      c.setConnectTimeout(500);
      c.setReadTimeout(2000);
      return c.getResponseCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
