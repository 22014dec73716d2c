package lscb.synth;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One reconstructed 2007 Ofsted return, field for field as in the export; null = not answered. */
final class Return2007 {
  String returnId;
  String boardCode;
  String lscb;
  Instant submitted;
  String chairType;
  String chairPost;
  Integer boardsChaired;
  Integer meetingsPerYear;
  List<String> subgroups;
  Boolean executiveGroup;
  /** Agency code to answer, in the survey's code order; an absent key was not answered. */
  Map<String, Boolean> members = new LinkedHashMap<>();
  Integer contributingOrganisations;
  Long expenditure;
  Long planned;
  /** Contributor code to pounds, in the survey's code order; null = not answered. */
  Map<String, Long> contributions;
  List<String> highestCosts;
  String leadMember;
  Boolean chiefExecutiveContact;
  List<String> priorities;
  Boolean consultedChildren;
  String cdop;
  Integer scrCommissioned;
  Integer scrCompleted;
  Boolean performanceSubcommittee;
  Boolean performanceLocalMeasures;
  Boolean performancePeerReview;
  /** How this respondent's export shows "not answered": the key left out (true) or null (false). */
  boolean omitsUnanswered;

  /** A deep copy, for a resubmission or a deliberately broken variant. */
  Return2007 copy() {
    Return2007 c = new Return2007();
    c.returnId = returnId;
    c.boardCode = boardCode;
    c.lscb = lscb;
    c.submitted = submitted;
    c.chairType = chairType;
    c.chairPost = chairPost;
    c.boardsChaired = boardsChaired;
    c.meetingsPerYear = meetingsPerYear;
    c.subgroups = subgroups == null ? null : new ArrayList<>(subgroups);
    c.executiveGroup = executiveGroup;
    c.members = new LinkedHashMap<>(members);
    c.contributingOrganisations = contributingOrganisations;
    c.expenditure = expenditure;
    c.planned = planned;
    c.contributions = contributions == null ? null : new LinkedHashMap<>(contributions);
    c.highestCosts = highestCosts == null ? null : new ArrayList<>(highestCosts);
    c.leadMember = leadMember;
    c.chiefExecutiveContact = chiefExecutiveContact;
    c.priorities = priorities == null ? null : new ArrayList<>(priorities);
    c.consultedChildren = consultedChildren;
    c.cdop = cdop;
    c.scrCommissioned = scrCommissioned;
    c.scrCompleted = scrCompleted;
    c.performanceSubcommittee = performanceSubcommittee;
    c.performanceLocalMeasures = performanceLocalMeasures;
    c.performancePeerReview = performancePeerReview;
    c.omitsUnanswered = omitsUnanswered;
    return c;
  }

  /** Total of the contributions given (0 when not answered). */
  long contributionsTotal() {
    return contributions == null ? 0 : contributions.values().stream().mapToLong(Long::longValue).sum();
  }
}
