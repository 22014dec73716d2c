package lscb.kernel;

import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Turns a cell's value into what the notebook shows: tables as HTML, charts as PNG, the rest as text. */
public final class Renderers {
  private static final String SPARK_DATASET = "org.apache.spark.sql.Dataset";

  private Renderers() {}

  /** The display of a value; null for null. */
  public static DisplayData render(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof DisplayData data) {
      return data;
    }
    if (value instanceof Table table) {
      return table(table);
    }
    if (value instanceof Chart<?, ?> chart) {
      return chart(chart);
    }
    if (value instanceof RenderedImage image) {
      return image(image);
    }
    if (isSparkDataset(value.getClass())) {
      return SparkTables.render(value);
    }
    return new DisplayData(text(value));
  }

  private static DisplayData table(Table table) {
    int shown = Math.min(table.rowCount(), HtmlTable.MAX_ROWS);
    List<List<String>> rows = new ArrayList<>();
    for (int r = 0; r < shown; r++) {
      List<String> cells = new ArrayList<>();
      for (Column<?> column : table.columns()) {
        cells.add(column.getString(r));
      }
      rows.add(cells);
    }
    DisplayData data = new DisplayData(table.print(HtmlTable.MAX_ROWS));
    data.putHTML(HtmlTable.html(table.name(), table.columnNames(), rows, table.rowCount()));
    return data;
  }

  private static DisplayData chart(Chart<?, ?> chart) {
    try {
      byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
      DisplayData data = new DisplayData(chart.getClass().getSimpleName() + " \"" + chart.getTitle() + "\" ("
          + chart.getWidth() + "x" + chart.getHeight() + ")");
      data.putData("image/png", Base64.getEncoder().encodeToString(png));
      return data;
    } catch (IOException e) {
      throw new UncheckedIOException("could not draw the chart as PNG", e);
    }
  }

  /** Any AWT image (BufferedImage, ...) as a PNG. */
  private static DisplayData image(RenderedImage image) {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, "png", png)) {
        throw new IOException("no PNG writer for this image");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not encode the image as PNG", e);
    }
    DisplayData data = new DisplayData(image.getClass().getSimpleName() + " (" + image.getWidth() + "x"
        + image.getHeight() + ")");
    data.putData("image/png", Base64.getEncoder().encodeToString(png.toByteArray()));
    return data;
  }

  /** Checks the class name, not the class, so the kernel runs without Spark on the classpath. */
  private static boolean isSparkDataset(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      if (c.getName().equals(SPARK_DATASET)) {
        return true;
      }
    }
    return false;
  }

  private static String text(Object value) {
    if (value.getClass().isArray()) {
      String text = Arrays.deepToString(new Object[] {value});
      return text.substring(1, text.length() - 1);
    }
    return String.valueOf(value);
  }
}
