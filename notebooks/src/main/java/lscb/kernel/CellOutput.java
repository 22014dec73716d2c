package lscb.kernel;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A cell's stdout and stderr, batched: text is sent as one stream message per short interval (and
 * when a cell ends or shows a display), so a cell printing fast neither floods iopub nor loses text.
 */
final class CellOutput implements AutoCloseable {
  /** How long printed text may wait before it is sent. */
  static final long INTERVAL_MS = 50;
  /** A batch this big is sent at once, from the printing thread. */
  private static final int MAX_BATCH = 1 << 20;

  private final Batch out = new Batch();
  private final Batch err = new Batch();
  /** System.out and System.err while a cell runs. */
  final PrintStream stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
  final PrintStream stderr = new PrintStream(err, true, StandardCharsets.UTF_8);
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "lscb-output");
    thread.setDaemon(true);
    return thread;
  });

  CellOutput() {
    timer.scheduleWithFixedDelay(this::flush, INTERVAL_MS, INTERVAL_MS, TimeUnit.MILLISECONDS);
  }

  /** Sends printed text to these sinks from now on (null: hold it). */
  void attach(Consumer<String> stdoutSink, Consumer<String> stderrSink) {
    out.attach(stdoutSink);
    err.attach(stderrSink);
  }

  /** Sends what is waiting, stdout first. */
  void flush() {
    out.send();
    err.send();
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }

  /** Bytes waiting to be sent; sent as text cut at a whole UTF-8 character. */
  private static final class Batch extends OutputStream {
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private Consumer<String> sink;

    synchronized void attach(Consumer<String> target) {
      send();
      sink = target;
    }

    @Override
    public synchronized void write(int b) {
      pending.write(b);
      sendIfFull();
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
      pending.write(bytes, offset, length);
      sendIfFull();
    }

    private void sendIfFull() {
      if (pending.size() >= MAX_BATCH) {
        send();
      }
    }

    synchronized void send() {
      if (sink == null || pending.size() == 0) {
        return;
      }
      byte[] bytes = pending.toByteArray();
      int end = wholeCharacters(bytes);
      pending.reset();
      pending.write(bytes, end, bytes.length - end);
      if (end > 0) {
        sink.accept(new String(bytes, 0, end, StandardCharsets.UTF_8));
      }
    }

    /** The length of the longest prefix that does not end inside a UTF-8 sequence. */
    private static int wholeCharacters(byte[] bytes) {
      int i = bytes.length;
      int back = 0;
      while (i > 0 && back < 4 && (bytes[i - 1] & 0xC0) == 0x80) {
        i--;
        back++;
      }
      if (i == 0) {
        return bytes.length;
      }
      int lead = bytes[i - 1] & 0xFF;
      int size = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
      return size > back + 1 ? i - 1 : bytes.length;
    }
  }
}
