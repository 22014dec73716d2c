package lscb.kernel;

/** Kernels for tests: compiled against the test JVM's whole classpath. */
final class TestKernels {
  private TestKernels() {}

  /** The test JVM's classpath (surefire hides it behind a manifest jar in java.class.path). */
  static String classpath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }

  static Kernel start() {
    return new Kernel(classpath());
  }
}
