package lscb.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tests on ../shared data (DfE's screener lookups, the real ONS file): they always run, and fail without it. */
public final class SharedData {
  private SharedData() {}

  /** Fails, naming what is missing, when the data is not beside the checkout: a test that skips proves nothing. */
  public static void require(boolean present, String what) {
    assertTrue(present, what + " is not beside the checkout (../shared); these tests read it there, as CI does");
  }
}
