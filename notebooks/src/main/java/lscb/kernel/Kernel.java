package lscb.kernel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;

/** The project's Java kernel: Java cells on JShell, rendered for notebooks. */
public final class Kernel extends BaseKernel implements AutoCloseable {
  /** The kernelspec name notebooks and nbconvert refer to. */
  public static final String NAME = "lscb-java";
  static final String DISPLAY_NAME = "Java (LSCB)";
  static final String VERSION = "0.1.0";

  private final Cells cells;

  /** A kernel whose cells compile against the given classpath (normally java.class.path). */
  public Kernel(String classpath) {
    super(NAME, VERSION, languageInfo(), List.of(), null, new JupyterIO(StandardCharsets.UTF_8),
        new CommManager(), new Renderer(), null, new MagicsRegistry(), false,
        new StringStyler("", "", "", line -> ""));
    this.cells = new Cells(classpath);
  }

  /** The language_info notebooks get: Java highlighting in nbconvert's HTML. */
  static LanguageInfo languageInfo() {
    return new LanguageInfo("java", Runtime.version().toString(), "text/x-java-source", ".java", "java",
        "text/x-java", "script");
  }

  @Override
  public Object evalRaw(String source) {
    try {
      return cells.eval(source);
    } catch (Exception e) {
      throw Kernel.<RuntimeException>unchecked(e);
    }
  }

  /** Rethrows a checked exception as it is, so Jupyter reports the user's own exception type. */
  @SuppressWarnings("unchecked")
  private static <T extends Exception> T unchecked(Exception e) throws T {
    throw (T) e;
  }

  @Override
  public DisplayData eval(String source) {
    return Renderers.render(evalRaw(source));
  }

  @Override
  public DisplayData inspect(String code, int at, boolean extraDetail) {
    String documentation = cells.documentation(code, at, extraDetail);
    return documentation.isEmpty() ? null : new DisplayData(documentation);
  }

  @Override
  public ReplacementOptions complete(String code, int at) {
    Cells.Completion completion = cells.complete(code, at);
    return new ReplacementOptions(completion.replacements(), completion.from(), completion.to());
  }

  @Override
  public String isComplete(String code) {
    return switch (cells.completeness(code)) {
      case "complete" -> IS_COMPLETE_YES;
      case "invalid" -> IS_COMPLETE_BAD;
      default -> "";
    };
  }

  /** The error as the user's code raised it: "Type: message" and the cell's frames, not JShell's. */
  @Override
  public List<String> formatError(Throwable error) {
    Throwable shown = error instanceof JavaError ? error.getCause() : error;
    List<String> lines = new ArrayList<>();
    if (shown instanceof CompileError) {
      lines.add("Compile error:");
      lines.addAll(List.of(shown.getMessage().split("\n")));
      return lines;
    }
    for (Throwable t = shown; t != null && lines.size() < 200; t = t.getCause() == t ? null : t.getCause()) {
      lines.add((t == shown ? "" : "Caused by: ") + t);
      addFrames(t.getStackTrace(), lines);
    }
    return lines;
  }

  /** The frames up to the first of JShell's own, repeats (deep recursion) folded into one line. */
  private static void addFrames(StackTraceElement[] frames, List<String> lines) {
    int repeats = 0;
    for (int i = 0; i < frames.length && !isKernelFrame(frames[i]); i++) {
      if (i > 0 && frames[i].equals(frames[i - 1])) {
        repeats++;
        continue;
      }
      if (repeats > 0) {
        lines.add("\t... the frame above repeated " + repeats + " more times");
        repeats = 0;
      }
      lines.add("\tat " + frames[i]);
    }
    if (repeats > 0) {
      lines.add("\t... the frame above repeated " + repeats + " more times");
    }
  }

  private static boolean isKernelFrame(StackTraceElement frame) {
    String type = frame.getClassName();
    return type.startsWith("jdk.internal.reflect.") || type.startsWith("java.lang.reflect.")
        || type.startsWith("jdk.jshell.") || type.startsWith("lscb.kernel.");
  }

  @Override
  public void close() {
    cells.close();
  }
}
