package lscb.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Javadoc of the project's own classes (lscb.*), read from the checkout's sources (LSCB_ROOT), for
 * inspection: JShell itself only reads the JDK's src.zip.
 */
final class ProjectJavadoc {
  private static final Pattern QUALIFIED = Pattern.compile("\\b(lscb(?:\\.[a-z]\\w*)*)\\.([A-Z]\\w*)(?:\\.(\\w+))?");
  private static final Pattern COMMENT = Pattern.compile("/\\*\\*(.*?)\\*/", Pattern.DOTALL);
  private static final List<String> SOURCE_FOLDERS = List.of("jobs/src/main/java", "notebooks/src/main/java");

  private final Path root;

  ProjectJavadoc(Path root) {
    this.root = root;
  }

  /** The checkout: LSCB_ROOT, else the first parent of the working folder holding jobs/src/main/java. */
  static ProjectJavadoc fromEnvironment() {
    String env = System.getenv("LSCB_ROOT");
    Path root = env != null && !env.isBlank() ? Path.of(env) : null;
    for (Path p = Path.of("").toAbsolutePath(); root == null && p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve(SOURCE_FOLDERS.get(0)))) {
        root = p;
      }
    }
    return new ProjectJavadoc(root);
  }

  /** The javadoc of the project class or member a JShell signature names, if its source is found. */
  Optional<String> forSignature(String signature) {
    if (root == null) {
      return Optional.empty();
    }
    Matcher name = QUALIFIED.matcher(signature);
    if (!name.find()) {
      return Optional.empty();
    }
    String member = name.group(3);
    for (String folder : SOURCE_FOLDERS) {
      Path source = root.resolve(folder).resolve(name.group(1).replace('.', '/')).resolve(name.group(2) + ".java");
      if (Files.isRegularFile(source)) {
        try {
          return find(Files.readString(source), name.group(2), member);
        } catch (IOException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  /** The comment right before the declaration of the type (member null) or of the member. */
  static Optional<String> find(String source, String type, String member) {
    Pattern declaration = member == null
        ? Pattern.compile("\\b(class|record|interface|enum)\\s+" + Pattern.quote(type) + "\\b")
        : Pattern.compile("\\b" + Pattern.quote(member) + "\\s*[(=;]");
    Matcher comment = COMMENT.matcher(source);
    while (comment.find()) {
      int end = comment.end();
      int next = nextBoundary(source, end);
      if (declaration.matcher(source.substring(end, next)).find()) {
        return Optional.of(clean(comment.group(1)));
      }
    }
    return Optional.empty();
  }

  private static int nextBoundary(String source, int from) {
    int end = source.length();
    for (char c : new char[] {'{', ';'}) {
      int at = source.indexOf(c, from);
      if (at >= 0 && at < end) {
        end = at + 1;
      }
    }
    return end;
  }

  private static String clean(String comment) {
    StringBuilder text = new StringBuilder();
    for (String line : comment.split("\n")) {
      String stripped = line.strip();
      stripped = stripped.startsWith("*") ? stripped.substring(1).strip() : stripped;
      if (!stripped.isEmpty()) {
        text.append(text.length() == 0 ? "" : "\n").append(stripped);
      }
    }
    return text.toString();
  }
}
