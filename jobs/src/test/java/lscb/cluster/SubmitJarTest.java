package lscb.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The thin spark-submit jar holds the project and the libraries Spark lacks, and nothing Spark provides. */
class SubmitJarTest {
  @Test
  void theThinJarHoldsTheProjectAndNoSpark() throws Exception {
    try (JarFile jar = new JarFile(Builds.dir().resolve("lscb-jobs-submit.jar").toFile())) {
      Set<String> entries = jar.stream().map(e -> e.getName()).collect(Collectors.toSet());
      assertEquals("lscb.cli.Lscb", jar.getManifest().getMainAttributes().getValue("Main-Class"),
          "spark-submit can run the jar without --class");
      for (String needed : List.of("lscb/cli/Lscb.class", "lscb/run/AtomicRun.class", "schemas/board_return.schema.json",
          "lscb-git.properties", "picocli/CommandLine.class", "org/apache/commons/math3/stat/inference/ChiSquareTest.class")) {
        assertTrue(entries.contains(needed), "the thin jar contains " + needed);
      }
      for (String provided : List.of("org/apache/spark/", "scala/", "org/apache/hadoop/", "com/fasterxml/", "org/apache/parquet/")) {
        assertTrue(entries.stream().noneMatch(e -> e.startsWith(provided)), "the cluster provides " + provided
            + ", the thin jar must not carry it");
      }
    }
  }

  @Test
  void everyNonSparkDependencyIsShadedAndLeftOutOfTheSparkJars() throws Exception {
    String pom = Files.readString(Builds.repo().resolve("jobs/pom.xml"));
    String dependencies = pom.substring(pom.indexOf("<dependencies>"), pom.indexOf("</dependencies>"));
    List<String> application = new ArrayList<>();
    Matcher dependency = Pattern.compile("(?s)<dependency>(.*?)</dependency>").matcher(dependencies);
    while (dependency.find()) {
      String block = dependency.group(1);
      String artifact = value(block, "artifactId");
      String scope = block.contains("<scope>") ? value(block, "scope") : "compile";
      if (!artifact.startsWith("spark-") && !Set.of("test", "provided").contains(scope)) {
        application.add(value(block, "groupId") + ":" + artifact);
      }
    }
    String excluded = value(pom, "excludeArtifactIds");
    Set<String> sparkDepends = sparkModuleDependencies();
    List<String> shaded = new ArrayList<>();
    for (String ga : application) {
      if (sparkDepends.contains(ga) && !pom.contains("<include>" + ga + "</include>")) {
        continue;
      }
      shaded.add(ga);
      assertTrue(pom.contains("<include>" + ga + "</include>"), ga + " is neither a dependency of a Spark module "
          + "(so on every cluster) nor shaded into the submit jar");
      assertTrue(List.of(excluded.split(",")).contains(ga.substring(ga.indexOf(':') + 1)),
          ga + " is left out of spark-classpath.txt (the cluster test's SPARK_HOME), so the cluster test proves "
              + "the submit jar carries it");
    }
    for (Path jar : Builds.sparkJars()) {
      assertTrue(shaded.stream().noneMatch(ga -> jar.getFileName().toString()
          .startsWith(ga.substring(ga.indexOf(':') + 1) + "-")), jar + " is a Spark jar, not one the submit jar carries");
    }
    assertTrue(shaded.contains("info.picocli:picocli"), "picocli (not shipped by Spark) is among the shaded: " + shaded);
  }

  /** groupId:artifactId of every dependency a Spark module's own pom (inside its jar) declares. */
  private static Set<String> sparkModuleDependencies() throws Exception {
    Set<String> found = new java.util.HashSet<>();
    for (Path jar : Builds.sparkJars()) {
      if (!jar.getFileName().toString().startsWith("spark-")) {
        continue;
      }
      try (JarFile file = new JarFile(jar.toFile())) {
        for (var entry : file.stream().filter(e -> e.getName().startsWith("META-INF/maven/org.apache.spark/")
            && e.getName().endsWith("/pom.xml")).toList()) {
          String xml = new String(file.getInputStream(entry).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
          Matcher d = Pattern.compile("(?s)<dependency>(.*?)</dependency>").matcher(xml);
          while (d.find()) {
            String block = d.group(1);
            if (!block.contains("<scope>test</scope>") && !block.contains("<scope>provided</scope>")) {
              found.add(value(block, "groupId") + ":" + value(block, "artifactId"));
            }
          }
        }
      }
    }
    assertTrue(found.size() > 20, "read the Spark modules' own dependency lists");
    return found;
  }

  private static String value(String xml, String tag) {
    Matcher m = Pattern.compile("<" + tag + ">\\s*([^<]+?)\\s*</" + tag + ">").matcher(xml);
    assertTrue(m.find(), "found <" + tag + ">");
    return m.group(1);
  }
}
