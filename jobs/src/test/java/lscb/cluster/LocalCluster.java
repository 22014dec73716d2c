package lscb.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Spark standalone cluster on 127.0.0.1 built from the project's own Spark jars: a SPARK_HOME whose
 * jars/ links the Maven dependencies, a bin/spark-submit running org.apache.spark.deploy.SparkSubmit, one
 * master and two workers (1 core, 1g each). Closing it (or the JVM exiting) stops every process it started.
 */
public final class LocalCluster implements AutoCloseable {
  private final Path home;
  private final List<Process> processes = new ArrayList<>();
  private final Thread shutdownHook = new Thread(this::stopAll, "lscb-cluster-stop");
  private int masterPort;
  private int masterUiPort;

  private LocalCluster(Path home) {
    this.home = home;
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Builds SPARK_HOME under {@code home} from the listed Spark jars and starts a master and {@code workers} workers. */
  public static LocalCluster start(Path home, List<Path> sparkJars, int workers) throws IOException {
    LocalCluster cluster = new LocalCluster(home);
    try {
      cluster.buildHome(sparkJars);
      cluster.masterPort = freePort();
      cluster.masterUiPort = freePort();
      cluster.launch("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
          "--port", String.valueOf(cluster.masterPort), "--webui-port", String.valueOf(cluster.masterUiPort));
      for (int i = 0; i < workers; i++) {
        Files.createDirectories(home.resolve("work-" + i));
        cluster.launch("worker-" + i, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
            "--cores", "1", "--memory", "1g", "--webui-port", String.valueOf(freePort()),
            "--work-dir", home.resolve("work-" + i).toString(), cluster.masterUrl());
      }
      cluster.awaitWorkers(workers, Duration.ofMinutes(3));
      return cluster;
    } catch (IOException | RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  /** spark://127.0.0.1:PORT */
  public String masterUrl() {
    return "spark://127.0.0.1:" + masterPort;
  }

  /** The SPARK_HOME folder (jars/, conf/, bin/spark-submit, work-N/). */
  public Path home() {
    return home;
  }

  /** A worker's work dir, where executors keep their stderr: work-N/APP/EXECUTOR/stderr. */
  public Path workDir(int worker) {
    return home.resolve("work-" + worker);
  }

  /** The environment a Spark process of this cluster (and a spark-submit against it) runs with. */
  public Map<String, String> environment() {
    return Map.of("SPARK_HOME", home.toString(), "SPARK_SCALA_VERSION", "2.13", "SPARK_LOCAL_IP", "127.0.0.1",
        "JAVA_HOME", System.getProperty("java.home"), "SPARK_CONF_DIR", home.resolve("conf").toString());
  }

  /** Starts a process this cluster owns (stopped with it), output to home/logs/NAME.log. */
  public Process run(String name, List<String> command, Map<String, String> env) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(home.resolve("logs/" + name + ".log").toFile());
    builder.environment().putAll(environment());
    builder.environment().putAll(env);
    Process process = builder.start();
    synchronized (processes) {
      processes.add(process);
    }
    return process;
  }

  /** A log of a process this cluster started. */
  public String log(String name) throws IOException {
    Path file = home.resolve("logs/" + name + ".log");
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }

  private void launch(String name, String mainClass, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(java()));
    command.addAll(List.of(flags().split(" ")));
    command.addAll(List.of("-Xmx256m", "-Dspark.master.rest.enabled=false", "-cp", classpath(), mainClass));
    command.addAll(List.of(args));
    run(name, command, Map.of());
  }

  private void buildHome(List<Path> sparkJars) throws IOException {
    Path jars = Files.createDirectories(home.resolve("jars"));
    Set<String> names = new HashSet<>();
    for (Path jar : sparkJars) {
      if (names.add(jar.getFileName().toString())) {
        Files.createSymbolicLink(jars.resolve(jar.getFileName()), jar);
      }
    }
    Files.createDirectories(home.resolve("logs"));
    // Spark's default INFO logging is quiet here, except the executors' task lines the test looks for.
    Files.writeString(Files.createDirectories(home.resolve("conf")).resolve("log4j2.properties"), String.join("\n",
        "rootLogger.level = warn", "rootLogger.appenderRef.stderr.ref = console",
        "appender.console.type = Console", "appender.console.name = console", "appender.console.target = SYSTEM_ERR",
        "appender.console.layout.type = PatternLayout", "appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n",
        "logger.executor.name = org.apache.spark.executor.Executor", "logger.executor.level = info", ""));
    // The stand-in for a distribution's bin/spark-submit: the same entry point, with the JVM flags
    // Spark's own launcher adds (SparkSubmit does not add them to the JVM it runs in).
    Path submit = Files.createDirectories(home.resolve("bin")).resolve("spark-submit");
    Files.writeString(submit, "#!/usr/bin/env bash\nexec \"" + java() + "\" " + flags()
        + " ${LSCB_DRIVER_JAVA_OPTS:--Xmx1g} -cp \"$SPARK_HOME/conf:$SPARK_HOME/jars/*\""
        + " org.apache.spark.deploy.SparkSubmit \"$@\"\n");
    Files.setPosixFilePermissions(submit, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private String classpath() {
    return home.resolve("conf") + ":" + home.resolve("jars") + "/*";
  }

  private void awaitWorkers(int workers, Duration timeout) throws IOException {
    Instant deadline = Instant.now().plus(timeout);
    Pattern alive = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)");
    while (Instant.now().isBefore(deadline)) {
      for (Process p : processes) {
        if (!p.isAlive()) {
          throw new IllegalStateException("a cluster process died at start (exit " + p.exitValue() + "); logs in "
              + home.resolve("logs") + ":\n" + log("master") + log("worker-0"));
        }
      }
      try {
        HttpURLConnection http = (HttpURLConnection) URI.create("http://127.0.0.1:" + masterUiPort + "/json/")
            .toURL().openConnection();
        http.setConnectTimeout(1000);
        http.setReadTimeout(2000);
        try (InputStream in = http.getInputStream()) {
          Matcher m = alive.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
          if (m.find() && Integer.parseInt(m.group(1)) >= workers) {
            return;
          }
        }
      } catch (IOException notYet) {
        // The master's UI is not up yet.
      }
      sleep(500);
    }
    throw new IllegalStateException("the workers did not register with the master within " + timeout
        + "; logs in " + home.resolve("logs"));
  }

  /** Stops every process started here and everything they started (executors), forcibly if they linger. */
  @Override
  public void close() {
    stopAll();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // Already running the hook.
    }
  }

  private void stopAll() {
    List<Process> started;
    synchronized (processes) {
      started = new ArrayList<>(processes);
      processes.clear();
    }
    List<ProcessHandle> all = new ArrayList<>();
    for (int i = started.size() - 1; i >= 0; i--) {
      Process p = started.get(i);
      all.addAll(p.descendants().toList());
      all.add(p.toHandle());
    }
    all.forEach(ProcessHandle::destroy);
    Instant deadline = Instant.now().plusSeconds(15);
    for (ProcessHandle h : all) {
      try {
        h.onExit().get(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()),
            java.util.concurrent.TimeUnit.MILLISECONDS);
      } catch (Exception lingering) {
        h.destroyForcibly();
      }
    }
  }

  /** Every process started here and their descendants (executors), as they are now. */
  public List<ProcessHandle> handles() {
    List<ProcessHandle> all = new ArrayList<>();
    synchronized (processes) {
      for (Process p : processes) {
        all.add(p.toHandle());
        all.addAll(p.descendants().toList());
      }
    }
    return all;
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  static String flags() {
    return lscb.cli.JvmFlags.flags();
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static List<Path> classpathFile(Path file) {
    try {
      return java.util.Arrays.stream(Files.readString(file).trim().split(java.io.File.pathSeparator))
          .filter(s -> !s.isBlank()).map(Path::of).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
