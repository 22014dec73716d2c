package lscb.kernel;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

/** The kernel process Jupyter starts (kernel.json's argv): connects to the given connection file. */
public final class Launch {
  private Launch() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: java ... lscb.kernel.Launch CONNECTION_FILE (Jupyter starts this; see kernel.json)");
      System.exit(2);
    }
    ParentWatch.start(System.getenv("JPY_PARENT_PID"), () -> Runtime.getRuntime().halt(0));
    localSpark();
    KernelConnectionProperties properties = KernelConnectionProperties.parse(read(Path.of(args[0])));
    Kernel kernel;
    try {
      kernel = new Kernel(System.getProperty("java.class.path"), KernelConfig.fromEnvironment());
    } catch (RuntimeException e) { // a bad JJAVA_* setting or a failing startup script: one line
      System.err.println("lscb-java: " + e.getMessage());
      System.exit(2);
      return;
    }
    GuardedConnection connection = new GuardedConnection(properties);
    kernel.onStartup();
    kernel.becomeHandlerForConnection(connection);
    connection.connect();
    double seconds = (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1000.0;
    System.err.printf(Locale.ROOT, "%s kernel ready in %.1f s (JVM start to connected, JShell warm)%n",
        Kernel.NAME, seconds);
    connection.waitUntilClose();
    kernel.close();
    // Spark and other libraries leave non-daemon threads behind; the kernel's life ends with the connection.
    System.exit(0);
  }

  /**
   * A notebook's Spark driver listens on 127.0.0.1 only, unless the kernel's JVM options or
   * SPARK_LOCAL_IP say otherwise (Spark reads spark.* system properties into every SparkConf). Its
   * web UI is off: Spark binds the UI to SPARK_LOCAL_IP or else to every interface, unauthenticated.
   */
  static void localSpark() {
    if (System.getenv("SPARK_LOCAL_IP") == null) {
      System.getProperties().putIfAbsent("spark.driver.host", "127.0.0.1");
      System.getProperties().putIfAbsent("spark.driver.bindAddress", "127.0.0.1");
      System.getProperties().putIfAbsent("spark.ui.enabled", "false");
    }
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file);
  }
}
