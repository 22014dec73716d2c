package lscb.synth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lays the 109 accepted 2006 returns out as a main batch and a late batch, with Refs, plus a few
 * deliberately bad rows (each for a board whose good row is elsewhere, or for no board at all).
 */
final class Files2006 {
  static final String MAIN = "dfes_lscb_review_2006.csv";
  static final String LATE = "dfes_lscb_review_2006_late.csv";
  static final String NO_SUCH_BOARD = "Thames Valley";

  private Files2006() {}

  /** The files' bytes by name, and the deliberate records. */
  record Layout(Map<String, byte[]> files, List<Deliberate> deliberate) {}

  static Layout layout(List<Return2006> accepted, NameVariants names, Draw d) {
    if (names.resolve(NO_SUCH_BOARD) != null) {
      throw new IllegalStateException(NO_SUCH_BOARD + " resolves to a board; pick another bad name");
    }
    List<Return2006> main = new ArrayList<>(accepted.subList(0, 97));
    List<Return2006> late = new ArrayList<>(accepted.subList(97, accepted.size()));
    // Corrected rows re-sent in the late batch: the main batch holds the broken originals.
    Return2006 tbc = late.get(0).copy();
    tbc.moneyText[3] = "tbc";
    Return2006 commas = late.get(1).copy();
    commas.chairPostText = "Assistant Director, Safeguarding";
    Return2006 unknown = d.pick(accepted).copy();
    unknown.lscbName = NO_SUCH_BOARD;
    unknown.region = "South East";
    unknown.boardCode = null;
    Map<Return2006, String> why = new LinkedHashMap<>();
    why.put(tbc, "Police contribution 'tbc' is not an amount (the board's corrected row is in the late batch)");
    why.put(commas, "Chair Post holds an unquoted comma, so the row has 15 fields, not 14 "
        + "(the board's corrected row is in the late batch)");
    why.put(unknown, "LSCB Name '" + NO_SUCH_BOARD + "' (a police area) matches no board in the register");
    for (Return2006 bad : why.keySet()) {
      main.add(d.between(5, main.size() - 5), bad);
    }
    int next = 1;
    for (Return2006 r : main) {
      r.ref = String.format("D06-%03d", next++);
    }
    for (Return2006 r : late) {
      r.ref = String.format("D06-%03d", next++);
    }
    commas.verbatim = Writer2006.unquoted(commas);
    Return2006 original = main.get(d.between(10, 40));
    while (why.containsKey(original)) {
      original = main.get(main.indexOf(original) + 1);
    }
    Return2006 resent = original.copy();
    late.add(d.between(2, late.size()), resent);
    why.put(resent, "Ref " + original.ref + " repeats a row of " + MAIN
        + " (the same return sent again in the late batch; the first row is the board's return)");
    List<Deliberate> deliberate = new ArrayList<>();
    for (Map.Entry<Return2006, String> e : why.entrySet()) {
      boolean inMain = main.contains(e.getKey());
      int line = (inMain ? main : late).indexOf(e.getKey()) + 2;
      deliberate.add(new Deliberate(inMain ? MAIN : LATE, line, e.getKey().ref, "rejected", e.getValue()));
    }
    deliberate.sort(java.util.Comparator.comparing(Deliberate::file).thenComparingInt(Deliberate::line));
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(MAIN, Writer2006.bytes(main));
    files.put(LATE, Writer2006.bytes(late));
    return new Layout(files, deliberate);
  }
}
