package lscb.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.Arrays;
import org.apache.hadoop.fs.FSDataInputStream;

/**
 * The lines a split owns, as bytes without their '\n': those starting in [start, end). A whole file
 * also yields the empty piece after a final '\n' (as {@code String.split("\n", -1)} does), which a
 * quoted CSV record left open at the end takes in.
 */
final class SplitLines implements AutoCloseable {
  private final InputStream in;
  private final long end;
  private final boolean whole;
  private final byte[] chunk = new byte[1 << 16];
  private int chunkPos;
  private int chunkLen;
  private long position;
  private boolean more = true;
  byte[] buffer = new byte[1024];
  int length;

  SplitLines(FSDataInputStream stream, TextSplits.Split split, boolean whole) throws IOException {
    this.in = stream;
    this.end = split.end();
    this.whole = whole;
    this.position = split.start();
    if (split.start() > 0) {
      // The line running into this split belongs to the split before: skip through its '\n'.
      stream.seek(split.start() - 1);
      position = split.start() - 1;
      int b;
      while ((b = read()) >= 0 && b != '\n') {
        // skipping
      }
      if (b < 0) {
        more = false;
      }
    }
  }

  /** Reads the next owned line into buffer/length; false when there is none. */
  boolean next() throws IOException {
    if (!more || (!whole && position >= end)) {
      return false;
    }
    length = 0;
    while (true) {
      if (chunkPos == chunkLen && !fill()) {
        more = false;
        // A split that is not the whole file does not yield the empty piece after a final '\n'.
        return whole || length > 0;
      }
      // Copy up to the next '\n' in the chunk at once (a line may run on into the next chunk).
      int from = chunkPos;
      int to = from;
      while (to < chunkLen && chunk[to] != '\n') {
        to++;
      }
      int piece = to - from;
      if (length + piece > buffer.length) {
        buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + piece));
      }
      System.arraycopy(chunk, from, buffer, length, piece);
      length += piece;
      position += piece;
      if (to < chunkLen) {
        chunkPos = to + 1;
        position++;
        return true;
      }
      chunkPos = chunkLen;
    }
  }

  /** The current line decoded, without a trailing '\r' (and without a leading BOM on a file's first line). */
  String text(Charset charset, boolean firstOfFile) {
    String text = new String(buffer, 0, length, charset);
    if (text.endsWith("\r")) {
      text = text.substring(0, text.length() - 1);
    }
    return firstOfFile && !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
  }

  private int read() throws IOException {
    if (chunkPos == chunkLen && !fill()) {
      return -1;
    }
    position++;
    return chunk[chunkPos++] & 0xFF;
  }

  /** Reads the next chunk of the stream; false at its end. */
  private boolean fill() throws IOException {
    chunkLen = Math.max(0, in.read(chunk, 0, chunk.length));
    chunkPos = 0;
    return chunkLen > 0;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
