package lscb.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The non-blank records of one split (TextSplits.SCHEMA rows), streamed: each with the number of the
 * line it starts on, counted from the split's first line. A quoted CSV record runs on over further lines
 * while its quotes are unbalanced.
 */
final class SplitRecords implements Iterator<Row> {
  private final SplitLines in;
  private final TextSplits.Split split;
  private final Charset decoding;
  private final boolean quotedCsv;
  private final String problem;
  private final long skip;
  private Row next;
  private long line;

  /**
   * @param problem the file's problem, carried on every record (null = none)
   * @param skip records starting at or before this line are left out (a header)
   */
  SplitRecords(SplitLines in, TextSplits.Split split, Charset decoding, boolean quotedCsv, String problem,
      long skip) {
    this.in = in;
    this.split = split;
    this.decoding = decoding;
    this.quotedCsv = quotedCsv;
    this.problem = problem;
    this.skip = skip;
    this.line = split.firstLine() - 1;
  }

  @Override
  public boolean hasNext() {
    try {
      while (next == null) {
        if (!in.next()) {
          in.close();
          return false;
        }
        String record = in.text(decoding, line == 0);
        long start = ++line;
        if (start <= skip) {
          continue;
        }
        if (quotedCsv) {
          record = runOn(record);
        }
        if (!record.isBlank()) {
          next = RowFactory.create(split.name(), start, record, problem);
        }
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + split.path(), e);
    }
  }

  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Row row = next;
    next = null;
    return row;
  }

  /** The record with the lines that follow it joined on while its quotes are unbalanced. */
  private String runOn(String record) throws IOException {
    StringBuilder joined = new StringBuilder(record);
    int quotes = quotes(record);
    while (quotes % 2 == 1 && in.next()) {
      String more = in.text(decoding, false);
      line++;
      quotes += quotes(more);
      joined.append('\n').append(more);
    }
    return joined.toString();
  }

  private static int quotes(String text) {
    int count = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '"') {
        count++;
      }
    }
    return count;
  }
}
