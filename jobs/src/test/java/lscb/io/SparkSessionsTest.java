package lscb.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import lscb.testing.SparkTestBase;
import org.junit.jupiter.api.Test;

/** The scoped small-data settings: on while the scope is open, as they were once it is closed. */
class SparkSessionsTest extends SparkTestBase {
  private static final String WHOLE_STAGE = "spark.sql.codegen.wholeStage";
  private static final String FACTORY = "spark.sql.codegen.factoryMode";

  @Test
  void smallDataSettingsHoldInTheScopeAndAreRestoredAfter() {
    spark.conf().set(WHOLE_STAGE, "true");
    spark.conf().unset(FACTORY);
    try (SparkSessions.Scope small = SparkSessions.smallDataFromHere(spark)) {
      assertEquals("false", spark.conf().get(WHOLE_STAGE), "no whole-stage code generation in the scope");
      assertEquals("NO_CODEGEN", spark.conf().get(FACTORY), "interpreted expressions in the scope");
      assertEquals(3L, spark.range(3).count(), "queries still run in the scope");
    }
    assertEquals("true", spark.conf().get(WHOLE_STAGE), "the session's own setting is back after the scope");
    assertEquals("FALLBACK", spark.conf().get(FACTORY),
        "a setting the session did not have is unset again (Spark's default), not left at the scope's value");
  }
}
