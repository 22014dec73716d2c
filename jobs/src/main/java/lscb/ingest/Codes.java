package lscb.ingest;

import java.util.List;
import java.util.Map;

/** The survey's code lists (raw-returns-formats.md) and how 2006's wording maps onto them. */
public final class Codes {
  private Codes() {}

  public static final List<String> CHAIR_TYPES = List.of("LOCAL_AUTHORITY", "OTHER_STATUTORY", "INDEPENDENT");
  public static final List<String> CHAIR_POSTS = List.of("CHIEF_EXECUTIVE", "DIRECTOR_OF_CHILDRENS_SERVICES",
      "LA_OTHER_OFFICER", "STATUTORY_PARTNER_OFFICER", "INDEPENDENT");
  public static final List<String> MEMBERS = List.of("LOCAL_AUTHORITY", "DISTRICT_COUNCILS", "PROBATION",
      "POLICE", "NHS_TRUST", "PRIMARY_CARE_TRUST", "YOUTH_OFFENDING_SERVICE", "CONNEXIONS", "CAFCASS",
      "STATE_SCHOOLS", "INDEPENDENT_SCHOOLS", "FE_COLLEGES", "EARLY_YEARS", "CHILDRENS_CENTRES",
      "DESIGNATED_DOCTOR_NURSE", "MAPPA", "VOLUNTARY_COMMUNITY", "MENTAL_HEALTH_TRUST", "ADULT_SOCIAL_CARE",
      "FIRE_RESCUE", "CPS", "ARMED_SERVICES", "IMMIGRATION", "NASS", "PRISONS_SECURE");
  public static final List<String> CONTRIBUTORS = List.of("LA_CHILDRENS_SERVICES", "PRIMARY_CARE_TRUST",
      "POLICE", "DISTRICT_COUNCIL", "NHS_TRUST", "PROBATION", "CONNEXIONS", "YOUTH_OFFENDING_SERVICE",
      "CAFCASS", "PRISONS", "SECURE_TRAINING_CENTRES", "OTHER");
  public static final List<String> HIGHEST_COSTS = List.of("INDEPENDENT_CHAIR", "BUSINESS_MANAGER",
      "CHILD_DEATH_REVIEW", "TRAINING", "SERIOUS_CASE_REVIEWS", "PROCEDURES", "OTHER");
  public static final List<String> LEAD_MEMBER = List.of("FORMAL_REPORTING", "REGULAR_MEETINGS", "INFORMAL", "NONE");
  public static final List<String> PRIORITIES = List.of("SAFE_WORKFORCE", "CHILD_PROTECTION_SERVICE",
      "CHILD_DEATH_REVIEW", "WIDER_SAFEGUARDING_AWARENESS", "QUALITY_ASSURANCE", "LSCB_EFFECTIVENESS",
      "BULLYING", "DOMESTIC_VIOLENCE", "TRAINING", "PROCEDURES", "LOOKED_AFTER_CHILDREN", "PRIVATE_FOSTERING",
      "SUBSTANCE_MISUSE", "SEXUAL_EXPLOITATION", "GANGS_AND_VIOLENCE", "HIDDEN_CHILDREN", "PARTICIPATION", "OTHER");
  public static final List<String> CDOP = List.of("IN_PLACE", "PLANNED_BY_APRIL_2008", "NOT_PLANNED");

  /** 2006 `Chair Type` wordings (lower case, punctuation dropped) and the 2007 codes they mean. */
  public static final Map<String, String> CHAIR_TYPE_2006 = Map.ofEntries(
      Map.entry("local authority", "LOCAL_AUTHORITY"), Map.entry("la", "LOCAL_AUTHORITY"),
      Map.entry("local authority chair", "LOCAL_AUTHORITY"), Map.entry("local_authority", "LOCAL_AUTHORITY"),
      Map.entry("other statutory partner", "OTHER_STATUTORY"), Map.entry("other statutory", "OTHER_STATUTORY"),
      Map.entry("other statutory partners", "OTHER_STATUTORY"), Map.entry("statutory partner", "OTHER_STATUTORY"),
      Map.entry("other_statutory", "OTHER_STATUTORY"),
      Map.entry("independent", "INDEPENDENT"), Map.entry("indep", "INDEPENDENT"),
      Map.entry("independent chair", "INDEPENDENT"), Map.entry("independent chairperson", "INDEPENDENT"));

  /** 2006 agency columns and the 2007 member codes they answer. */
  public static final Map<String, String> MEMBER_COLUMNS_2006 = Map.of(
      "YOS rep?", "YOUTH_OFFENDING_SERVICE", "Connexions rep?", "CONNEXIONS", "Cafcass rep?", "CAFCASS");

  /** 2006 contribution columns and the 2007 contributor codes they answer. */
  public static final Map<String, String> CONTRIBUTION_COLUMNS_2006 = Map.of(
      "LA contribution", "LA_CHILDRENS_SERVICES", "PCT contribution", "PRIMARY_CARE_TRUST",
      "Police contribution", "POLICE", "Other contributions", "OTHER");

  /** The 2006 export's columns, in order. */
  public static final List<String> COLUMNS_2006 = List.of("Ref", "LSCB Name", "Region", "Chair Type",
      "Chair Post", "Meetings per year", "Budget 2006-07", "LA contribution", "PCT contribution",
      "Police contribution", "Other contributions", "YOS rep?", "Connexions rep?", "Cafcass rep?");

  /** A code list as one readable string for reasons. */
  public static String listed(List<String> codes) {
    return String.join(", ", codes);
  }
}
