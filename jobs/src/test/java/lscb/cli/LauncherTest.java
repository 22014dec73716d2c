package lscb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import lscb.testing.Fixtures;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ./lscb launcher, run for real by bash from a copy of the checkout whose path has a space in it:
 * the copy holds the script and this build's jar and classpath (so it never builds), and no notebooks
 * module, so a launcher that wrongly went on to the kernel or notebooks would fail visibly.
 */
class LauncherTest {
  @TempDir Path tmp;
  Path checkout;
  Path bin;

  record Result(int exit, String out, String err) {}

  @BeforeEach
  void copyCheckout() throws Exception {
    checkout = Files.createDirectories(tmp.resolve("a checkout"));
    Files.copy(Fixtures.repository().resolve("lscb"), checkout.resolve("lscb"));
    Path target = Files.createDirectories(checkout.resolve("jobs/target"));
    Path build = Path.of(Lscb.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
    Files.copy(build.resolve("lscb-jobs.jar"), target.resolve("lscb-jobs.jar"));
    Files.copy(build.resolve("runtime-classpath.txt"), target.resolve("runtime-classpath.txt"));
    bin = Files.createDirectories(tmp.resolve("bin"));
  }

  @Test
  void runHelpOnlyPrintsHelpAndWritesNoArchive() throws Exception {
    for (List<String> args : List.of(List.of("run", "--help"), List.of("run", "--no-notebooks", "-h"))) {
      Result help = launch(System.getenv("PATH"), args);
      assertEquals(0, help.exit(), args + " exits 0; stderr: " + help.err());
      assertTrue(help.out().contains("Usage: lscb run") && help.out().contains("--no-notebooks"),
          args + " prints the run command's help with the launcher's own option: " + help.out());
      assertFalse(help.err().contains("kernel") || help.err().contains("notebook"),
          args + " goes on to nothing else (no kernel setup, no notebooks): " + help.err());
      assertFalse(Files.exists(checkout.resolve("jobs/target/lscb-cds.jsa")),
          args + " does not write the class-data archive");
    }
  }

  @Test
  void topLevelHelpListsTheLauncherCommandsToo() throws Exception {
    Result help = launch(System.getenv("PATH"), List.of("--help"));
    assertEquals(0, help.exit(), "--help exits 0; stderr: " + help.err());
    assertTrue(help.out().contains("normalise") && help.out().contains("benchmark [N]")
        && help.out().contains("test [--fast]"), "the CLI's commands and the launcher's: " + help.out());
  }

  @Test
  void benchmarkHelpPrintsHelpAndABadCountIsOneLine() throws Exception {
    Result help = launch(System.getenv("PATH"), List.of("benchmark", "--help"));
    assertEquals(0, help.exit(), "benchmark --help exits 0; stderr: " + help.err());
    assertTrue(help.out().startsWith("Usage: ./lscb benchmark [N]"), "the benchmark's help: " + help.out());
    assertFalse(help.out().contains("benchmark: pipeline"), "and no run: " + help.out());
    Result bad = launch(System.getenv("PATH"), List.of("benchmark", "many"));
    assertEquals(2, bad.exit(), "a count that is not a number is a user error (exit 2)");
    assertTrue(bad.err().lines().anyMatch(l -> l.startsWith("lscb: benchmark: N must be a whole number")),
        "one line says what N must be: " + bad.err());
  }

  @Test
  void missingJavaOrMavenIsOneClearLine() throws Exception {
    link("dirname");
    Result noJava = launch(bin.toString(), List.of("normalise"));
    assertEquals(2, noJava.exit(), "no java: exit 2");
    assertEquals(List.of("lscb: Java 17 is needed and 'java' is not on PATH: apt-get install -y openjdk-17-jdk-headless"),
        noJava.err().lines().toList(), "no java: one line saying what to install");
    script("java", "exec '" + ProcessHandle.current().info().command().orElseThrow() + "' \"$@\"");
    Result noMaven = launch(bin.toString(), List.of("test", "--fast"));
    assertEquals(2, noMaven.exit(), "no mvn: exit 2");
    assertEquals(List.of("lscb: Maven is needed to build the project and 'mvn' is not on PATH: apt-get install -y maven"),
        noMaven.err().lines().toList(), "no mvn: one line saying what to install");
  }

  @Test
  void testFailsWhenKernelSetupFailsAndFastLeavesOutTheSlowTag() throws Exception {
    // A stand-in mvn that records its arguments; building the kernel fails (this copy has no notebooks/).
    Path calls = tmp.resolve("mvn-calls.txt");
    script("mvn", "echo \"$*\" >> '" + calls + "'\ncase \"$*\" in *notebooks/pom.xml*) exit 1 ;; esac");
    String path = bin + ":" + System.getenv("PATH");

    Result failed = launch(path, List.of("test"));
    assertEquals(1, failed.exit(), "./lscb test fails when kernel setup fails; stderr: " + failed.err());
    assertTrue(failed.err().contains("lscb: test: './lscb kernel setup' failed"), "and says so: " + failed.err());
    assertFalse(Files.readString(calls).lines().anyMatch(l -> l.endsWith(" test")),
        "the tests are not run after a failed setup: " + Files.readString(calls));

    Files.delete(calls);
    Result fast = launch(path, List.of("test", "--fast", "-Dtest=X"));
    assertEquals(0, fast.exit(), "./lscb test --fast runs Maven; stderr: " + fast.err());
    assertEquals(List.of("-B -DexcludedGroups=slow -DforkCount=2 -Dtest=X test"), Files.readString(calls).lines().toList(),
        "--fast: one Maven run without the slow tag, no kernel setup, arguments passed on");
  }

  @Test
  void largeLocalInputsGetTheC2Compiler() throws Exception {
    java.util.regex.Matcher set = java.util.regex.Pattern.compile("(?m)^c2_input_bytes=(\\d+)$")
        .matcher(Files.readString(checkout.resolve("lscb")));
    assertTrue(set.find(), "the launcher names its size threshold");
    long threshold = Long.parseLong(set.group(1));
    // A stand-in java that records each command line, then runs the real one.
    Path calls = tmp.resolve("java-calls.txt");
    script("java", "echo \"$*\" >> '" + calls + "'\nexec '" + ProcessHandle.current().info().command().orElseThrow() + "' \"$@\"");
    String path = bin + ":" + System.getenv("PATH");
    for (long size : List.of(4L, threshold - 1, threshold)) {
      Path input = Files.createDirectories(tmp.resolve("input-" + size));
      try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(input.resolve("p.csv").toFile(), "rw")) {
        file.setLength(size); // sparse: no disk used
      }
      for (List<String> args : List.of(List.of("population", "--population", input.toString(), "--help"),
          List.of("population", "--population=" + input, "--help"))) {
        Files.deleteIfExists(calls);
        Result help = launch(path, args);
        assertEquals(0, help.exit(), args + " exits 0; stderr: " + help.err());
        String cli = Files.readString(calls).lines().filter(l -> l.contains("lscb.cli.Lscb")).findFirst().orElseThrow();
        assertEquals(size < threshold, cli.contains("-XX:TieredStopAtLevel=1"),
            args + " (" + size + " bytes): C1 alone below " + threshold + " bytes, C2 as well from there");
        assertEquals(size >= threshold, cli.contains("-XX:MaxNodeLimit=20000 "),
            args + " (" + size + " bytes): C2's smaller budget comes with C2");
      }
    }
  }

  /** Puts {@code tool} from PATH into bin/ as a copy. */
  private void link(String tool) throws IOException {
    for (String dir : System.getenv("PATH").split(":")) {
      Path found = Path.of(dir, tool);
      if (Files.isExecutable(found)) {
        Files.copy(found, bin.resolve(tool));
        return;
      }
    }
    throw new IllegalStateException(tool + " not found on PATH");
  }

  /** Writes an executable bash script bin/{@code name}. */
  private void script(String name, String body) throws IOException {
    Path file = bin.resolve(name);
    Files.writeString(file, "#!/bin/bash\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private Result launch(String path, List<String> args) throws Exception {
    List<String> command = new ArrayList<>(List.of("/bin/bash", checkout.resolve("lscb").toString()));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).directory(tmp.toFile())
        .redirectOutput(tmp.resolve("out.txt").toFile()).redirectError(tmp.resolve("err.txt").toFile());
    builder.environment().put("PATH", path);
    builder.environment().remove("LSCB_JAVA_OPTS");
    builder.environment().remove("LSCB_CDS");
    Process process = builder.start();
    assertTrue(process.waitFor(2, TimeUnit.MINUTES), "./lscb " + args + " finishes within 2 minutes");
    return new Result(process.exitValue(), Files.readString(tmp.resolve("out.txt")), Files.readString(tmp.resolve("err.txt")));
  }
}
