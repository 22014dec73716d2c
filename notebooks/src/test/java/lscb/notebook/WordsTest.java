package lscb.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WordsTest {
  @Test
  void codesBecomePlainWords() {
    assertEquals("LA children's services", Words.label("LA_CHILDRENS_SERVICES"));
    assertEquals("NHS trust", Words.words("NHS_TRUST"));
    assertEquals("police", Words.words("POLICE"));
    assertEquals("Cafcass", Words.words("CAFCASS"));
    assertEquals("Expenditure 2006-07", Words.label("expenditure_2006_07"));
    assertEquals("At 2%", Words.label("at_2pct"));
    assertEquals("Child death overview panel", Words.label("cdop"));
    assertEquals("prisons and secure centres", Words.words("PRISONS_SECURE"), "the report's own words, not 'Prisons secure'");
  }

  @Test
  void textThatIsNotACodeIsLeftAlone() {
    assertEquals("Planned by April 2008", Words.label("Planned by April 2008"));
    assertEquals("Total", Words.label("Total"));
    assertEquals("5 or more", Words.label("5 or more"));
    assertEquals("2006-07", Words.period("200607"));
    assertEquals("2007", Words.period("2007"));
  }
}
