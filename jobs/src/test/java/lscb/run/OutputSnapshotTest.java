package lscb.run;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The cluster-vs-local comparison forgives only doubles' last bits, nothing else. */
class OutputSnapshotTest {
  @Test
  void onlyTheLastBitsOfDoublesMayDiffer() {
    assertTrue(OutputSnapshot.sameRow("{\"a\":7.453179560357666,\"b\":\"x\"}", "{\"a\":7.4531795603576665,\"b\":\"x\"}"),
        "summation order in the last bits is the same value");
    assertFalse(OutputSnapshot.sameRow("{\"a\":7.45317956,\"b\":\"x\"}", "{\"a\":7.45317957,\"b\":\"x\"}"),
        "a difference in the 9th digit is a different value");
    assertFalse(OutputSnapshot.sameRow("{\"a\":1,\"b\":\"x\"}", "{\"a\":2,\"b\":\"x\"}"), "integers exactly");
    assertFalse(OutputSnapshot.sameRow("{\"a\":1.0,\"b\":\"x\"}", "{\"a\":1.0,\"b\":\"y\"}"), "strings exactly");
    assertFalse(OutputSnapshot.sameRow("{\"a\":1.0}", "{\"a\":1.0,\"b\":null}"), "the same fields");
    assertFalse(OutputSnapshot.sameRow("{\"a\":[1.0,2.0]}", "{\"a\":[1.0,2.5]}"), "inside arrays too");
  }
}
