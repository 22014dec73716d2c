package lscb.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TableViewTest {
  @TempDir
  Path dir;

  @Test
  void headersAreLabelsTextIsLeftNumbersAreRightWithUnits() throws Exception {
    Files.writeString(dir.resolve("f.csv"), "time_period,contributor,amount,share_pct,p_value\n200607,PRIMARY_CARE_TRUST,1355000,20.3,z\n");
    Files.writeString(dir.resolve("f.meta.csv"), "col_name,col_type,label,indicator_grouping,indicator_unit,indicator_dp\n"
        + "contributor,Filter,Contributor,,,\namount,Indicator,Money given,,£,0\nshare_pct,Indicator,Share of all money,,%,1\n"
        + "p_value,Indicator,p-value,,,4\n");
    String html = Ees.read(dir, "f").view("Who pays, 2006-07").html();
    assertTrue(html.contains("<caption>Who pays, 2006-07</caption>"), "the caption says what the table shows");
    assertTrue(html.contains(">Money given</th>") && html.contains(">Share of all money</th>"), "headers are meta labels: " + html);
    assertFalse(html.contains("share_pct<") || html.contains(">amount<"), "no column codes as headers");
    assertTrue(html.contains("style=\"text-align:left\">Primary care trust</td>"), "text left-aligned, code in words");
    assertTrue(html.contains("style=\"text-align:right\">£1,355,000</td>"), "pounds grouped with the unit, right-aligned");
    assertTrue(html.contains(">20.3%</td>"), "percent with its decimals");
    assertTrue(html.contains(">2006-07</td>"), "financial year in words, not 200607");
    assertTrue(html.contains(">z</td>") && html.contains("z = not applicable"), "z shown and explained");
    assertFalse(html.contains("x = not available"), "only the symbols used are explained");
  }

  @Test
  void plainTablesShowNumbersWithoutExponentsOrTrailingZeros() {
    Table t = Table.create("t", StringColumn.create("region_name", "North East"), DoubleColumn.create("children", 1_500_000.0));
    String html = TableView.of(t).caption("Children under 18").html();
    assertTrue(html.contains(">1,500,000</td>"), "a whole number has no .0 and no E: " + html);
    assertTrue(html.contains(">Region</th>"), "standard column named in words");
  }

  @Test
  void anUnlabelledHeaderIsNeverALowerCaseColumnName() {
    Table t = Table.create("t", StringColumn.create("layout", "long"), DoubleColumn.create("used", 5.0),
        DoubleColumn.create("rows_read", 7.0));
    String html = TableView.of(t).caption("Lines").html();
    assertTrue(html.contains(">Layout</th>") && html.contains(">Used</th>") && html.contains(">Rows read</th>"),
        "one-word and snake_case column names are capitalised words: " + html);
  }

  @Test
  void aTableWithoutCaptionIsRefused() {
    Table t = Table.create("t", StringColumn.create("a", "x"));
    assertThrows(IllegalStateException.class, () -> TableView.of(t).html(), "a caption is required");
  }

  @Test
  void formatNeverUsesENotation() {
    assertEquals("1,500,000", Format.count(1.5e6));
    assertEquals("£2.35", Format.pounds(2.345, 2));
    assertEquals("5.5 pp", Format.number(5.5, 1, "pp"));
    assertEquals("0.0%", Format.pct(-0.01), "no negative zero");
    assertEquals("100.0%", Format.number(100, null, "%"), "a percentage keeps one decimal when the meta file gives none");
  }
}
