package lscb.cli;

import org.apache.spark.launcher.JavaModuleOptions;

/** Prints the JVM flags Spark's own launcher adds on Java 17+, for the ./lscb launcher and kernel. */
public final class JvmFlags {
  private JvmFlags() {}

  public static void main(String[] args) {
    // The vector incubator module only speeds up some MLlib kernels and makes every JVM print a
    // warning; these jobs do not use it, so it is left out to keep the output quiet.
    String flags = JavaModuleOptions.defaultModuleOptions()
        .replace("--add-modules=jdk.incubator.vector", "").replaceAll("\\s+", " ").trim();
    System.out.println(flags + " -Djava.awt.headless=true");
  }
}
