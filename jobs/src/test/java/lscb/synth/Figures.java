package lscb.synth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Spark SQL for each figure of figures.csv over the canonical tables, per data/published/README.md. */
final class Figures {
  private Figures() {}

  static Map<String, String> queries() {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("R1|2007", "select count(*) from board_return where survey_year = 2007");
    q.put("R2|2006", "select count(*) from board_return where survey_year = 2006");
    for (String year : List.of("2006", "2007")) {
      q.put("C1|" + year, share("board_return", "survey_year = " + year + " and chair_type is not null",
          "chair_type = 'LOCAL_AUTHORITY'"));
      q.put("C2|" + year, share("board_return", "survey_year = " + year + " and chair_type is not null",
          "chair_type = 'OTHER_STATUTORY'"));
      q.put("C3|" + year, share("board_return", "survey_year = " + year + " and chair_type is not null",
          "chair_type = 'INDEPENDENT'"));
      q.put("C4|" + year, "select count(*) from board_return where survey_year = " + year
          + " and chair_post = 'CHIEF_EXECUTIVE'");
    }
    q.put("C5|2007", share("board_return", "survey_year = 2007 and chair_post is not null",
        "chair_post = 'DIRECTOR_OF_CHILDRENS_SERVICES'"));
    q.put("C6|2007", share("board_return", "survey_year = 2007 and chair_post is not null",
        "chair_post = 'LA_OTHER_OFFICER'"));
    q.put("C7|2007", "select coalesce(sum(ceil(n / k)), 0) from (select chair_boards_chaired k, count(*) n "
        + "from board_return where survey_year = 2007 and chair_boards_chaired >= 2 group by chair_boards_chaired)");
    q.put("C8|2007", "select max(chair_boards_chaired) from board_return where survey_year = 2007");
    q.put("S1|2007", "select count(*) from board_return where survey_year = 2007 and meetings_per_year < 4");
    q.put("M1|2007", members("YOUTH_OFFENDING_SERVICE", false));
    q.put("M2|2007", members("CONNEXIONS", false));
    q.put("M3|2007", members("CAFCASS", false));
    for (String a : List.of("LOCAL_AUTHORITY", "PROBATION", "POLICE", "NHS_TRUST", "PRIMARY_CARE_TRUST")) {
      q.put("M4|" + a, members(a, false));
    }
    q.put("M5|2007", memberShare("VOLUNTARY_COMMUNITY"));
    for (String a : List.of("STATE_SCHOOLS", "INDEPENDENT_SCHOOLS", "FE_COLLEGES")) {
      q.put("M6|" + a, memberShare(a));
    }
    for (String a : List.of("EARLY_YEARS", "CHILDRENS_CENTRES")) {
      q.put("M7|" + a, memberShare(a));
    }
    q.put("M8|2007", members("DESIGNATED_DOCTOR_NURSE", false));
    q.put("M9|2007", memberShare("MAPPA"));
    q.put("M10|2007", members("CPS", true));
    for (String a : List.of("ARMED_SERVICES", "IMMIGRATION", "NASS")) {
      q.put("M11|" + a, members(a, true));
    }
    q.put("M12|2007", members("PRISONS_SECURE", true));
    q.put("M13|2007", "select max(contributing_organisations) from board_return where survey_year = 2007");
    String smallest = "(select * from board_return where survey_year = 2007 and expenditure_2006_07 is not null "
        + "order by expenditure_2006_07 asc limit 1)";
    String largest = smallest.replace(" asc ", " desc ");
    q.put("F1|expenditure", "select expenditure_2006_07 from " + smallest);
    q.put("F1|per_child", perChild(smallest, "expenditure_2006_07", 2006));
    q.put("F2|planned", "select planned_2007_08 from " + smallest);
    q.put("F2|per_child", perChild(smallest, "planned_2007_08", 2007));
    q.put("F3|expenditure", "select expenditure_2006_07 from " + largest);
    q.put("F3|per_child", perChild(largest, "expenditure_2006_07", 2006));
    q.put("F4|planned", "select planned_2007_08 from " + largest);
    q.put("F4|per_child", perChild(largest, "planned_2007_08", 2007));
    q.put("F5|2007", share("board_return", "survey_year = 2007 and expenditure_2006_07 is not null "
        + "and planned_2007_08 is not null", "planned_2007_08 <= expenditure_2006_07"));
    for (String c : List.of("LA_CHILDRENS_SERVICES", "PRIMARY_CARE_TRUST", "POLICE", "DISTRICT_COUNCIL",
        "NHS_TRUST", "PROBATION", "CONNEXIONS", "YOUTH_OFFENDING_SERVICE", "CAFCASS", "PRISONS",
        "SECURE_TRAINING_CENTRES")) {
      q.put("F6|" + c, "select 100 * cast(sum(case when contributor = '" + c + "' then amount else 0 end) as double)"
          + " / cast(sum(amount) as double) from board_contribution where survey_year = 2007");
    }
    q.put("F7|min", "select min(share) from " + own("LA_CHILDRENS_SERVICES", null));
    q.put("F7|max", "select max(share) from " + own("LA_CHILDRENS_SERVICES", null));
    q.put("F8|min", "select min(share) from " + own("PRIMARY_CARE_TRUST", null));
    q.put("F8|max", "select max(share) from " + own("PRIMARY_CARE_TRUST", null));
    q.put("F9|max", "select max(share) from " + own("POLICE", "E12000007"));
    q.put("F9|at_2pct", "select count(*) from " + own("POLICE", "E12000007")
        + " where round(cast(share as decimal(20, 10)), 0) = 2");
    q.put("F10|min", "select min(share) from " + own("POLICE", "E12000005"));
    q.put("F10|max", "select max(share) from " + own("POLICE", "E12000005"));
    q.put("A1|none", "select count(*) from board_return where survey_year = 2007 and lead_member = 'NONE'");
    q.put("A1|not_independent", "select count(*) from board_return where survey_year = 2007 "
        + "and lead_member = 'NONE' and coalesce(chair_type, '') <> 'INDEPENDENT'");
    q.put("A2|2007", share("board_return", "survey_year = 2007 and chief_executive_contact is not null",
        "not chief_executive_contact"));
    for (String p : List.of("SAFE_WORKFORCE", "CHILD_PROTECTION_SERVICE", "CHILD_DEATH_REVIEW",
        "WIDER_SAFEGUARDING_AWARENESS", "QUALITY_ASSURANCE", "LSCB_EFFECTIVENESS", "BULLYING",
        "DOMESTIC_VIOLENCE", "TRAINING", "PROCEDURES")) {
      q.put("P1|" + p, priority(p));
    }
    q.put("P2|LOOKED_AFTER_CHILDREN", priority("LOOKED_AFTER_CHILDREN"));
    q.put("P2|PRIVATE_FOSTERING", priority("PRIVATE_FOSTERING"));
    q.put("P3|HIDDEN_CHILDREN", priority("HIDDEN_CHILDREN"));
    q.put("D1|2007", "select count(*) from board_return where survey_year = 2007 and cdop = 'IN_PLACE'");
    q.put("D2|2007", share("board_return", "survey_year = 2007 and scr_commissioned is not null",
        "scr_commissioned = 0"));
    q.put("D3|2007", "select count(*) from board_return where survey_year = 2007 and scr_completed >= 5");
    return q;
  }

  private static String share(String table, String answered, String yes) {
    return "select 100.0 * sum(case when " + yes + " then 1 else 0 end) / count(*) from " + table
        + " where " + answered;
  }

  private static String members(String agency, boolean answer) {
    return "select count(*) from board_member where survey_year = 2007 and agency = '" + agency
        + "' and is_member = " + answer;
  }

  private static String memberShare(String agency) {
    return share("board_member", "survey_year = 2007 and agency = '" + agency + "'", "is_member");
  }

  private static String perChild(String board, String column, int year) {
    return "select cast(b." + column + " as double) / p.children_under_18 from " + board + " b join "
        + "population_board p on p.board_code = b.board_code and p.year = " + year;
  }

  /** A board's own share (%) of a contributor, over boards that gave that contributor an amount. */
  private static String own(String contributor, String region) {
    return "(select 100 * cast(c.amount as double) / cast(t.total as double) as share from board_contribution c "
        + "join (select return_ref, sum(amount) total from board_contribution where survey_year = 2007 "
        + "group by return_ref) t using (return_ref) join board_return r on r.survey_year = 2007 "
        + "and r.return_ref = c.return_ref where c.survey_year = 2007 and c.contributor = '" + contributor + "'"
        + (region == null ? "" : " and r.region_code = '" + region + "'") + ")";
  }

  private static String priority(String p) {
    return "select 100.0 * count(distinct case when priority = '" + p + "' then return_ref end) "
        + "/ count(distinct return_ref) from board_priority where survey_year = 2007";
  }
}
