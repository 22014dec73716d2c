package lscb.synth;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks that the drawn returns are valid input: names resolve, codes are listed, money adds up. */
final class Consistency {
  private Consistency() {}

  static void check(List<Return2006> y2006, List<Return2007> y2007, Register register, NameVariants names) {
    Set<String> boards = new HashSet<>();
    for (Return2006 r : y2006) {
      require(r.boardCode.equals(names.resolve(r.lscbName)), "2006 name '" + r.lscbName + "' does not resolve to " + r.boardCode);
      require(boards.add(r.boardCode), "2006 board twice: " + r.boardCode);
      require(r.budget != null || r.contributionsTotal() == 0, "2006 contributions without a budget: " + r.boardCode);
      require(r.budget == null || r.contributionsTotal() <= r.budget, "2006 contributions above budget: " + r.boardCode);
      for (Long v : new Long[] {r.la, r.pct, r.police, r.other}) {
        require(v == null || v >= 0, "2006 negative amount: " + r.boardCode);
      }
    }
    boards.clear();
    for (Return2007 r : y2007) {
      require(r.boardCode.equals(names.resolve(r.lscb)), "2007 name '" + r.lscb + "' does not resolve to " + r.boardCode);
      require(boards.add(r.boardCode), "2007 board twice: " + r.boardCode);
      require(register.board(r.boardCode).responded2007(), "2007 return from a board outside Appendix 1: " + r.boardCode);
      require(Codes.CHAIR_TYPES.contains(r.chairType) && Codes.CHAIR_POSTS.contains(r.chairPost), "2007 chair code");
      require(Codes.MEMBERS.containsAll(r.members.keySet()), "2007 member code");
      require(r.priorities == null || (r.priorities.size() <= 4 && Codes.PRIORITIES.containsAll(r.priorities)
          && new HashSet<>(r.priorities).size() == r.priorities.size()), "2007 priorities of " + r.boardCode);
      require(r.highestCosts == null || (r.highestCosts.size() <= 4 && Codes.HIGHEST_COSTS.containsAll(r.highestCosts)),
          "2007 highest costs");
      require(r.leadMember == null || Codes.LEAD_MEMBER.contains(r.leadMember), "2007 lead member");
      require(r.cdop == null || Codes.CDOP.contains(r.cdop), "2007 cdop");
      require(r.expenditure != null, "2007 expenditure of " + r.boardCode);
      boolean extreme = r.boardCode.equals(Funding2007.SMALLEST) || r.boardCode.equals(Funding2007.LARGEST);
      require(extreme || (r.expenditure > 5000 && r.expenditure < 393857), "2007 expenditure not strictly between: " + r.boardCode);
      if (r.contributions != null) {
        require(Codes.CONTRIBUTORS.containsAll(r.contributions.keySet()), "2007 contributor code");
        require(r.contributions.values().stream().allMatch(v -> v > 0), "2007 non-positive amount: " + r.boardCode);
        require(r.contributionsTotal() <= r.expenditure, "2007 contributions above expenditure: " + r.boardCode);
      }
      require(r.scrCommissioned == null || r.scrCompleted <= r.scrCommissioned, "2007 SCRs");
    }
  }

  private static void require(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException("reconstruction is inconsistent: " + what);
    }
  }
}
