package lscb.kernel;

import org.dflib.jjava.jupyter.kernel.BaseKernel;

/** What cells can call: {@code display(x)} shows a value now (each cells' imports include it). */
public final class Notebook {
  private Notebook() {}

  /** Shows a table, chart, Dataset or any value in the cell's output, as the cell's last value would be. */
  public static void display(Object value) {
    var data = Renderers.render(value);
    if (data != null) {
      BaseKernel.notebookKernel().display(data);
    }
  }
}
