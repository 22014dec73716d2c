package lscb.kernel;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishClearOutput;
import org.dflib.jjava.jupyter.messages.publish.PublishDisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.publish.PublishUpdateDisplayData;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;

/** The project's Java kernel: Java cells on JShell, rendered for notebooks. */
public final class Kernel extends BaseKernel implements AutoCloseable {
  /** The kernelspec name notebooks and nbconvert refer to. */
  public static final String NAME = "lscb-java";
  static final String DISPLAY_NAME = "Java (LSCB)";
  static final String VERSION = "0.1.0";

  private final Cells cells;
  private final Magics magics;
  private final Execution execution;
  private final CellOutput output = new CellOutput();
  private GuardedConnection connection;
  /** The execute request being answered: where display(...) sends its messages. */
  private volatile ShellReplyEnvironment current;

  /** A kernel whose cells compile against the given classpath (normally java.class.path), configured as is. */
  public Kernel(String classpath) {
    this(classpath, KernelConfig.fromEnvironment());
  }

  /** A kernel with a configuration (compiler options, extra classpath, startup scripts, timeout). */
  public Kernel(String classpath, KernelConfig config) {
    super(NAME, VERSION, languageInfo(), helpLinks(), null, new JupyterIO(StandardCharsets.UTF_8),
        new CommManager(), new Renderer(), null, new MagicsRegistry(), false,
        new StringStyler("", "", "", line -> ""));
    this.cells = new Cells(classpath, config.compilerOptions());
    this.magics = new Magics(cells);
    this.execution = new Execution(config.timeoutMs());
    config.extraClasspath().forEach(cells::addToClasspath);
    for (String script : config.startupScripts()) {
      try {
        magics.eval(script); // a startup script may use magics, e.g. %maven
      } catch (Exception e) {
        throw new IllegalStateException("a startup script failed (JJAVA_STARTUP_SCRIPT/_PATH): " + e, e);
      }
    }
  }

  private static List<HelpLink> helpLinks() {
    return List.of(new HelpLink("Java 17 API", "https://docs.oracle.com/en/java/javase/17/docs/api/"),
        new HelpLink("JShell", "https://docs.oracle.com/en/java/javase/17/jshell/"));
  }

  /** The language_info notebooks get: Java highlighting in nbconvert's HTML. */
  static LanguageInfo languageInfo() {
    return new LanguageInfo("java", Runtime.version().toString(), "text/x-java-source", ".java", "java",
        "text/x-java", "script");
  }

  @Override
  public Object evalRaw(String source) {
    try {
      return magics.eval(source);
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
  public void becomeHandlerForConnection(JupyterConnection connection) {
    super.becomeHandlerForConnection(connection);
    if (connection instanceof GuardedConnection guarded) {
      this.connection = guarded;
    }
  }

  /** Runs a cell on the worker thread, its output batched, then answers as ipykernel does. */
  @Override
  protected void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
    commManager.setMessageContext(message);
    ExecuteRequest request = message.getContent();
    int count = request.isSilent() ? executionCount.get() : executionCount.getAndIncrement();
    env.setBusyDeferIdle();
    env.publish(new PublishExecuteInput(request.getCode(), count));
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    current = env;
    output.attach(env::writeToStdOut, env::writeToStdErr);
    System.setOut(output.stdout);
    System.setErr(output.stderr);
    try {
      DisplayData result = (DisplayData) execution.run(() -> eval(request.getCode()));
      output.flush();
      if (result != null && !request.isSilent()) {
        env.publish(new PublishExecuteResult(count, result));
      }
      env.defer().reply(new ExecuteReply(count, Map.of()));
    } catch (Exception e) {
      output.flush();
      ErrorReply error = ErrorReply.of(e);
      error.setExecutionCount(count);
      env.publish(PublishError.of(e, this::formatError));
      env.defer().replyError(ExecuteReply.MESSAGE_TYPE.error(), error);
      if (request.shouldStopOnError() && connection != null) {
        connection.requestAbort();
      }
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
      output.attach(null, null);
      current = null;
    }
  }

  /** Shows display data now, after the text printed before it. */
  @Override
  public void display(DisplayData data) {
    ShellReplyEnvironment env = current;
    if (env != null) {
      output.flush();
      env.publish(new PublishDisplayData(data));
    }
  }

  /** Replaces what an earlier display with this id shows. */
  void updateDisplay(String id, DisplayData data) {
    ShellReplyEnvironment env = current;
    if (env != null) {
      output.flush();
      DisplayData update = new DisplayData(data);
      update.setDisplayId(id);
      env.publish(new PublishUpdateDisplayData(update));
    }
  }

  /** Clears the cell's output, now or (wait) when the next output arrives. */
  void clearOutput(boolean wait) {
    ShellReplyEnvironment env = current;
    if (env != null) {
      output.flush();
      env.publish(wait ? PublishClearOutput.BEFORE_NEXT_OUTPUT : PublishClearOutput.NOW);
    }
  }

  @Override
  protected void handleKernelInfoRequest(ShellReplyEnvironment env, Message<KernelInfoRequest> message) {
    env.setBusyDeferIdle();
    env.reply(new Replies.KernelInfo(Header.PROTOCOL_VERISON, NAME, VERSION, getLanguageInfo(), getBanner(),
        getHelpLinks()));
  }

  @Override
  protected void handleHistoryRequest(ShellReplyEnvironment env, Message<HistoryRequest> message) {
    env.setBusyDeferIdle();
    env.reply(new Replies.History());
  }

  /** Stops the running cell (interrupt_mode "message"); variables and the Spark session stay. */
  @Override
  public void interrupt() {
    execution.interrupt();
  }

  @Override
  public DisplayData inspect(String code, int at, boolean extraDetail) {
    String documentation = cells.documentation(code, at, extraDetail);
    return documentation.isEmpty() ? null : new DisplayData(documentation);
  }

  @Override
  public ReplacementOptions complete(String code, int at) {
    Cells.Completion completion = Magics.complete(code, at);
    if (completion == null) {
      completion = cells.complete(code, at);
    }
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
    execution.close();
    output.close();
    cells.close();
  }
}
