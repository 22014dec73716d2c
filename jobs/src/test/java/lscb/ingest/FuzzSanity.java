package lscb.ingest;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/** What a return record that passed every check may hold: codes from the lists, numbers in bounds. */
final class FuzzSanity {
  private FuzzSanity() {}

  /** Fails unless every parsed value of a record without problems is sane. */
  static void requireSane(Row r, String what) {
    assertNotNull(r.getAs("board_code"), what + ": a valid return resolves to a board");
    String ref = r.getAs("return_ref");
    assertTrue(ref != null && !ref.isBlank(), what + ": a valid return has its reference");
    code(r, "chair_type", Codes.CHAIR_TYPES, what);
    code(r, "chair_post", Codes.CHAIR_POSTS, what);
    code(r, "lead_member", Codes.LEAD_MEMBER, what);
    code(r, "cdop", Codes.CDOP, what);
    for (Returns2007Reader.WholeNumber whole : Returns2007Reader.WHOLE_NUMBERS) {
      String field = whole.field();
      int most = whole.most();
      String column = switch (field) {
        case "chair.boards_chaired" -> "chair_boards_chaired";
        case "serious_case_reviews.commissioned" -> "scr_commissioned";
        case "serious_case_reviews.completed" -> "scr_completed";
        default -> field;
      };
      if (has(r, column) && r.getAs(column) != null) {
        int n = r.<Integer>getAs(column);
        assertTrue(n >= 0 && n <= most, what + ": " + column + " " + n + " within 0.." + most);
      }
    }
    BigDecimal budget = null;
    for (String column : List.of("budget_2006_07", "planned_2007_08", "expenditure_2006_07")) {
      if (has(r, column) && r.getAs(column) != null) {
        budget = r.getAs(column);
        amount(budget, what + ": " + column);
      }
    }
    Map<String, BigDecimal> contributions = r.getAs("contributions") == null ? Map.of()
        : r.getJavaMap(r.fieldIndex("contributions"));
    BigDecimal total = BigDecimal.ZERO;
    for (Map.Entry<String, BigDecimal> e : contributions.entrySet()) {
      assertTrue(Codes.CONTRIBUTORS.contains(e.getKey()), what + ": contributor " + e.getKey() + " is a code");
      amount(e.getValue(), what + ": contribution " + e.getKey());
      total = total.add(e.getValue());
    }
    BigDecimal stated = has(r, "expenditure_2006_07") && r.getAs("expenditure_2006_07") != null
        ? r.getAs("expenditure_2006_07") : budget;
    if (stated != null && !contributions.isEmpty()) {
      assertTrue(total.compareTo(stated.multiply(new BigDecimal("1.01")).add(BigDecimal.ONE)) <= 0,
          what + ": contributions " + total + " within the budget " + stated);
    }
    Map<String, Boolean> members = r.getAs("members") == null ? Map.of() : r.getJavaMap(r.fieldIndex("members"));
    members.forEach((k, v) -> {
      assertTrue(Codes.MEMBERS.contains(k), what + ": member " + k + " is a code");
      assertNotNull(v, what + ": member " + k + " answered true or false");
    });
    codes(r, "priorities", Codes.PRIORITIES, what);
    codes(r, "highest_costs", Codes.HIGHEST_COSTS, what);
    if (has(r, "subgroups") && r.getAs("subgroups") != null) {
      List<String> subgroups = r.getList(r.fieldIndex("subgroups"));
      assertTrue(subgroups.stream().allMatch(s -> s != null && !s.isBlank()), what + ": subgroups given " + subgroups);
    }
    if (has(r, "submitted") && r.getAs("submitted") != null) {
      Timestamp t = r.getAs("submitted");
      assertTrue(!t.toInstant().isBefore(Returns2007Reader.FIRST_SUBMISSION)
          && t.toInstant().isBefore(Returns2007Reader.AFTER_LAST), what + ": submitted " + t + " in the survey window");
    }
  }

  private static boolean has(Row r, String column) {
    return List.of(r.schema().fieldNames()).contains(column);
  }

  private static void code(Row r, String column, List<String> codes, String what) {
    String value = r.getAs(column);
    assertTrue(value == null || codes.contains(value), what + ": " + column + " '" + value + "' is a code or null");
  }

  private static void codes(Row r, String column, List<String> codes, String what) {
    if (!has(r, column) || r.getAs(column) == null) {
      return;
    }
    List<String> values = r.getList(r.fieldIndex(column));
    assertTrue(values.size() <= 4 && values.stream().distinct().count() == values.size()
        && values.stream().allMatch(codes::contains), what + ": " + column + " " + values + " up to four codes");
  }

  private static void amount(BigDecimal value, String what) {
    assertTrue(value.signum() >= 0 && value.compareTo(Amounts.PLAUSIBLE) <= 0, what + " " + value
        + " within £0..£100m");
  }
}
