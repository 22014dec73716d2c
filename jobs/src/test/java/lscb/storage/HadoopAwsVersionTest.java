package lscb.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lscb.testing.Fixtures;
import org.apache.hadoop.util.VersionInfo;
import org.junit.jupiter.api.Test;

/**
 * The S3A connector the storage tests use, and the one the README and the schedule tell users to add with
 * --packages, are at the Hadoop version Spark ships (hadoop-client-api on the classpath): a Spark upgrade that
 * changes its Hadoop fails here until both are moved with it.
 */
class HadoopAwsVersionTest {
  private static final Pattern PACKAGE = Pattern.compile("org\\.apache\\.hadoop:hadoop-aws:(\\d+\\.\\d+\\.\\d+)");

  @Test
  void hadoopAwsIsSparksHadoopInTheTestsAndInTheDocumentedPackages() throws Exception {
    String sparksHadoop = VersionInfo.getVersion();
    assertEquals(sparksHadoop, testedHadoopAws(), "the storage tests' hadoop-aws is Spark's Hadoop");
    for (String file : List.of("README.md", "jobs/schedule/lscb-spark-submit.sh")) {
      List<String> documented = documented(Files.readString(Fixtures.repository().resolve(file)));
      assertFalse(documented.isEmpty(), file + " tells users which hadoop-aws to add with --packages");
      documented.forEach(v -> assertEquals(sparksHadoop, v, file + ": --packages hadoop-aws at Spark's Hadoop"));
    }
  }

  private static List<String> documented(String text) {
    List<String> versions = new ArrayList<>();
    Matcher m = PACKAGE.matcher(text);
    while (m.find()) {
      versions.add(m.group(1));
    }
    return versions;
  }

  private static String testedHadoopAws() throws Exception {
    try (InputStream in = HadoopAwsVersionTest.class.getResourceAsStream(
        "/META-INF/maven/org.apache.hadoop/hadoop-aws/pom.properties")) {
      assertNotNull(in, "hadoop-aws is on the test classpath");
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    }
  }
}
