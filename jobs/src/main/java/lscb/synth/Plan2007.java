package lscb.synth;

import java.util.ArrayList;
import java.util.List;

/**
 * Draws the 118 accepted 2007 returns (the report's Appendix 1 boards), with counts chosen so that
 * every 2007 figure of data/published/figures.csv is reproduced; funding and priorities are drawn
 * by {@link Funding2007} and {@link Priorities2007}.
 */
final class Plan2007 {
  private Plan2007() {}

  /** The accepted returns in board-code order (ids and submission times are set later). */
  static List<Return2007> draw(Register register, NameVariants names, Draw draw) {
    List<Return2007> returns = new ArrayList<>();
    Draw naming = draw.split();
    for (Register.Board board : register.responders2007()) {
      Return2007 r = new Return2007();
      r.boardCode = board.code();
      r.lscb = names.written(board, naming, 0.2);
      r.omitsUnanswered = naming.chance(0.5);
      returns.add(r);
    }
    chairs(returns, draw.split());
    members(returns, register, draw.split());
    governance(returns, draw.split());
    Funding2007.draw(returns, register, draw.split());
    Priorities2007.draw(returns, draw.split());
    return returns;
  }

  /** Table 1 and paras 16-19: 40 independent, 4 other statutory, 74 local authority chairs. */
  private static void chairs(List<Return2007> returns, Draw d) {
    List<Return2007> order = d.shuffled(returns);
    for (int i = 0; i < order.size(); i++) {
      Return2007 r = order.get(i);
      if (i < 40) {
        r.chairType = "INDEPENDENT";
        r.chairPost = "INDEPENDENT";
      } else if (i < 44) {
        r.chairType = "OTHER_STATUTORY";
        r.chairPost = "STATUTORY_PARTNER_OFFICER";
      } else {
        r.chairType = "LOCAL_AUTHORITY";
        int la = i - 44;
        r.chairPost = la < 5 ? "CHIEF_EXECUTIVE" : la < 52 ? "DIRECTOR_OF_CHILDRENS_SERVICES" : "LA_OTHER_OFFICER";
      }
      r.boardsChaired = 1;
    }
    // C7/C8: four returns whose chair chairs 4 boards and six whose chair chairs 2: ceil(4/4)+ceil(6/2) = 4.
    for (int i = 0; i < 10; i++) {
      order.get(i).boardsChaired = i < 4 ? 4 : 2;
    }
    for (Return2007 r : d.pickN(order.subList(44, order.size()), 3)) {
      r.boardsChaired = null;
    }
  }

  /** Paras 23-30: membership counts; a few agencies left unanswered by a few boards. */
  private static void members(List<Return2007> returns, Register register, Draw d) {
    for (String agency : Codes.MEMBERS) {
      int absent = switch (agency) {
        case "LOCAL_AUTHORITY", "POLICE", "PRIMARY_CARE_TRUST" -> 0;
        case "PROBATION", "NHS_TRUST" -> d.between(0, 1);
        case "DISTRICT_COUNCILS", "MENTAL_HEALTH_TRUST", "ADULT_SOCIAL_CARE", "FIRE_RESCUE" -> d.between(2, 8);
        default -> d.between(0, 3);
      };
      List<Return2007> answered = d.shuffled(returns).subList(absent, returns.size());
      int n = answered.size();
      if (agency.equals("DISTRICT_COUNCILS")) {
        for (Return2007 r : answered) {
          r.members.put(agency, register.board(r.boardCode).county() && d.chance(0.9));
        }
        continue;
      }
      int yes = switch (agency) {
        case "YOUTH_OFFENDING_SERVICE" -> n - 9;
        case "CONNEXIONS" -> n - 8;
        case "CAFCASS" -> n - 3;
        case "DESIGNATED_DOCTOR_NURSE" -> n - 12;
        case "STATE_SCHOOLS" -> Draw.countFor(89, n);
        case "INDEPENDENT_SCHOOLS" -> Draw.countFor(18, n);
        case "FE_COLLEGES" -> Draw.countFor(42, n);
        case "EARLY_YEARS" -> Draw.countFor(59, n);
        case "CHILDRENS_CENTRES" -> Draw.countFor(45, n);
        case "MAPPA" -> Draw.countFor(61, n);
        case "VOLUNTARY_COMMUNITY" -> n - d.between(2, 6);
        case "CPS", "ARMED_SERVICES" -> 19;
        case "IMMIGRATION" -> 6;
        case "NASS" -> 3;
        case "PRISONS_SECURE" -> 26;
        case "MENTAL_HEALTH_TRUST" -> (int) Math.round(n * d.uniform(0.55, 0.75));
        case "ADULT_SOCIAL_CARE" -> (int) Math.round(n * d.uniform(0.6, 0.85));
        case "FIRE_RESCUE" -> (int) Math.round(n * d.uniform(0.2, 0.4));
        default -> n; // local authority, probation, police, NHS trust, PCT: all have one (M4)
      };
      List<Return2007> order = d.shuffled(answered);
      for (int i = 0; i < n; i++) {
        order.get(i).members.put(agency, i < yes);
      }
    }
    // Keep each return's members in the survey's code order.
    for (Return2007 r : returns) {
      var sorted = new java.util.LinkedHashMap<String, Boolean>();
      for (String agency : Codes.MEMBERS) {
        if (r.members.containsKey(agency)) {
          sorted.put(agency, r.members.get(agency));
        }
      }
      r.members = sorted;
    }
  }

  /** Meetings, lead member (A1), chief executive contact (A2), CDOP (D1), serious case reviews (D2, D3). */
  private static void governance(List<Return2007> returns, Draw d) {
    List<Integer> meetings = List.of(4, 4, 4, 4, 5, 6, 6, 6, 6, 6, 6, 8, 8, 10, 12);
    List<Return2007> big = new ArrayList<>();
    for (Return2007 r : returns) {
      r.meetingsPerYear = d.chance(0.02) ? null : d.pick(meetings);
      r.executiveGroup = d.chance(0.03) ? null : d.chance(0.45);
      r.consultedChildren = d.chance(0.04) ? null : d.chance(0.72);
      r.performanceSubcommittee = d.chance(0.04) ? null : d.chance(0.7);
      r.performanceLocalMeasures = d.chance(0.04) ? null : d.chance(0.6);
      r.performancePeerReview = d.chance(0.04) ? null : d.chance(0.25);
      if (!d.chance(0.02)) {
        r.subgroups = new ArrayList<>();
        double[] p = {0.8, 0.75, 0.85};
        for (int i = 0; i < Codes.SUBGROUPS.size(); i++) {
          if (d.chance(p[i])) {
            r.subgroups.add(Codes.SUBGROUPS.get(i));
          }
        }
      }
      r.contributingOrganisations = d.chance(0.03) ? null
          : (int) Math.max(8, Math.min(160, Math.round(35 * Math.exp(0.6 * d.gaussian()))));
      if (!d.chance(0.03)) {
        List<String> items = new ArrayList<>(Codes.HIGHEST_COSTS);
        if (!"INDEPENDENT".equals(r.chairType)) {
          items.remove("INDEPENDENT_CHAIR");
        }
        r.highestCosts = d.pickN(items, d.between(1, 4));
      }
      big.add(r);
    }
    d.pick(big).contributingOrganisations = d.between(201, 240); // M13: over 200
    List<Return2007> independents = returns.stream().filter(r -> "INDEPENDENT".equals(r.chairType)).toList();
    List<Return2007> none = d.pickN(independents, 7); // A1: 7, all with independent chairs
    List<String> other = List.of("FORMAL_REPORTING", "FORMAL_REPORTING", "FORMAL_REPORTING",
        "FORMAL_REPORTING", "FORMAL_REPORTING", "REGULAR_MEETINGS", "REGULAR_MEETINGS",
        "REGULAR_MEETINGS", "INFORMAL", "INFORMAL");
    for (Return2007 r : returns) {
      r.leadMember = none.contains(r) ? "NONE" : d.chance(0.02) ? null : d.pick(other);
    }
    List<Return2007> order = d.shuffled(returns);
    List<Return2007> answered = order.subList(2, order.size());
    int noContact = (int) Math.round(0.2 * answered.size()); // A2: one in five
    for (int i = 0; i < order.size(); i++) {
      order.get(i).chiefExecutiveContact = i < 2 ? null : i - 2 >= noContact;
    }
    order = d.shuffled(returns);
    for (int i = 0; i < order.size(); i++) {
      order.get(i).cdop = i == 0 ? null : i <= 9 ? "IN_PLACE" : i <= 16 ? "NOT_PLANNED" : "PLANNED_BY_APRIL_2008";
    }
    seriousCaseReviews(returns, d);
  }

  /** D2: just under a quarter commissioned none; D3: exactly 5 completed five or more. */
  private static void seriousCaseReviews(List<Return2007> returns, Draw d) {
    List<Return2007> order = d.shuffled(returns);
    int answered = order.size() - 1;
    int none = (int) Math.floor(0.23 * answered);
    List<Integer> usual = List.of(1, 1, 1, 1, 2, 2, 2, 3, 3, 4, 5, 6);
    for (int i = 0; i < order.size(); i++) {
      Return2007 r = order.get(i);
      if (i == 0) {
        continue; // not answered
      }
      if (i <= none) {
        r.scrCommissioned = 0;
        r.scrCompleted = 0;
      } else if (i <= none + 5) {
        r.scrCommissioned = d.between(5, 9);
        r.scrCompleted = d.between(5, r.scrCommissioned);
      } else {
        r.scrCommissioned = d.pick(usual);
        r.scrCompleted = d.between(0, Math.min(4, r.scrCommissioned));
      }
    }
  }
}
