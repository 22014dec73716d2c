package lscb.kernel;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.Suggestion;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/** Java cells on JShell: state kept between cells, one snippet at a time, the last value returned. */
final class Cells implements AutoCloseable {
  /** Imports every cell starts with. */
  static final List<String> DEFAULT_IMPORTS = List.of(
      "import java.util.*;", "import java.util.function.*;", "import java.util.stream.*;",
      "import java.nio.file.*;", "import java.time.*;", "import static lscb.kernel.Notebook.*;");

  private final DirectEngine engine = new DirectEngine();
  private final JShell shell;
  private final SourceCodeAnalysis analysis;
  private final ProjectJavadoc projectJavadoc = ProjectJavadoc.fromEnvironment();

  /** A JShell whose compiler sees the given classpath (normally the kernel JVM's own). */
  Cells(String classpath) {
    this(classpath, List.of());
  }

  /** The same with options for the compiler (JJAVA_COMPILER_OPTS), e.g. --enable-preview. */
  Cells(String classpath, List<String> compilerOptions) {
    shell = JShell.builder().executionEngine(engine, Map.of())
        .compilerOptions(compilerOptions.toArray(String[]::new)).build();
    shell.addToClasspath(classpath);
    analysis = shell.sourceCodeAnalysis();
    for (String line : DEFAULT_IMPORTS) {
      shell.eval(line).stream().filter(e -> e.status() == Snippet.Status.REJECTED).findAny().ifPresent(e -> {
        throw new IllegalStateException("the kernel's default import failed: " + line);
      });
    }
  }

  /**
   * Runs a cell and returns the value of its last snippet if that is an expression, else null.
   * A compile error throws {@link CompileError}; a runtime failure rethrows the user's own exception.
   */
  Object eval(String cell) throws Exception {
    Object result = null;
    String rest = cell;
    while (!rest.isBlank()) {
      CompletionInfo info = analysis.analyzeCompletion(rest);
      if (info.completeness() == Completeness.EMPTY) {
        break;
      }
      int start = cell.length() - rest.length();
      if (!info.completeness().isComplete()) {
        result = evalSnippet(rest, cell, start);
        break;
      }
      start += Math.max(0, rest.indexOf(searchKey(info.source())));
      result = evalSnippet(info.source(), cell, start);
      rest = info.remaining();
    }
    return result;
  }

  private Object evalSnippet(String source, String cell, int start) throws Exception {
    engine.reset();
    List<SnippetEvent> events = shell.eval(source);
    Object result = null;
    for (SnippetEvent event : events) {
      if (event.causeSnippet() != null) {
        continue; // an update of a dependent snippet, not this one
      }
      Snippet snippet = event.snippet();
      if (event.exception() != null) {
        throw failure(event.exception());
      }
      switch (event.status()) {
        case REJECTED -> throw new CompileError(diagnostics(snippet, cell, start));
        case RECOVERABLE_NOT_DEFINED -> throw new CompileError(unresolved(snippet));
        default -> { }
      }
      result = isValue(snippet) ? engine.value() : null;
    }
    return result;
  }

  private static boolean isValue(Snippet snippet) {
    return snippet.kind() == Snippet.Kind.EXPRESSION
        || snippet instanceof VarSnippet && snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
  }

  private Exception failure(JShellException exception) {
    Throwable thrown = engine.thrown();
    if (exception instanceof EvalException && thrown != null) {
      return thrown instanceof Exception e ? e : new JavaError((Error) thrown);
    }
    if (exception instanceof UnresolvedReferenceException unresolved) {
      return new CompileError(unresolved(unresolved.getSnippet()));
    }
    return exception;
  }

  private String unresolved(Snippet snippet) {
    List<String> missing = snippet instanceof jdk.jshell.DeclarationSnippet declaration
        ? shell.unresolvedDependencies(declaration).collect(Collectors.toList()) : List.of();
    return firstLine(snippet.source()).strip() + ": cannot find symbol"
        + (missing.isEmpty() ? "" : (missing.size() > 1 ? "s " : " ") + String.join(", ", missing));
  }

  /** The compiler's errors, each with its line number in the cell, the line and a caret. */
  private String diagnostics(Snippet snippet, String cell, int start) {
    List<String> messages = new ArrayList<>();
    shell.diagnostics(snippet).filter(Diag::isError).forEach(diag -> {
      int at = start + (int) Math.max(0, diag.getStartPosition());
      at = Math.min(at, cell.length());
      int lineStart = cell.lastIndexOf('\n', at - 1) + 1;
      int lineEnd = cell.indexOf('\n', at);
      String line = cell.substring(lineStart, lineEnd < 0 ? cell.length() : lineEnd);
      int lineNumber = (int) cell.substring(0, lineStart).chars().filter(c -> c == '\n').count() + 1;
      messages.add("line " + lineNumber + ": " + diag.getMessage(null) + "\n    " + line + "\n    "
          + " ".repeat(Math.max(0, at - lineStart)) + "^");
    });
    return messages.isEmpty() ? "the cell does not compile" : String.join("\n", messages);
  }

  /** Completions at the cursor: the replacements and the start of the text they replace. */
  Completion complete(String code, int cursor) {
    int start = snippetStart(code, cursor);
    int[] anchor = new int[1];
    List<Suggestion> suggestions = analysis.completionSuggestions(code.substring(start), cursor - start, anchor);
    Set<String> ordered = new LinkedHashSet<>();
    suggestions.stream().filter(Suggestion::matchesType).forEach(s -> ordered.add(s.continuation()));
    suggestions.forEach(s -> ordered.add(s.continuation()));
    return new Completion(List.copyOf(ordered), start + anchor[0], cursor);
  }

  /** The replacements offered at a cursor, replacing code[from, to). */
  record Completion(List<String> replacements, int from, int to) {}

  /** Adds jars or folders to what cells compile against and load from. */
  void addToClasspath(String entry) {
    shell.addToClasspath(entry);
  }

  /**
   * Signatures and javadoc of what is under the cursor, wherever in an identifier it is (javadoc
   * comes from the JDK's src.zip, e.g. Debian's openjdk-17-source, and from sources on the classpath).
   */
  String documentation(String code, int cursor, boolean detail) {
    int end = cursor;
    while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
      end++;
    }
    int start = snippetStart(code, end);
    String source = code.substring(start, end);
    List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(source, end - start, true);
    if (docs.isEmpty()) { // a method name without its call: JShell documents it inside "name("
      docs = analysis.documentation(source + "(", end - start + 1, true);
    }
    return docs.stream()
        .map(doc -> doc.signature() + javadoc(doc).map(text -> "\n\n" + text).orElse(""))
        .collect(Collectors.joining("\n\n"));
  }

  /** JShell's javadoc (the JDK's sources), else the project's own for lscb classes. */
  private java.util.Optional<String> javadoc(SourceCodeAnalysis.Documentation doc) {
    if (doc.javadoc() != null && !doc.javadoc().isBlank()) {
      return java.util.Optional.of(doc.javadoc());
    }
    return projectJavadoc.forSignature(doc.signature());
  }

  /** "complete", "invalid", or "incomplete" for code a console would send. */
  String completeness(String code) {
    String rest = code;
    while (!rest.isBlank()) {
      CompletionInfo info = analysis.analyzeCompletion(rest);
      switch (info.completeness()) {
        case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE:
          return "incomplete";
        case UNKNOWN:
          return "invalid";
        case EMPTY:
          return "complete";
        default:
          rest = info.remaining();
      }
    }
    return "complete";
  }

  /** The offset where the snippet holding the cursor starts. */
  private int snippetStart(String code, int cursor) {
    int start = 0;
    String rest = code.substring(0, cursor);
    while (!rest.isBlank()) {
      CompletionInfo info = analysis.analyzeCompletion(rest);
      if (!info.completeness().isComplete() || info.remaining().isBlank()) {
        break;
      }
      start += rest.length() - info.remaining().length();
      rest = info.remaining();
    }
    return start;
  }

  /** The start of a snippet's first line as the user typed it (JShell may append a semicolon). */
  private static String searchKey(String source) {
    String key = firstLine(source);
    key = key.endsWith(";") ? key.substring(0, key.length() - 1) : key;
    return key.substring(0, Math.min(key.length(), 40));
  }

  private static String firstLine(String source) {
    String stripped = source.stripLeading();
    int newline = stripped.indexOf('\n');
    return newline < 0 ? stripped : stripped.substring(0, newline);
  }

  @Override
  public void close() {
    shell.close();
  }
}
