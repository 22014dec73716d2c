package lscb.kernel;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.zeromq.ZMQ;

/**
 * jjava's connection with {@link GuardedShellChannel}s for shell and control (bad signatures and
 * replays dropped), an iopub queue without a message limit (output is never dropped), and the
 * "abort the queue" signal the kernel raises after a failed cell.
 */
final class GuardedConnection extends JupyterConnection {
  private static final int SEEN_SIGNATURES = 100_000;

  private final KernelConnectionProperties properties;
  private final ZMQ.Context context = ZMQ.context(1);
  private final GuardedShellChannel guardedShell;
  private final GuardedShellChannel guardedControl;
  private final Set<String> seen = Collections.newSetFromMap(new LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
      return size() > SEEN_SIGNATURES;
    }
  });
  private volatile boolean closed;

  GuardedConnection(KernelConnectionProperties properties) throws Exception {
    super(properties);
    this.properties = properties;
    SigningKey key = SigningKey.of(properties);
    guardedShell = new GuardedShellChannel(context, key, false, this);
    guardedControl = new GuardedShellChannel(context, key, true, this);
  }

  @Override
  public void connect() {
    iopub.setSndHWM(0); // no limit: a cell printing fast must not lose output
    heartbeat.bind(properties);
    guardedShell.bind(properties);
    guardedControl.bind(properties);
    stdin.bind(properties);
    iopub.bind(properties);
    iopub.sendMessage(new Message<>(null, PublishStatus.MESSAGE_TYPE, PublishStatus.STARTING));
  }

  /** True the first time a signature is seen on shell or control; false for a replay. */
  synchronized boolean firstSighting(String signature) {
    return seen.add(signature);
  }

  /**
   * Takes the execute requests already queued on the shell channel, to be answered "aborted" after
   * the failed cell's reply. Called by the failed cell's handler, before its reply goes out, so a
   * request the client sends after seeing that reply is never aborted.
   */
  void requestAbort() {
    guardedShell.holdQueued();
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    guardedShell.close();
    guardedControl.close();
    super.close();
    context.close();
  }

  @Override
  public void waitUntilClose() {
    guardedShell.waitUntilClose();
    guardedControl.waitUntilClose();
  }
}
