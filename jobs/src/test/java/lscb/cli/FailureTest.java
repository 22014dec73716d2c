package lscb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import lscb.io.UserError;
import org.junit.jupiter.api.Test;

/** How a failed command reads: a user's mistake, a storage failure and a bug each get one line and their code. */
class FailureTest {
  @Test
  void aUserErrorAnywhereInTheCausesIsPrintedAsItIs() {
    Lscb.Failure failure = Lscb.failure(new RuntimeException("wrapped", new UserError("no such folder: x", 5)));
    assertEquals(new Lscb.Failure("lscb: no such folder: x", 5), failure, "the user error's own line and code");
  }

  @Test
  void theOutermostStorageFailureNamesWhatFailed() {
    Lscb.Failure failure = Lscb.failure(new IllegalStateException("job aborted",
        new UncheckedIOException("cannot write out/x", new IOException("No space left on device"))));
    assertTrue(failure.line().startsWith("lscb: storage error: cannot write out/x ("), failure.line());
    assertEquals(Lscb.STORAGE_ERROR, failure.exitCode(), "exit 74, not the internal error's 70");
  }

  @Test
  void undecodableTextAndBugsAreNotStorageErrors() {
    Lscb.Failure text = Lscb.failure(new UncheckedIOException(new MalformedInputException(1)));
    assertEquals(Lscb.INTERNAL_ERROR, text.exitCode(), "text that does not decode is about content: " + text.line());
    Lscb.Failure bug = Lscb.failure(new NullPointerException("x is null"));
    assertEquals(new Lscb.Failure("lscb: internal error: NullPointerException: x is null (this is a bug; rerun with"
        + " LSCB_DEBUG=1 for the stack trace and report it)", Lscb.INTERNAL_ERROR), bug, "a bug says so");
  }
}
