package lscb.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import lscb.io.CsvText;
import lscb.io.UserError;
import lscb.population.PopulationSource.CountColumn;
import lscb.population.PopulationSource.Layout;
import org.junit.jupiter.api.Test;

class PopulationSourceTest {
  private static String wideHeader(String last) {
    List<String> names = new ArrayList<>(List.of("Code", "Name", "Geography", "All ages"));
    for (int a = 0; a < 90; a++) {
      names.add(String.valueOf(a));
    }
    names.add(last);
    return String.join(",", names);
  }

  @Test
  void longHeadersOfSeveralVintagesAreFoundWithTheirYears() {
    for (String code : List.of("ladcode21", "ladcode18", "lad2018_code", "LADCODE20")) {
      PopulationSource s = PopulationSource.detect("/x/myeb.csv",
          List.of(code + ",laname,country,sex,age,population_2001,population_2002,population_2020"), null);
      assertEquals(Layout.LONG, s.layout(), code + " should make a long header");
      assertEquals(0, s.codeIndex(), "the area code column should be found for " + code);
      assertEquals(List.of(2001, 2002, 2020), s.counts().stream().map(CountColumn::year).toList(),
          "the population_YYYY columns should be discovered from the header");
      assertEquals(3, s.sexIndex(), "sex column");
      assertEquals(4, s.ageIndex(), "age column");
    }
  }

  @Test
  void wideHeaderAfterTitleLinesTakesTheYearFromTheName() {
    PopulationSource s = PopulationSource.detect("/x/mye-persons-2006.csv",
        List.of("Population estimates,,", "", wideHeader("90+") + ",Notes"), null);
    assertEquals(Layout.WIDE, s.layout(), "wide header with 90+ and an extra column");
    assertEquals(3, s.headerLine(), "the header is the third line");
    assertEquals(2006, s.wideYear(), "year from the file name");
    assertEquals(18, s.counts().size(), "only ages 0-17 are count columns");
    assertEquals(4, s.counts().get(0).index(), "age 0 is the fifth column");
  }

  @Test
  void aLineOfMoreFieldsThanTheParserTakesIsNoHeaderAndNoCrash() {
    String wide = "title" + ",a".repeat(CsvText.MAX_FIELDS + 10);
    PopulationSource s = PopulationSource.detect("/x/myeb.csv",
        List.of(wide, "ladcode18,laname,country,sex,age,population_2006"), null);
    assertEquals(2, s.headerLine(), "the header after a line of 100,010 fields is found");
    UserError none = assertThrows(UserError.class, () -> PopulationSource.detect("/x/a.csv", List.of(wide), null),
        "a file of such a line alone is a user error, not a parser's exception");
    assertTrue(none.getMessage().contains("/x/a.csv"), "the error names the file: " + none.getMessage());
  }

  @Test
  void wideYearMayComeFromAMidYearTitle() {
    PopulationSource s = PopulationSource.detect("/x/persons.csv",
        List.of("Mid-2007 population estimates", wideHeader("90")), Layout.WIDE);
    assertEquals(2007, s.wideYear(), "year from the 'Mid-2007' title line");
  }

  @Test
  void unusableHeadersAreUserErrors() {
    UserError none = assertThrows(UserError.class,
        () -> PopulationSource.detect("/x/a.csv", List.of("foo,bar", "1,2"), null));
    assertTrue(none.getMessage().contains("/x/a.csv"), "the message names the file: " + none.getMessage());
    UserError noYear = assertThrows(UserError.class,
        () -> PopulationSource.detect("/x/persons.csv", List.of(wideHeader("90")), null));
    assertTrue(noYear.getMessage().contains("rename"), "says how to give the year: " + noYear.getMessage());
    UserError gap = assertThrows(UserError.class, () -> PopulationSource.detect("/x/mye-2006.csv",
        List.of(wideHeader("90").replace(",7,", ",")), null));
    assertTrue(gap.getMessage().contains("[7]"), "names the missing age column: " + gap.getMessage());
  }

  @Test
  void headerSplitterKeepsQuotedCommas() {
    assertEquals(List.of("a", "b, c", "d\"e", ""), CsvText.fields("\uFEFFa,\"b, c\",\"d\"\"e\","),
        "quoted commas and doubled quotes are one field; a BOM is dropped");
  }
}
