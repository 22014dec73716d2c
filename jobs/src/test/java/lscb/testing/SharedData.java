package lscb.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Tests on ../shared data: skipped with a message on a checkout without it, but failing in CI, which has it. */
public final class SharedData {
  private SharedData() {}

  /** Skips (outside CI) or fails (in CI, where ../shared is always beside the clone) when the data is absent. */
  public static void require(boolean present, String what) {
    String message = what + " is not beside the checkout (../shared)";
    if (System.getenv("CI") != null) {
      assertTrue(present, message + "; CI has it, so these tests must run");
    } else {
      assumeTrue(present, "skipped: " + message);
    }
  }
}
