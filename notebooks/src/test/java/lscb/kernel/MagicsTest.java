package lscb.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The magics kernel_client_test does not use, in-process: %mavenRepo (a file:// repository),
 * %loadFromPOM FILE, and %load of a .java file. The local repository is a temporary one
 * (maven.repo.local), so ~/.m2 is neither read for these artifacts nor written.
 */
class MagicsTest {
  @TempDir
  Path tmp;

  @Test
  void mavenRepoAddsARepositoryAndLoadFromPomReadsAFile() throws Exception {
    Path remote = tmp.resolve("remote");
    publish(remote, "fromrepo", "FromRepo");
    publish(remote, "frompom", "FromPom");
    Path pom = tmp.resolve("deps.xml");
    Files.writeString(pom, "<project><modelVersion>4.0.0</modelVersion><groupId>demo.lscb</groupId>"
        + "<artifactId>notebook</artifactId><version>1</version>"
        + "<repositories><repository><id>remote</id><url>" + remote.toUri() + "</url></repository></repositories>"
        + "<dependencies><dependency><groupId>demo.lscb</groupId><artifactId>frompom</artifactId>"
        + "<version>1.0</version></dependency></dependencies></project>");
    String before = System.getProperty("maven.repo.local");
    System.setProperty("maven.repo.local", tmp.resolve("local").toString());
    try (Kernel kernel = TestKernels.start(); Kernel other = TestKernels.start()) {
      assertThrows(RuntimeException.class, () -> kernel.eval("%maven demo.lscb:fromrepo:1.0"),
          "the artifact is in no repository the kernel knows yet");
      assertEquals("hello from FromRepo", text(kernel, "%mavenRepo remote " + remote.toUri()
          + "\n%maven demo.lscb:fromrepo:1.0\ndemo.FromRepo.hello()"), "%maven found it in the %mavenRepo repository");
      assertEquals("hello from FromPom", text(other, "%loadFromPOM " + pom + "\ndemo.FromPom.hello()"),
          "%loadFromPOM FILE added the POM's repository and its dependency");
    } finally {
      if (before == null) {
        System.clearProperty("maven.repo.local");
      } else {
        System.setProperty("maven.repo.local", before);
      }
    }
  }

  @Test
  void loadDeclaresTheTypesOfAJavaFile() throws Exception {
    Path file = tmp.resolve("Helper.java");
    Files.writeString(file, "package demo.helpers;\n\nimport java.util.List;\n\n"
        + "public class Helper {\n  public static int total(List<Integer> xs) {"
        + " return xs.stream().mapToInt(Integer::intValue).sum(); }\n}\n");
    try (Kernel kernel = TestKernels.start()) {
      assertEquals("6", text(kernel, "%load " + file + "\nHelper.total(List.of(1, 2, 3))"),
          "the .java file's class, declared without its package, is usable in the cell");
    }
  }

  private static String text(Kernel kernel, String cell) {
    return (String) kernel.eval(cell).getData(MIMEType.TEXT_PLAIN);
  }

  /** demo.lscb:ARTIFACT:1.0 in a Maven repository folder: a jar holding demo.NAME (hello()) and its POM. */
  private void publish(Path repo, String artifact, String name) throws Exception {
    Path src = tmp.resolve("src").resolve(name + ".java");
    Files.createDirectories(src.getParent());
    Files.writeString(src, "package demo; public class " + name + " { public static String hello() {"
        + " return \"hello from " + name + "\"; } }");
    Path classes = tmp.resolve("classes-" + name);
    int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), src.toString());
    assertEquals(0, status, "javac compiles " + name);
    Path folder = Files.createDirectories(repo.resolve("demo/lscb/" + artifact + "/1.0"));
    try (OutputStream out = Files.newOutputStream(folder.resolve(artifact + "-1.0.jar"));
        JarOutputStream jar = new JarOutputStream(out)) {
      jar.putNextEntry(new JarEntry("demo/" + name + ".class"));
      jar.write(Files.readAllBytes(classes.resolve("demo/" + name + ".class")));
      jar.closeEntry();
    }
    Files.writeString(folder.resolve(artifact + "-1.0.pom"), "<project><modelVersion>4.0.0</modelVersion>"
        + "<groupId>demo.lscb</groupId><artifactId>" + artifact + "</artifactId><version>1.0</version></project>");
    for (String file : new String[] {artifact + "-1.0.jar", artifact + "-1.0.pom"}) {
      Files.writeString(folder.resolve(file + ".sha1"), sha1(folder.resolve(file))); // as a real repository has
    }
  }

  private static String sha1(Path file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(Files.readAllBytes(file)));
  }
}
