package lscb.kernel;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * IJava's magics before Java: line magics {@code %maven}, {@code %mavenRepo}, {@code %jars},
 * {@code %classpath}, {@code %load}, {@code %loadFromPOM} run in the order they appear between the
 * cell's code; the cell magic {@code %%loadFromPOM} takes the cell's body.
 */
final class Magics {
  /** Line magic names, for completion. */
  static final List<String> LINE = List.of("maven", "mavenRepo", "jars", "classpath", "load", "loadFromPOM");
  /** Cell magic names, for completion. */
  static final List<String> CELL = List.of("loadFromPOM");
  private static final Pattern LINE_MAGIC = Pattern.compile("^\\s*%(\\w+)(.*)$");
  private static final Pattern TYPED_MAGIC = Pattern.compile("(?m)^(\\s*)(%%?)(\\w*)$");

  private final Cells cells;
  private MavenDependencies maven;

  Magics(Cells cells) {
    this.cells = cells;
  }

  /** Runs a cell: its magics and its Java, in order; the value of its last Java snippet. */
  Object eval(String cell) throws Exception {
    String stripped = cell.stripLeading();
    if (stripped.startsWith("%%")) {
      int newline = stripped.indexOf('\n');
      String header = newline < 0 ? stripped.substring(2) : stripped.substring(2, newline);
      String body = newline < 0 ? "" : stripped.substring(newline + 1);
      String[] nameAndArgs = header.trim().split("\\s+", 2);
      if (!nameAndArgs[0].equals("loadFromPOM")) {
        throw new MagicError("%%" + nameAndArgs[0] + ": no such cell magic (there is %%loadFromPOM)");
      }
      addAll(maven().fromPom(body));
      return null;
    }
    String[] lines = cell.split("\n", -1);
    StringBuilder code = new StringBuilder();
    Object result = null;
    for (String line : lines) {
      Matcher magic = LINE_MAGIC.matcher(line);
      if (magic.matches()) {
        result = runCode(code);
        result = line(magic.group(1), magic.group(2).trim());
        code.append('\n'); // keeps line numbers of later code as in the cell
      } else {
        code.append(line).append('\n');
      }
    }
    boolean endsInJava = !code.toString().isBlank();
    Object last = runCode(code);
    return endsInJava ? last : result;
  }

  /** Evaluates the Java gathered so far (blank lines stand in for what ran before, keeping line numbers). */
  private Object runCode(StringBuilder code) throws Exception {
    String text = code.toString();
    if (text.isBlank()) {
      return null;
    }
    Object value = cells.eval(text);
    code.setLength(0);
    code.append("\n".repeat((int) text.chars().filter(c -> c == '\n').count()));
    return value;
  }

  private Object line(String name, String args) throws Exception {
    switch (name) {
      case "maven" -> {
        for (String coordinates : words(name, args)) {
          addAll(maven().resolve(coordinates));
        }
      }
      case "mavenRepo" -> {
        List<String> words = words(name, args);
        if (words.size() != 2) {
          throw new MagicError("%mavenRepo takes an id and a URL, e.g. %mavenRepo central https://repo1.maven.org/maven2/");
        }
        maven().addRepository(words.get(0), words.get(1));
      }
      case "jars" -> {
        for (String pattern : words(name, args)) {
          List<String> jars = glob(pattern).stream().filter(p -> p.endsWith(".jar")).toList();
          if (jars.isEmpty()) {
            throw new MagicError("%jars " + pattern + ": no jar matches");
          }
          addAll(jars);
        }
      }
      case "classpath" -> {
        for (String pattern : words(name, args)) {
          List<String> entries = glob(pattern);
          if (entries.isEmpty()) {
            throw new MagicError("%classpath " + pattern + ": nothing matches");
          }
          addAll(entries);
        }
      }
      case "load" -> {
        return load(Path.of(single(name, args)));
      }
      case "loadFromPOM" -> addAll(maven().fromPom(Files.readString(Path.of(single(name, args)))));
      default -> throw new MagicError("%" + name + ": no such magic (there are %" + String.join(", %", LINE) + ")");
    }
    return null;
  }

  /** Runs a .jsh/.jshell script (which may hold magics) or declares a .java file's types. */
  private Object load(Path file) throws Exception {
    if (!Files.isRegularFile(file)) {
      throw new MagicError("%load " + file + ": no such file (relative paths start in " + Path.of("").toAbsolutePath() + ")");
    }
    String text = Files.readString(file);
    if (file.toString().endsWith(".java")) {
      text = text.replaceFirst("(?m)^\\s*package\\s+[\\w.]+\\s*;", ""); // JShell declares types without a package
    }
    return eval(text);
  }

  private void addAll(List<String> entries) {
    entries.forEach(cells::addToClasspath);
  }

  private MavenDependencies maven() {
    if (maven == null) {
      maven = new MavenDependencies();
    }
    return maven;
  }

  private static List<String> words(String magic, String args) {
    List<String> words = new ArrayList<>();
    for (String word : args.trim().split("\\s+")) {
      if (!word.isEmpty()) {
        words.add(word);
      }
    }
    if (words.isEmpty()) {
      throw new MagicError("%" + magic + " needs an argument");
    }
    return words;
  }

  private static String single(String magic, String args) {
    List<String> words = words(magic, args);
    if (words.size() != 1) {
      throw new MagicError("%" + magic + " takes one file");
    }
    return words.get(0);
  }

  /** The existing files and folders a glob (*, ?, **, [..]) matches, sorted; a plain path as it is. */
  static List<String> glob(String pattern) {
    Path path = Path.of(pattern.startsWith("~/") ? System.getProperty("user.home") + pattern.substring(1) : pattern)
        .toAbsolutePath().normalize();
    if (!pattern.matches(".*[*?\\[].*")) {
      return Files.exists(path) ? List.of(path.toString()) : List.of();
    }
    Path base = path.getRoot();
    int depth = 0;
    boolean deep = false;
    for (Path part : path) {
      String text = part.toString();
      if (depth == 0 && !text.matches(".*[*?\\[].*")) {
        base = base.resolve(part);
      } else {
        depth++;
        deep |= text.contains("**");
      }
    }
    if (!Files.isDirectory(base)) {
      return List.of();
    }
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + path);
    try (Stream<Path> files = Files.walk(base, deep ? Integer.MAX_VALUE : depth)) {
      return files.filter(matcher::matches).map(Path::toString).sorted().toList();
    } catch (IOException e) {
      throw new MagicError("cannot list " + base + ": " + e.getMessage());
    }
  }

  /** Completion of magic names when the cursor is in "%name" or "%%name" at the start of a line; else null. */
  static Cells.Completion complete(String code, int cursor) {
    int lineStart = code.lastIndexOf('\n', cursor - 1) + 1;
    Matcher typed = TYPED_MAGIC.matcher(code.substring(lineStart, cursor));
    if (!typed.matches()) {
      return null;
    }
    boolean cell = typed.group(2).equals("%%");
    String prefix = typed.group(3);
    List<String> names = (cell ? CELL : LINE).stream().filter(n -> n.startsWith(prefix))
        .map(n -> typed.group(2) + n).toList();
    return new Cells.Completion(names, lineStart + typed.group(1).length(), cursor);
  }

  /** A magic used wrongly or failing: one line for the notebook. */
  static final class MagicError extends RuntimeException {
    MagicError(String message) {
      super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }
}
