package lscb.synth;

/**
 * One row of the 2006 DfES spreadsheet: every cell as written (null or "" = blank), plus the
 * values the cells stand for, kept for the self-check.
 */
final class Return2006 {
  String ref;
  String boardCode;
  String lscbName;
  String region;
  /** Canonical chair type (LOCAL_AUTHORITY, OTHER_STATUTORY, INDEPENDENT) and its spelling. */
  String chairType;
  String chairTypeText;
  String chairPostText;
  Integer meetings;
  Long budget;
  Long la;
  Long pct;
  Long police;
  Long other;
  /** Currency text of each money cell, as written (budget, LA, PCT, police, other). */
  String[] moneyText = {"", "", "", "", ""};
  String yos;
  String connexions;
  String cafcass;
  /** A deliberately malformed row is written exactly as this text instead of from the cells. */
  String verbatim;

  /** The row's 14 cells, in the export's column order. */
  String[] cells() {
    return new String[] {ref, lscbName, region, chairTypeText, chairPostText,
        meetings == null ? "" : meetings.toString(), moneyText[0], moneyText[1], moneyText[2],
        moneyText[3], moneyText[4], yos, connexions, cafcass};
  }

  /** A copy of the row's cells and values. */
  Return2006 copy() {
    Return2006 c = new Return2006();
    c.ref = ref;
    c.boardCode = boardCode;
    c.lscbName = lscbName;
    c.region = region;
    c.chairType = chairType;
    c.chairTypeText = chairTypeText;
    c.chairPostText = chairPostText;
    c.meetings = meetings;
    c.budget = budget;
    c.la = la;
    c.pct = pct;
    c.police = police;
    c.other = other;
    c.moneyText = moneyText.clone();
    c.yos = yos;
    c.connexions = connexions;
    c.cafcass = cafcass;
    c.verbatim = verbatim;
    return c;
  }

  /** Sum of the contributions answered. */
  long contributionsTotal() {
    long sum = 0;
    for (Long v : new Long[] {la, pct, police, other}) {
      sum += v == null ? 0 : v;
    }
    return sum;
  }
}
