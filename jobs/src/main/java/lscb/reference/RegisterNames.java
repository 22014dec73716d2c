package lscb.reference;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lscb.io.CsvText;
import lscb.io.UserError;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/** The register's names read on the driver (three small files), to refuse an ambiguous register before any job. */
final class RegisterNames {
  private RegisterNames() {}

  /** A name as written in one of the register's files, and the board it names. */
  private record Name(String name, String file, String board) {}

  /**
   * Fails with one plain line (exit 2) when two names of the register (board names, council names,
   * aliases) have the same {@link NameKey} but name different boards: it names both and their boards.
   */
  static void requireUnambiguous(SparkSession spark, String boards, String councils, String aliases) {
    Map<String, String> boardNames = new HashMap<>();
    for (List<String> row : rows(spark, boards)) {
      boardNames.put(field(row, BoardRegister.BOARDS_CSV, "board_code"), field(row, BoardRegister.BOARDS_CSV, "board_name"));
    }
    Map<String, Name> byKey = new HashMap<>();
    add(spark, byKey, boardNames, boards, BoardRegister.BOARDS_CSV, "board_name");
    add(spark, byKey, boardNames, councils, BoardRegister.COUNCILS_CSV, "council_name");
    add(spark, byKey, boardNames, aliases, BoardRegister.ALIASES_CSV, "alias");
  }

  private static void add(SparkSession spark, Map<String, Name> byKey, Map<String, String> boardNames, String file,
      StructType schema, String column) {
    for (List<String> row : rows(spark, file)) {
      Name name = new Name(field(row, schema, column), file, field(row, schema, "board_code"));
      String key = NameKey.of(name.name());
      if (key == null || key.isEmpty() || name.board() == null) {
        continue;
      }
      Name earlier = byKey.putIfAbsent(key, name);
      if (earlier != null && !earlier.board().equals(name.board())) {
        throw new UserError(file + ": the board register is ambiguous: the " + (column.equals("alias") ? "alias" : "name")
            + " '" + name.name() + "' of board " + board(name, boardNames) + " matches '" + earlier.name() + "' ("
            + new Path(earlier.file()).getName() + ") of board " + board(earlier, boardNames)
            + "; a name must resolve to one board only: remove or correct the alias in board_aliases.csv");
      }
    }
  }

  private static String board(Name name, Map<String, String> boardNames) {
    String title = boardNames.get(name.board());
    return name.board() + (title == null ? "" : " (" + title + ")");
  }

  private static String field(List<String> row, StructType schema, String column) {
    int index = schema.fieldIndex(column);
    String value = index < row.size() ? row.get(index).trim() : "";
    return value.isEmpty() ? null : value;
  }

  private static List<List<String>> rows(SparkSession spark, String file) {
    Path path = new Path(file);
    try (InputStream in = path.getFileSystem(spark.sparkContext().hadoopConfiguration()).open(path)) {
      return CsvText.rows(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UserError(file + ": cannot be read (" + e.getMessage() + ")");
    }
  }
}
