package lscb.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EesTest {
  @TempDir
  Path dir;

  @BeforeEach
  void writeAnEesFile() throws Exception {
    Files.writeString(dir.resolve("funding.csv"), """
        time_period,time_identifier,geographic_level,country_code,country_name,region_name,contributor,boards_giving,amount,share_pct,p_value
        2007,Calendar year,National,E92000001,England,,LA_CHILDRENS_SERVICES,116,5428597,53.0,0.6526
        2007,Calendar year,National,E92000001,England,,OTHER,2,750,0.0,z
        2007,Calendar year,National,E92000001,England,,Total,116,10244771,100.0,x
        2007,Calendar year,Regional,E92000001,England,London,POLICE,20,100000,12.5,z
        """);
    Files.writeString(dir.resolve("funding.meta.csv"), """
        col_name,col_type,label,indicator_grouping,indicator_unit,indicator_dp,filter_hint,filter_grouping_column
        contributor,Filter,"Contributor (Total = all contributions, other included)",,,,Contributor,
        boards_giving,Indicator,Boards giving,,,0,,
        amount,Indicator,Money given,,£,0,,
        share_pct,Indicator,Share of all money,,%,1,,
        p_value,Indicator,ANOVA p-value,,,4,,
        """);
  }

  @Test
  void indicatorsAreNumbersFiltersAreTextAndLabelsComeFromTheMetaFile() {
    EesTable t = Ees.read(dir, "funding");
    assertEquals(4, t.rowCount(), "every data row is read");
    assertEquals(5428597.0, t.national().number("contributor", "LA_CHILDRENS_SERVICES", "amount"), "amount is a number");
    assertEquals("Contributor (Total = all contributions, other included)", t.label("contributor"), "label with a comma, from meta");
    assertEquals("Region", t.label("region_name"), "a standard EES column gets words though meta does not describe it");
    assertEquals("%", t.column("share_pct").unit(), "unit from meta");
    assertEquals(2, t.national().without("contributor", "Total").rowCount(), "filters by text");
  }

  @Test
  void symbolsAreKeptBesideTheMissingNumber() {
    EesTable t = Ees.read(dir, "funding");
    assertTrue(Double.isNaN(t.number("contributor", "OTHER", "p_value")), "z is not a number");
    assertEquals("z", t.where("contributor", "OTHER").table().stringColumn("p_value" + Ees.SYMBOL).get(0), "z is kept");
  }

  @Test
  void numberInsistsOnExactlyOneRow() {
    EesTable t = Ees.read(dir, "funding");
    assertThrows(IllegalStateException.class, () -> t.number("geographic_level", "National", "amount"), "three rows match");
  }

  @Test
  void aMissingFileSaysWhatToDo() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ees.read(dir, "nothing"));
    assertTrue(e.getMessage().contains("run ./lscb run first"), "the message says what to do: " + e.getMessage());
  }
}
