package lscb.synth;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.List;

/** The 2006 spreadsheet export: Windows-1252, CRLF, header row, Excel quoting, 14 columns. */
final class Writer2006 {
  static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  static final String HEADER = "Ref,LSCB Name,Region,Chair Type,Chair Post,Meetings per year,"
      + "Budget 2006-07,LA contribution,PCT contribution,Police contribution,Other contributions,"
      + "YOS rep?,Connexions rep?,Cafcass rep?";

  private Writer2006() {}

  /** The file's bytes for these rows, in order. */
  static byte[] bytes(List<Return2006> rows) {
    StringBuilder text = new StringBuilder(HEADER).append("\r\n");
    for (Return2006 row : rows) {
      if (row.verbatim != null) {
        text.append(row.verbatim);
      } else {
        String[] cells = row.cells();
        for (int i = 0; i < cells.length; i++) {
          text.append(i == 0 ? "" : ",").append(Csv.quote(cells[i]));
        }
      }
      text.append("\r\n");
    }
    try {
      ByteBuffer encoded = WINDOWS_1252.newEncoder().onUnmappableCharacter(CodingErrorAction.REPORT)
          .onMalformedInput(CodingErrorAction.REPORT).encode(CharBuffer.wrap(text));
      byte[] out = new byte[encoded.remaining()];
      encoded.get(out);
      return out;
    } catch (CharacterCodingException e) {
      throw new IllegalStateException("a 2006 cell has a character Windows-1252 cannot hold", e);
    }
  }

  /** The unquoted line of a row (for a deliberately malformed row that forgot its quotes). */
  static String unquoted(Return2006 row) {
    return String.join(",", row.cells());
  }
}
