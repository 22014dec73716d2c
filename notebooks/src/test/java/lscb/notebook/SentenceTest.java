package lscb.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SentenceTest {
  @Test
  void namedValuesAreFormattedAndPlaced() {
    Sentence s = Sentence.of("In {year}, **{share}** of the {n} boards had {who} & more.")
        .text("year", 2007).pct("share", 33.898).count("n", 118).words("who", "NHS_TRUST");
    assertEquals("In 2007, 33.9% of the 118 boards had NHS trust & more.", s.plain());
    assertEquals("In 2007, <b>33.9%</b> of the 118 boards had NHS trust &amp; more.", s.html());
  }

  @Test
  void aMissingOrUnusedValueIsAnError() {
    assertThrows(IllegalArgumentException.class, () -> Sentence.of("{a} and {b}").text("a", 1).plain(), "b has no value");
    assertThrows(IllegalArgumentException.class, () -> Sentence.of("{a}").text("a", 1).text("c", 2).plain(), "c is unused");
    assertThrows(IllegalArgumentException.class, () -> Sentence.of("{a}").text("a", 1).text("a", 2), "a given twice");
  }
}
