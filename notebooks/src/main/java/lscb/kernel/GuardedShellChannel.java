package lscb.kernel;

import java.util.ArrayList;
import java.util.List;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZMQ;

/**
 * jjava's shell (or control) channel with a loop that survives bad clients: a message with a bad
 * signature, a replayed signature or unreadable JSON is logged and dropped, never ending the channel.
 * After an execute request failed, the execute requests queued before its reply are answered "aborted".
 */
final class GuardedShellChannel extends ShellChannel {
  private static final Logger LOG = LoggerFactory.getLogger(GuardedShellChannel.class);

  private final ZMQ.Context context;
  private final SigningKey key;
  private final boolean control;
  private final GuardedConnection connection;
  private volatile boolean running;
  private Thread loop;
  private ZMQ.Poller poller;
  /** Messages taken off the queue when a cell failed, answered after its reply (loop thread only). */
  private final List<Message<?>> held = new ArrayList<>();

  GuardedShellChannel(ZMQ.Context context, SigningKey key, boolean control, GuardedConnection connection) {
    super(context, key, control, connection);
    this.context = context;
    this.key = key;
    this.control = control;
    this.connection = connection;
  }

  @Override
  public void bind(KernelConnectionProperties properties) {
    String address = properties.getTransport() + "://" + properties.getIp() + ":"
        + (control ? properties.getControlPort() : properties.getShellPort());
    bind(address);
    poller = context.poller(1);
    poller.register(this, ZMQ.Poller.POLLIN);
    running = true;
    loop = new Thread(() -> {
      while (running) {
        try {
          if (poller.poll(100) > 0) {
            handle(read());
            abortHeld();
          }
        } catch (org.zeromq.ZMQException e) {
          if (running) {
            LOG.warn("{} channel: {}", name(), e.getMessage());
          }
        } catch (RuntimeException e) {
          LOG.warn("{} channel: message dropped: {}", name(), e.toString());
        }
      }
    }, control ? "lscb-control" : "lscb-shell");
    loop.setDaemon(true);
    loop.start();
  }

  private String name() {
    return control ? "control" : "shell";
  }

  /** The next message, or null for one that is badly signed, replayed or unreadable (logged). */
  private Message<?> read() {
    Message<?> message;
    try {
      message = readMessage();
    } catch (SecurityException e) {
      LOG.warn("{} channel: dropped a message with an invalid signature", name());
      return null;
    } catch (RuntimeException e) {
      LOG.warn("{} channel: dropped an unreadable message: {}", name(), e.toString());
      return null;
    }
    String signature = key.lastSignature();
    if (signature != null && !connection.firstSighting(signature)) {
      LOG.warn("{} channel: dropped a replayed message (signature seen before)", name());
      return null;
    }
    return message;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void handle(Message<?> message) {
    if (message == null) {
      return;
    }
    ShellHandler handler = connection.getHandler(message.getHeader().getType());
    if (handler == null) {
      LOG.warn("{} channel: no handler for {}", name(), message.getHeader().getType().getName());
      return;
    }
    ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
    try {
      handler.handle(env, message);
    } catch (Exception e) {
      LOG.warn("{} channel: {} failed: {}", name(), message.getHeader().getType().getName(), e.toString());
    } finally {
      env.resolveDeferrals();
    }
    if (env.isMarkedForShutdown()) {
      connection.close();
    }
  }

  /**
   * Takes the messages waiting in the queue now, to be answered by {@link #abortHeld()}. Called on
   * the loop thread, by a failed execute request's handler before its reply is sent.
   */
  void holdQueued() {
    if (Thread.currentThread() != loop) {
      return; // a socket belongs to its loop thread: only a handler on this channel may read it
    }
    while (running && poller.poll(0) > 0) {
      Message<?> message = read();
      if (message != null) {
        held.add(message);
      }
    }
  }

  /** Answers the held execute requests "aborted"; other held requests are handled as usual. */
  private void abortHeld() {
    List<Message<?>> messages = new ArrayList<>(held);
    held.clear();
    for (Message<?> message : messages) {
      if (message.getHeader().getType() == MessageType.EXECUTE_REQUEST) {
        ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
        env.setBusyDeferIdle();
        env.reply(new Replies.Aborted());
        env.resolveDeferrals();
      } else {
        handle(message);
      }
    }
  }

  @Override
  public void close() {
    running = false;
    super.close();
  }

  @Override
  public void waitUntilClose() {
    try {
      if (loop != null) {
        loop.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
