package lscb.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel through real Jupyter clients in Python (Debian's python3-jupyter-client and
 * python3-jupyter-kernel-test): Jupyter's own kernel test suite, then the protocol and features
 * a researcher meets (src/test/python/kernel_client_test.py). Each Python test prints its result.
 */
@Tag("slow") // 1-2 minutes: four kernels and a Spark session; left out by ./lscb test --fast
class JupyterProtocolTest {
  static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final Path TESTS = Path.of("src/test/python").toAbsolutePath();

  @TempDir
  static Path tmp;
  private static Path jupyterPath;

  @BeforeAll
  static void installKernel() throws Exception {
    assertTrue(Files.isExecutable(PYTHON), PYTHON + " is needed: ./lscb kernel setup installs it");
    jupyterPath = tmp.resolve("jupyter");
    new KernelSpec(KernelSpec.currentJava(), sparkFlags(), List.of(TestKernels.classpath().split(":")), Map.of())
        .install(jupyterPath);
  }

  /** Spark's JVM flags as surefire got them, and a heap for the kernel. */
  static List<String> sparkFlags() {
    List<String> options = new ArrayList<>();
    for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (argument.startsWith("--add-opens") || argument.startsWith("-XX:+IgnoreUnrecognized")
          || argument.startsWith("-Djdk.reflect") || argument.startsWith("-Dio.netty")) {
        options.add(argument);
      }
    }
    options.add("-Xmx1g");
    return options;
  }

  /**
   * The only tests a module may skip: jupyter_kernel_test skips its history test (this kernel keeps no
   * history; history_request gets an empty list) and its pager test (no pager payloads). Anything else
   * skipped, e.g. after a code sample was emptied, fails.
   */
  private static final Map<String, Set<String>> MAY_SKIP = Map.of(
      "kernel_test_suite", Set.of("test_history", "test_pager"),
      "kernel_client_test", Set.of());

  private static void unittest(String module, int minutes) throws Exception {
    Path log = tmp.resolve(module + ".log");
    ProcessBuilder builder = new ProcessBuilder(PYTHON.toString(), "-m", "unittest", "-v", module)
        .directory(TESTS.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("JUPYTER_PATH", jupyterPath.toString());
    builder.environment().put("LSCB_TEST_TMP", tmp.toString());
    Process process = builder.start();
    boolean ended = process.waitFor(minutes, TimeUnit.MINUTES);
    if (!ended) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
    String output = Files.readString(log);
    System.out.println(output);
    assertTrue(ended, module + " finishes within " + minutes + " minutes:\n" + output);
    assertEquals(0, process.exitValue(), module + " passes (python3 -m unittest exit 0):\n" + output);
    assertTrue(output.contains("OK"), "unittest reports OK:\n" + output);
    List<String> skipped = output.lines().filter(line -> line.contains(" ... skipped"))
        .map(line -> line.strip().split(" ", 2)[0]).filter(test -> !MAY_SKIP.get(module).contains(test)).toList();
    assertEquals(List.of(), skipped, module + " skips no test it could run:\n" + output);
  }

  @Test
  void jupytersOwnKernelTestSuitePasses() throws Exception {
    unittest("kernel_test_suite", 5);
  }

  @Test
  void aRealClientSeesInterruptsBatchedOutputGuardedChannelsMagicsAndDisplays() throws Exception {
    unittest("kernel_client_test", 15);
  }
}
