package lscb.testing;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * Seeded byte-level mutations of input files, as a careless or hostile data provider would send them.
 * The seed is {@code -Dlscb.fuzz.seed=N} (default {@link #DEFAULT_SEED}), so a run is reproducible and
 * a fresh fuzz is one flag away.
 */
public final class Fuzz {
  /** The seed CI uses. */
  public static final long DEFAULT_SEED = 20071102L;
  /** A field long enough to trip any fixed-size buffer: 200,000 characters. */
  public static final int LONG_FIELD = 200_000;

  private Fuzz() {}

  /** The seed of this run. */
  public static long seed() {
    return Long.getLong("lscb.fuzz.seed", DEFAULT_SEED);
  }

  /** A random source for one named part of the fuzz (the same seed gives each part the same stream). */
  public static Random random(String part) {
    return new Random(seed() * 31 + part.hashCode());
  }

  /** A named mutation of a file's bytes. */
  public record Mutation(String name, BiFunction<byte[], Random, byte[]> apply) {}

  /** Every kind of byte-level mutation, each on its own, and a mix of two or three. */
  public static List<Mutation> mutations() {
    List<Mutation> single = List.of(
        new Mutation("flipped-bytes", Fuzz::flipBytes),
        new Mutation("truncated", Fuzz::truncate),
        new Mutation("duplicated-lines", Fuzz::duplicateLines),
        new Mutation("shuffled-lines", Fuzz::shuffleLines),
        new Mutation("stray-quotes", Fuzz::strayQuotes),
        new Mutation("nul-byte", Fuzz::nulByte),
        new Mutation("long-field", Fuzz::longField),
        new Mutation("lost-crs", Fuzz::lostCrs));
    List<Mutation> all = new ArrayList<>(single);
    all.add(new Mutation("mixed", (bytes, random) -> {
      byte[] out = bytes;
      int n = 2 + random.nextInt(2);
      for (int i = 0; i < n; i++) {
        Mutation m = single.get(random.nextInt(single.size()));
        if (!m.name().equals("nul-byte")) {
          out = m.apply().apply(out, random);
        }
      }
      return out;
    }));
    return all;
  }

  static byte[] flipBytes(byte[] bytes, Random random) {
    byte[] out = bytes.clone();
    int n = 1 + random.nextInt(8);
    for (int i = 0; i < n && out.length > 0; i++) {
      out[random.nextInt(out.length)] ^= (byte) (1 + random.nextInt(255));
    }
    return out;
  }

  static byte[] truncate(byte[] bytes, Random random) {
    return Arrays.copyOf(bytes, bytes.length == 0 ? 0 : random.nextInt(bytes.length));
  }

  static byte[] duplicateLines(byte[] bytes, Random random) {
    List<byte[]> lines = lines(bytes);
    int n = 1 + random.nextInt(4);
    for (int i = 0; i < n && !lines.isEmpty(); i++) {
      int at = random.nextInt(lines.size());
      lines.add(random.nextInt(lines.size() + 1), lines.get(at));
    }
    return join(lines);
  }

  static byte[] shuffleLines(byte[] bytes, Random random) {
    List<byte[]> lines = lines(bytes);
    // Usually the header stays on top (a re-sorted export); sometimes it moves too.
    if (random.nextBoolean() && lines.size() > 1) {
      Collections.shuffle(lines.subList(1, lines.size()), random);
    } else {
      Collections.shuffle(lines, random);
    }
    return join(lines);
  }

  static byte[] strayQuotes(byte[] bytes, Random random) {
    byte[] out = bytes;
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      out = insert(out, random.nextInt(out.length + 1), new byte[] {'"'});
    }
    return out;
  }

  static byte[] nulByte(byte[] bytes, Random random) {
    return insert(bytes, random.nextInt(bytes.length + 1), new byte[] {0});
  }

  /** 200,000 characters (digits, letters or a mix) inside a random line, next to a field separator. */
  static byte[] longField(byte[] bytes, Random random) {
    String alphabet = switch (random.nextInt(3)) {
      case 0 -> "0123456789";
      case 1 -> "abcdefghijklmnopqrstuvwxyz";
      default -> "0123456789,.£k-x ";
    };
    StringBuilder field = new StringBuilder(LONG_FIELD);
    for (int i = 0; i < LONG_FIELD; i++) {
      field.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    byte[] text = field.toString().replace("£", "").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    List<Integer> separators = new ArrayList<>();
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == ',' || bytes[i] == ':') {
        separators.add(i + 1);
      }
    }
    int at = separators.isEmpty() ? random.nextInt(bytes.length + 1)
        : separators.get(random.nextInt(separators.size()));
    return insert(bytes, at, text);
  }

  static byte[] lostCrs(byte[] bytes, Random random) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
    boolean all = random.nextBoolean();
    for (byte b : bytes) {
      if (b != '\r' || (!all && random.nextBoolean())) {
        out.write(b);
      }
    }
    return out.toByteArray();
  }

  /** The lines of a file, each with its line ending. */
  public static List<byte[]> lines(byte[] bytes) {
    List<byte[]> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        lines.add(Arrays.copyOfRange(bytes, start, i + 1));
        start = i + 1;
      }
    }
    if (start < bytes.length) {
      lines.add(Arrays.copyOfRange(bytes, start, bytes.length));
    }
    return lines;
  }

  static byte[] join(List<byte[]> lines) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    lines.forEach(out::writeBytes);
    return out.toByteArray();
  }

  static byte[] insert(byte[] bytes, int at, byte[] what) {
    byte[] out = new byte[bytes.length + what.length];
    System.arraycopy(bytes, 0, out, 0, at);
    System.arraycopy(what, 0, out, at, what.length);
    System.arraycopy(bytes, at, out, at + what.length, bytes.length - at);
    return out;
  }

  /** A random text of up to {@code max} characters from a hostile alphabet (controls, quotes, emoji). */
  public static String oddText(Random random, int max) {
    String[] pieces = {"a", "Z", "0", "9", ",", "\"", "'", "\\", " ", "\t", "\u0000", "\u0001", "\u00a3",
        "\u00e9", "\ud83d\ude00", "\u202e", "-", ".", "e", "k", "{", "}", "[", "]", "\r", "\n"};
    StringBuilder out = new StringBuilder();
    int n = random.nextInt(max + 1);
    for (int i = 0; i < n; i++) {
      out.append(pieces[random.nextInt(pieces.length)]);
    }
    return out.toString();
  }

  /** A random run of 1 to {@code max} digits, sometimes with a sign, a point or an exponent. */
  public static String oddNumber(Random random, int max) {
    StringBuilder out = new StringBuilder(random.nextInt(4) == 0 ? "-" : "");
    out.append(1 + random.nextInt(9));
    int n = random.nextInt(max);
    for (int i = 0; i < n; i++) {
      out.append(random.nextInt(10));
    }
    switch (random.nextInt(4)) {
      case 0 -> out.append('.').append(random.nextInt(1000));
      case 1 -> out.append('e').append(random.nextInt(400));
      default -> { }
    }
    return out.toString();
  }
}
