package lscb.kernel;

import java.lang.reflect.Method;
import java.util.Map;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/** Runs snippets in the kernel's own JVM and keeps the real value or exception of the last one. */
final class DirectEngine implements ExecutionControlProvider {
  private final Control control = new Control();

  @Override
  public String name() {
    return "lscb-direct";
  }

  @Override
  public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
    return control;
  }

  /** Forgets the previous snippet's value and exception. */
  void reset() {
    control.value = null;
    control.thrown = null;
  }

  /** The object the last snippet evaluated to (null for statements and declarations without one). */
  Object value() {
    return control.value;
  }

  /** The exception the last snippet threw, as the user's code threw it; null if none. */
  Throwable thrown() {
    return control.thrown;
  }

  /** Direct execution that captures objects instead of only their strings. */
  private static final class Control extends DirectExecutionControl {
    private Object value;
    private Throwable thrown;

    @Override
    protected String invoke(Method doit) throws Exception {
      // Snippet classes live in JShell's loader: make it the context loader so libraries that
      // load classes by name (Spark's encoders and serializers) can see classes cells declare.
      Thread thread = Thread.currentThread();
      ClassLoader previous = thread.getContextClassLoader();
      thread.setContextClassLoader(doit.getDeclaringClass().getClassLoader());
      try {
        value = doit.invoke(null);
        // JShell only shows this string; the kernel renders the object itself, so skip toString().
        return "";
      } finally {
        thread.setContextClassLoader(previous);
      }
    }

    @Override
    protected String throwConvertedInvocationException(Throwable cause)
        throws RunException, InternalException {
      thrown = cause;
      return super.throwConvertedInvocationException(cause);
    }
  }
}
