package lscb.kernel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Cancels every running Spark job of the kernel's sessions; a no-op when Spark is not on the classpath. */
final class SparkJobs {
  private static final Logger LOG = LoggerFactory.getLogger(SparkJobs.class);

  private SparkJobs() {}

  static void cancelAll() {
    try {
      Class.forName("org.apache.spark.sql.SparkSession", false, SparkJobs.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return;
    }
    try {
      Sessions.cancelAll();
    } catch (RuntimeException | LinkageError e) {
      LOG.warn("could not cancel Spark's jobs: {}", e.toString());
    }
  }

  /** Only loaded when Spark is present. */
  private static final class Sessions {
    static void cancelAll() {
      scala.Option<org.apache.spark.sql.SparkSession> session = org.apache.spark.sql.SparkSession.getDefaultSession();
      if (session.isDefined()) {
        session.get().sparkContext().cancelAllJobs();
      }
    }
  }
}
