package lscb.synth;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lays the 118 accepted 2007 returns out as one JSON Lines export in submission order, with two
 * resubmissions (the earlier return superseded) and a few deliberately bad records, each either
 * for no board or an earlier submission of a board whose good return comes later.
 */
final class Files2007 {
  static final String FILE = "ofsted_lscb_survey_2007.jsonl";
  static final String TEST_NAME = "Test return - please ignore";
  private static final Instant OPENED = Instant.parse("2007-10-15T08:00:00Z");

  private Files2007() {}

  /** The file's bytes and the deliberate records. */
  record Layout(byte[] file, List<Deliberate> deliberate) {}

  static Layout layout(List<Return2007> accepted, NameVariants names, Draw d) {
    if (names.resolve(TEST_NAME) != null) {
      throw new IllegalStateException("'" + TEST_NAME + "' resolves to a board");
    }
    List<Return2007> withAnswers = accepted.stream().filter(r -> r.priorities != null).toList();
    List<Return2007> special = d.pickN(withAnswers, 5);
    for (Return2007 r : accepted) {
      int day = special.contains(r) ? d.between(25, 49) : d.between(0, 49);
      r.submitted = at(day, d);
    }
    Map<Return2007, String> why = new IdentityHashMap<>();
    List<Return2007> all = new ArrayList<>(accepted);
    Return2007 truncated = earlier(special.get(0), d);
    why.put(truncated, "rejected: the line is not JSON (an export cut off mid-record); the board submitted again later");
    Return2007 unknownCode = earlier(special.get(1), d);
    unknownCode.cdop = "IN_PROGRESS";
    why.put(unknownCode, "rejected: cdop 'IN_PROGRESS' is not a listed code; the board submitted again later");
    Return2007 five = earlier(special.get(2), d);
    List<String> more = new ArrayList<>(five.priorities);
    for (String p : Codes.PRIORITIES) {
      if (more.size() < 5 && !more.contains(p)) {
        more.add(p);
      }
    }
    five.priorities = more;
    why.put(five, "rejected: five priorities where the question allows four; the board submitted again later");
    Return2007 noFunding = earlier(special.get(3), d);
    noFunding.planned = null;
    noFunding.contributions = null;
    why.put(noFunding, "superseded: an earlier complete return without the funding breakdown, replaced by the board's later one");
    Return2007 reordered = earlier(special.get(4), d);
    reordered.priorities = d.shuffled(reordered.priorities);
    reordered.meetingsPerYear = 4;
    why.put(reordered, "superseded: an earlier complete return with other priorities order and meetings, replaced by the board's later one");
    Return2007 test = earlier(d.pick(accepted), d);
    test.lscb = TEST_NAME;
    test.boardCode = null;
    why.put(test, "rejected: lscb '" + TEST_NAME + "' matches no board in the register");
    all.addAll(List.of(truncated, unknownCode, five, noFunding, reordered, test));
    all.sort(Comparator.comparing((Return2007 r) -> r.submitted).thenComparing(r -> r.lscb));
    List<Object> lines = new ArrayList<>();
    List<Deliberate> deliberate = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      Return2007 r = all.get(i);
      r.returnId = String.format("O07-%04d", i + 1);
      String json = Writer2007.json(r);
      lines.add(r == truncated ? json.substring(0, json.indexOf("\"members\"") + 20) : r);
      if (why.containsKey(r)) {
        String[] outcome = why.get(r).split(": ", 2);
        deliberate.add(new Deliberate(FILE, i + 1, r.returnId, outcome[0], outcome[1]));
      }
    }
    return new Layout(Writer2007.bytes(lines), deliberate);
  }

  /** An earlier submission from the same board (days 0-18 of the collection, before any later one). */
  private static Return2007 earlier(Return2007 r, Draw d) {
    Return2007 copy = r.copy();
    copy.submitted = at(d.between(0, 18), d);
    return copy;
  }

  private static Instant at(int day, Draw d) {
    return OPENED.plus(day, ChronoUnit.DAYS).plus(d.between(0, 9 * 60), ChronoUnit.MINUTES)
        .plusSeconds(d.between(0, 59));
  }
}
