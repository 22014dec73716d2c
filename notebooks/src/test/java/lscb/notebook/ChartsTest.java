package lscb.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.DecimalFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;

class ChartsTest {
  @Test
  void aLegendOnlyWhenThereAreSeriesToTellApart() {
    CategoryChart one = Charts.bars("t", "x", "y", List.of("A", "B"), List.of("2007"), List.of(List.of(1, 2)));
    CategoryChart two = Charts.bars("t", "x", "y", List.of("A", "B"), List.of("2006", "2007"), List.of(List.of(1, 2), List.of(3, 4)));
    assertFalse(one.getStyler().isLegendVisible(), "one series: no legend");
    assertTrue(two.getStyler().isLegendVisible(), "two series: a legend");
  }

  @Test
  void theValueAxisNeverShowsENotation() {
    CategoryChart chart = Charts.bars("Children", "region", "children", List.of("North East", "London"), List.of("2007"),
        List.of(List.of(1_500_000, 2_000_000)));
    String tick = new DecimalFormat(chart.getStyler().getYAxisDecimalPattern()).format(1_500_000);
    assertEquals("1,500,000", tick, "large values read as plain grouped numbers");
  }

  @Test
  void codesAreInWordsAndLongLabelsTurnUpright() throws Exception {
    CategoryChart shortLabels = Charts.bars("t", "x", "y", List.of("2006", "2007"), List.of("n"), List.of(List.of(1, 2)));
    assertEquals(0, shortLabels.getStyler().getXAxisLabelRotation(), "short labels stay flat");
    List<String> many = java.util.stream.IntStream.range(0, 20).mapToObj(i -> "YOUTH_OFFENDING_SERVICE_" + i).toList();
    CategoryChart longLabels = Charts.bars("t", "x", "y", many, List.of("n"), List.of(many.stream().map(s -> 1).toList()));
    assertEquals(90, longLabels.getStyler().getXAxisLabelRotation(), "20 long labels would overlap flat");
    assertTrue(longLabels.getHeight() > shortLabels.getHeight(), "upright labels make the chart taller, not the plot smaller");
    assertTrue(longLabels.getSeriesCollection().iterator().next().getXData().contains("Youth offending service 3"),
        "codes are shown in words");
    assertTrue(BitmapEncoder.getBitmapBytes(longLabels, BitmapEncoder.BitmapFormat.PNG).length > 1000, "it draws");
  }

  @Test
  void aHistogramCountsEveryValueInItsBand() {
    double[] values = {0.1, 0.6, 0.7, 2.4};
    CategoryChart chart = Charts.histogram("Spend", "£ per child", "£", 0.5, 2, List.of("2006-07"), List.of(values));
    var series = chart.getSeriesCollection().iterator().next();
    assertEquals(List.of("£0.00-0.49", "£0.50-0.99", "£1.00-1.49", "£1.50-1.99", "£2.00-2.49"), series.getXData(), "bands");
    org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {1, 2, 0, 0, 1}, series.getYData(), "counts per band");
    assertFalse(chart.getStyler().isLegendVisible(), "one series: no legend");
  }

  @Test
  void aPercentBandCarriesItsUnitAtTheEnd() {
    assertEquals(List.of("0.0-4.9%", "5.0-9.9%"), Charts.bandNames(2, 5, 1, "%"), "0.0-4.9%, not 0%-4");
  }
}
