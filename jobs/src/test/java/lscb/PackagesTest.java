package lscb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lscb.cli.Lscb;
import org.junit.jupiter.api.Test;

/**
 * No import cycle between the project's packages, as the JDK's own jdeps reads them from the compiled
 * classes: stages import the plumbing (lscb.io) and the schemas, and only the orchestration (lscb.run)
 * and the command line import the stages. The same check by hand:
 * {@code jdeps -verbose:package -e 'lscb\..*' jobs/target/classes}.
 */
class PackagesTest {
  private static final Pattern EDGE = Pattern.compile("^\\s+(lscb(?:\\.\\w+)*)\\s+->\\s+(lscb(?:\\.\\w+)*)\\s");

  @Test
  void noImportCycleBetweenPackages() throws URISyntaxException {
    Map<String, Set<String>> imports = packageImports();
    assertTrue(imports.getOrDefault("lscb.analysis", Set.of()).contains("lscb.schema"),
        "jdeps sees the packages' imports (analysis -> schema): " + imports);
    List<List<String>> cycles = new ArrayList<>();
    for (String from : imports.keySet()) {
      List<String> path = new ArrayList<>(List.of(from));
      if (cycle(imports, from, path, new TreeSet<>())) {
        cycles.add(path);
      }
    }
    assertEquals(List.of(), cycles, "package import cycles (each: a package, what it imports, ..., back to it)");
  }

  /** Package -> the lscb packages its classes use, from jdeps -verbose:package over the compiled classes. */
  static Map<String, Set<String>> packageImports() throws URISyntaxException {
    Path classes = Path.of(Lscb.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new IllegalStateException("no jdeps in this JDK"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = jdeps.run(new PrintWriter(out), new PrintWriter(err), "-verbose:package", "-e", "lscb\\..*",
        classes.toString());
    assertEquals(0, exit, "jdeps exits 0: " + err);
    Map<String, Set<String>> imports = new TreeMap<>();
    for (String line : out.toString().lines().toList()) {
      Matcher edge = EDGE.matcher(line);
      if (edge.find() && !edge.group(1).equals(edge.group(2))) {
        imports.computeIfAbsent(edge.group(1), p -> new TreeSet<>()).add(edge.group(2));
      }
    }
    return imports;
  }

  /** True when a path of imports leads from the last package of {@code path} back to its first; path holds it. */
  private static boolean cycle(Map<String, Set<String>> imports, String start, List<String> path, Set<String> seen) {
    String at = path.get(path.size() - 1);
    for (String next : imports.getOrDefault(at, Set.of())) {
      if (next.equals(start)) {
        path.add(next);
        return true;
      }
      if (seen.add(next)) {
        path.add(next);
        if (cycle(imports, start, path, seen)) {
          return true;
        }
        path.remove(path.size() - 1);
      }
    }
    return false;
  }
}
