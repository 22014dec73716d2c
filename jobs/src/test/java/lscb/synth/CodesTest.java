package lscb.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The generator keeps its own copy of the code lists (it writes what a respondent would); they match the survey's. */
class CodesTest {
  @Test
  void theGeneratorsCodeListsAreTheSurveys() {
    assertEquals(lscb.ingest.Codes.CHAIR_TYPES, Codes.CHAIR_TYPES, "chair types");
    assertEquals(lscb.ingest.Codes.CHAIR_POSTS, Codes.CHAIR_POSTS, "chair posts");
    assertEquals(lscb.ingest.Codes.MEMBERS, Codes.MEMBERS, "members");
    assertEquals(lscb.ingest.Codes.CONTRIBUTORS, Codes.CONTRIBUTORS, "contributors");
    assertEquals(lscb.ingest.Codes.HIGHEST_COSTS, Codes.HIGHEST_COSTS, "highest costs");
    assertEquals(lscb.ingest.Codes.LEAD_MEMBER, Codes.LEAD_MEMBER, "lead member arrangements");
    assertEquals(lscb.ingest.Codes.PRIORITIES, Codes.PRIORITIES, "priorities");
    assertEquals(lscb.ingest.Codes.CDOP, Codes.CDOP, "child death overview panel");
  }
}
