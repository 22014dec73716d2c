package lscb.notebook;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler;

/** Bar charts a reader can read: plain-number axes (never E-notation), labels that fit, a legend only with series. */
public final class Charts {
  /** Width of every chart in pixels: fits a 1280 px page with room to spare. */
  public static final int WIDTH = 900;

  private Charts() {}

  /** An empty bar chart: white, axis titles, grouped thousands on the value axis. */
  public static CategoryChart bars(String title, String xTitle, String yTitle) {
    return bars(title, xTitle, yTitle, 460);
  }

  /** A chart tall enough that labels turned upright leave the plot its height. */
  private static CategoryChart bars(String title, String xTitle, String yTitle, List<String> labels) {
    int longest = labels.stream().mapToInt(String::length).max().orElse(0);
    return bars(title, xTitle, yTitle, labelsFit(labels, WIDTH) ? 460 : 400 + (int) Math.round(longest * 6.5));
  }

  private static CategoryChart bars(String title, String xTitle, String yTitle, int height) {
    CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(height).title(title)
        .xAxisTitle(xTitle == null ? "" : xTitle).yAxisTitle(yTitle == null ? "" : yTitle).build();
    Styler s = chart.getStyler();
    s.setChartBackgroundColor(Color.WHITE);
    s.setLegendPosition(Styler.LegendPosition.OutsideS);
    s.setLegendLayout(Styler.LegendLayout.Horizontal);
    chart.getStyler().setYAxisDecimalPattern("#,##0.##");
    chart.getStyler().setAvailableSpaceFill(0.8);
    chart.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    chart.getStyler().setXAxisTickMarkSpacingHint(8);
    return chart;
  }

  /** A bar chart of one or more series over the same categories (codes shown in words); then {@link #finish}. */
  public static CategoryChart bars(String title, String xTitle, String yTitle, List<String> categories,
      List<String> seriesNames, List<? extends List<? extends Number>> values) {
    List<String> words = categories.stream().map(c -> Words.label(Words.period(c))).toList();
    CategoryChart chart = bars(title, xTitle, yTitle, words);
    for (int i = 0; i < seriesNames.size(); i++) {
      chart.addSeries(seriesNames.get(i), words, values.get(i));
    }
    return finish(chart);
  }

  /** Settles what depends on the data: the legend only with two or more series; labels upright only when they fit. */
  public static CategoryChart finish(CategoryChart chart) {
    chart.getStyler().setLegendVisible(chart.getSeriesCollection().size() > 1);
    List<String> labels = new ArrayList<>();
    for (CategorySeries series : chart.getSeriesCollection()) {
      series.getXData().forEach(x -> labels.add(String.valueOf(x)));
      break;
    }
    chart.getStyler().setXAxisLabelRotation(labelsFit(labels, chart.getWidth()) ? 0 : 90);
    return chart;
  }

  /** True if the labels fit side by side under the plot at about 7 px a character. */
  static boolean labelsFit(List<String> labels, int width) {
    if (labels.isEmpty()) {
      return true;
    }
    double perLabel = (width - 120.0) / labels.size();
    int longest = labels.stream().mapToInt(String::length).max().orElse(0);
    return longest * 7.5 + 8 <= perLabel;
  }

  /** A histogram: one bar per band of the given width from 0, one series per named list of values. */
  public static CategoryChart histogram(String title, String xTitle, String unit, double bandWidth, int decimals,
      List<String> seriesNames, List<double[]> values) {
    double max = 0;
    for (double[] v : values) {
      for (double d : v) {
        max = Math.max(max, d);
      }
    }
    int bands = Math.max(1, (int) Math.floor(max / bandWidth) + 1);
    List<String> names = bandNames(bands, bandWidth, decimals, unit);
    CategoryChart chart = bars(title, xTitle, "boards", names);
    chart.getStyler().setYAxisDecimalPattern("#,##0");
    for (int s = 0; s < seriesNames.size(); s++) {
      double[] counts = new double[bands];
      for (double d : values.get(s)) {
        counts[Math.min(bands - 1, (int) Math.floor(d / bandWidth))]++;
      }
      List<Double> list = new ArrayList<>();
      for (double c : counts) {
        list.add(c);
      }
      chart.addSeries(seriesNames.get(s), names, list);
    }
    return finish(chart);
  }

  /** Band names from the lower bound to just under the next band's: "£0.50-0.99" (£ before), "5.0-9.9%" (other units after). */
  static List<String> bandNames(int bands, double width, int decimals, String unit) {
    List<String> names = new ArrayList<>();
    double step = Math.pow(10, -decimals);
    boolean before = "£".equals(unit);
    for (int b = 0; b < bands; b++) {
      double low = b * width;
      names.add(Format.number(low, decimals, before ? unit : "") + "-"
          + (before ? String.format(Locale.ROOT, "%,." + decimals + "f", low + width - step) : Format.number(low + width - step, decimals, unit)));
    }
    return names;
  }
}
