package lscb.quality;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The problems found in one input record, as an array of (field, raw_value, reason) built from
 * column expressions: a record is accepted only when the array is empty.
 */
public final class Problems {
  /** The type of one problem. */
  public static final StructType PROBLEM = new StructType()
      .add("field", DataTypes.StringType).add("raw_value", DataTypes.StringType)
      .add("reason", DataTypes.StringType);
  /** The type of a record's problems column. */
  public static final ArrayType TYPE = DataTypes.createArrayType(PROBLEM, true);

  private final List<Column> single = new ArrayList<>();
  private final List<Column> arrays = new ArrayList<>();

  /** Adds a problem on {@code field} when {@code bad} holds. */
  public Problems when(Column bad, String field, Column rawValue, Column reason) {
    single.add(org.apache.spark.sql.functions.when(bad, problem(lit(field), rawValue, reason)));
    return this;
  }

  /** Adds a problem with a fixed reason on {@code field} when {@code bad} holds. */
  public Problems when(Column bad, String field, Column rawValue, String reason) {
    return when(bad, field, rawValue, lit(reason));
  }

  /** Adds an array of problems computed elsewhere (e.g. one per bad map entry). */
  public Problems all(Column problemArray) {
    arrays.add(problemArray);
    return this;
  }

  /** The problems column. */
  public Column column() {
    List<Column> parts = new ArrayList<>();
    parts.add(array_compact(array(single.isEmpty()
        ? new Column[] {lit(null).cast(PROBLEM)} : single.toArray(Column[]::new))));
    parts.addAll(arrays);
    return parts.size() == 1 ? parts.get(0) : concat(parts.toArray(Column[]::new));
  }

  /** One problem value. */
  public static Column problem(Column field, Column rawValue, Column reason) {
    return struct(field.cast(DataTypes.StringType).as("field"),
        rawValue.cast(DataTypes.StringType).as("raw_value"), reason.as("reason"));
  }

  /** Appends one more conditional problem to an existing problems column. */
  public static Column append(Column problems, Column bad, Column field, Column rawValue, Column reason) {
    return concat(problems, array_compact(array(org.apache.spark.sql.functions.when(bad,
        problem(field, rawValue, reason)))));
  }
}
