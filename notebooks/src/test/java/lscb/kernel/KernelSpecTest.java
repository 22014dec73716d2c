package lscb.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kernel.json's argv and the kernel's classpath as assembled from the two modules' build outputs. */
class KernelSpecTest {
  private static final String M2 = "/r/.m2/repository/";

  @Test
  void jobsVersionsWinAndStraySlf4jBindingsAreDropped() {
    List<String> jobs = List.of("/x/lscb-kernel.jar", "/x/lscb-jobs.jar", M2 + "com/google/code/gson/gson/2.11.0/gson-2.11.0.jar");
    List<String> kernel = List.of(M2 + "com/google/code/gson/gson/2.10.1/gson-2.10.1.jar",
        M2 + "org/zeromq/jeromq/0.6.0/jeromq-0.6.0.jar", M2 + "org/slf4j/slf4j-simple/2.0.17/slf4j-simple-2.0.17.jar");
    List<String> merged = KernelClasspath.merge(jobs, kernel);
    assertEquals(List.of("/x/lscb-kernel.jar", "/x/lscb-jobs.jar", M2 + "com/google/code/gson/gson/2.11.0/gson-2.11.0.jar",
        M2 + "org/zeromq/jeromq/0.6.0/jeromq-0.6.0.jar"), merged,
        "one gson (the jobs' one), the kernel's own extra jar, no slf4j-simple");
  }

  @Test
  void buildOutputsMakeTheKernelClasspath(@TempDir Path root) throws Exception {
    Files.createDirectories(root.resolve("notebooks/target"));
    Files.createDirectories(root.resolve("jobs/target"));
    Files.writeString(root.resolve("notebooks/target/lscb-kernel.jar"), "");
    Files.writeString(root.resolve("jobs/target/lscb-jobs.jar"), "");
    Files.writeString(root.resolve("jobs/target/runtime-classpath.txt"), M2 + "a/spark/1/spark-1.jar\n");
    Files.writeString(root.resolve("notebooks/target/runtime-classpath.txt"), M2 + "b/jjava/1/jjava-1.jar");
    List<String> classpath = KernelClasspath.fromBuild(root);
    assertEquals(4, classpath.size(), "kernel jar, jobs jar, jobs' dependency, kernel's dependency: " + classpath);
    assertTrue(classpath.get(0).endsWith("notebooks/target/lscb-kernel.jar")
        && classpath.get(1).endsWith("jobs/target/lscb-jobs.jar"), "the two jars first");
    Files.delete(root.resolve("jobs/target/lscb-jobs.jar"));
    CommandFailure missing = org.junit.jupiter.api.Assertions.assertThrows(CommandFailure.class,
        () -> KernelClasspath.fromBuild(root));
    assertTrue(missing.getMessage().contains("lscb-jobs.jar is missing"), missing.getMessage());
  }

  @Test
  void kernelJsonStartsTheKernelWithSparksFlagsAndQuietLogs(@TempDir Path data) throws Exception {
    KernelSpec spec = new KernelSpec("/usr/bin/java",
        KernelSpec.jvmOptions("--add-opens=java.base/java.nio=ALL-UNNAMED  -Dio.netty.tryReflectionSetAccessible=true\n", "1g"),
        List.of("/a.jar", "/b.jar"), Map.of("LSCB_ROOT", "/work"));
    assertFalse(spec.isInstalled(data), "nothing installed yet");
    Path dir = spec.install(data);
    assertEquals(data.resolve("kernels/lscb-java").toAbsolutePath(), dir, "a JUPYTER_PATH-style layout");
    assertTrue(spec.isInstalled(data), "installed as written");
    JsonObject json = JsonParser.parseString(Files.readString(dir.resolve("kernel.json"))).getAsJsonObject();
    List<String> argv = new ArrayList<>();
    JsonArray array = json.getAsJsonArray("argv");
    array.forEach(a -> argv.add(a.getAsString()));
    assertEquals(List.of("/usr/bin/java", "--add-opens=java.base/java.nio=ALL-UNNAMED",
        "-Dio.netty.tryReflectionSetAccessible=true", "-Xmx1g",
        "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties"), "-Djava.awt.headless=true",
        "-cp", "/a.jar:/b.jar", "lscb.kernel.Launch", "{connection_file}"), argv, "the kernel's command line");
    assertEquals("java", json.get("language").getAsString(), "language");
    assertEquals("Java (LSCB)", json.get("display_name").getAsString(), "display name");
    assertTrue(Files.readString(dir.resolve("log4j2.properties")).contains("rootLogger.level = warn"),
        "the log configuration the kernel names is at WARN");
  }
}
