package lscb.cli;

import org.apache.spark.launcher.JavaModuleOptions;

/** The JVM flags Spark's own launcher adds on Java 17+, for the ./lscb launcher, the kernel and tests. */
public final class JvmFlags {
  private JvmFlags() {}

  /**
   * Spark's module options, without the vector incubator module (it only speeds up some MLlib
   * kernels, which these jobs do not use, and makes every JVM print a warning), plus headless AWT.
   */
  public static String flags() {
    return JavaModuleOptions.defaultModuleOptions().replace("--add-modules=jdk.incubator.vector", "")
        .replaceAll("\\s+", " ").trim() + " -Djava.awt.headless=true";
  }

  public static void main(String[] args) {
    System.out.println(flags());
  }
}
