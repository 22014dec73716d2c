package lscb.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JJAVA_* settings, the magics' globs and completion, and JVM options and environment at install. */
class KernelConfigTest {
  @TempDir
  Path tmp;

  @Test
  void readsJJavaSettingsAndFallsBackToIJavaNames() throws Exception {
    Files.createDirectories(tmp.resolve("lib"));
    Files.writeString(tmp.resolve("lib/a.jar"), "");
    Files.writeString(tmp.resolve("lib/b.jar"), "");
    Files.writeString(tmp.resolve("one.jsh"), "int one = 1;");
    KernelConfig config = KernelConfig.from(Map.of(
        "JJAVA_COMPILER_OPTS", " -Xlint:none  -parameters ",
        "JJAVA_CLASSPATH", tmp + "/lib/*.jar:" + tmp + "/missing",
        "JJAVA_STARTUP_SCRIPTS_PATH", tmp + "/*.jsh",
        "JJAVA_STARTUP_SCRIPT", "int two = 2;",
        "IJAVA_TIMEOUT", "2500"));
    assertEquals(List.of("-Xlint:none", "-parameters"), config.compilerOptions(), "options split on spaces");
    assertEquals(List.of(tmp + "/lib/a.jar", tmp + "/lib/b.jar"), config.extraClasspath(),
        "the glob's jars, sorted; a missing entry dropped");
    assertEquals(List.of("int one = 1;", "int two = 2;"), config.startupScripts(), "script files, then the script");
    assertEquals(2500, config.timeoutMs(), "IJava's name is read when JJava's is absent");
    assertEquals(0, KernelConfig.from(Map.of()).timeoutMs(), "no timeout by default");
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> KernelConfig.from(Map.of("JJAVA_TIMEOUT", "10s")));
    assertTrue(bad.getMessage().startsWith("JJAVA_TIMEOUT must be a number of milliseconds"), bad.getMessage());
  }

  @Test
  void aKernelWithCompilerOptionsRunsItsStartupScripts() {
    KernelConfig config = new KernelConfig(List.of("-Xlint:none"), List.of(),
        List.of("int fromStartup = 40;"), 0);
    try (Kernel kernel = new Kernel(TestKernels.classpath(), config)) {
      assertEquals("42", kernel.eval("fromStartup + 2").getData(
          org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN), "the startup script's variable");
    }
  }

  @Test
  void globsMatchFilesAndFoldersRecursivelyWithDoubleStar() throws Exception {
    Files.createDirectories(tmp.resolve("a/b"));
    Files.writeString(tmp.resolve("a/x.jar"), "");
    Files.writeString(tmp.resolve("a/b/y.jar"), "");
    Files.writeString(tmp.resolve("a/b/z.txt"), "");
    assertEquals(List.of(tmp + "/a/x.jar"), Magics.glob(tmp + "/a/*.jar"), "one level");
    assertEquals(List.of(tmp + "/a/b/y.jar", tmp + "/a/x.jar"), Magics.glob(tmp + "/a/**.jar"), "all levels");
    assertEquals(List.of(tmp + "/a"), Magics.glob(tmp + "/a"), "a plain folder as it is");
    assertEquals(List.of(), Magics.glob(tmp + "/nothing/*.jar"), "no match");
  }

  @Test
  void completesMagicNamesOnlyAtTheStartOfALine() {
    Cells.Completion line = Magics.complete("int a = 1;\n  %cl", 16);
    assertEquals(List.of("%classpath"), line.replacements(), "a line magic");
    assertEquals(13, line.from(), "replaces from the % sign");
    assertEquals(List.of("%%loadFromPOM"), Magics.complete("%%lo", 4).replacements(), "a cell magic");
    assertNull(Magics.complete("int a = 5 % 2", 13), "the modulo operator is not a magic");
  }

  @Test
  void aMagicUsedWronglyFailsWithOneLine() {
    try (Kernel kernel = TestKernels.start()) {
      RuntimeException unknown = assertThrows(RuntimeException.class, () -> kernel.eval("%nosuch x"));
      assertEquals("%nosuch: no such magic (there are %maven, %mavenRepo, %jars, %classpath, %load, %loadFromPOM)",
          unknown.getMessage());
      RuntimeException missing = assertThrows(RuntimeException.class, () -> kernel.eval("%load /no/such.jsh"));
      assertTrue(missing.getMessage().startsWith("%load /no/such.jsh: no such file"), missing.getMessage());
      assertEquals("3", kernel.eval("int x = 1;\n%classpath " + tmp + "\nx + 2")
          .getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN), "Java before and after a magic");
    }
  }

  @Test
  void installPutsJvmOptionsAndEnvironmentIntoKernelJson() throws Exception {
    Files.createDirectories(tmp.resolve("notebooks/target"));
    Files.createDirectories(tmp.resolve("jobs/target"));
    Files.writeString(tmp.resolve("notebooks/target/lscb-kernel.jar"), "");
    Files.writeString(tmp.resolve("jobs/target/lscb-jobs.jar"), "");
    Files.writeString(tmp.resolve("jobs/target/runtime-classpath.txt"), "");
    Files.writeString(tmp.resolve("notebooks/target/runtime-classpath.txt"), "");
    Files.writeString(tmp.resolve("jobs/target/jvm-flags.txt"), "--add-opens=java.base/java.nio=ALL-UNNAMED\n");
    KernelCommand.Install install = new KernelCommand.Install();
    new picocli.CommandLine(install).parseArgs("--heap", "1g", "--jvm-option=-Dspark.driver.host=10.0.0.5",
        "--env", "JJAVA_TIMEOUT=60000");
    KernelSpec spec = KernelCommand.specFromBuild(tmp, install.options.heap, install.options.jvmOptions,
        install.options.env);
    Path dir = spec.install(tmp.resolve("jupyter"));
    JsonObject json = JsonParser.parseString(Files.readString(dir.resolve("kernel.json"))).getAsJsonObject();
    List<String> argv = new ArrayList<>();
    json.getAsJsonArray("argv").forEach(a -> argv.add(a.getAsString()));
    assertTrue(argv.indexOf("-Dspark.driver.host=10.0.0.5") > argv.indexOf("-Xmx1g"), "the extra option after the heap: " + argv);
    assertEquals("60000", json.getAsJsonObject("env").get("JJAVA_TIMEOUT").getAsString(), "the extra variable");
    assertEquals(tmp.toString(), json.getAsJsonObject("env").get("LSCB_ROOT").getAsString(), "LSCB_ROOT still set");
  }
}
