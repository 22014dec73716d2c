package lscb.kernel;

import java.util.UUID;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

/**
 * What cells can call, as IJava names it (every cell imports these statically): display, render,
 * updateDisplay, and helpers for SVG, Markdown, HTML and LaTeX.
 */
public final class Notebook {
  private Notebook() {}

  /** Shows a value now, as a cell's last value would be shown; returns its display id (for updateDisplay). */
  public static String display(Object value) {
    return display(value, new String[0]);
  }

  /** Shows a value now as the given MIME types (e.g. "text/html"); returns its display id. */
  public static String display(Object value, String... mimeTypes) {
    DisplayData data = render(value, mimeTypes);
    if (data == null) {
      return null;
    }
    DisplayData shown = new DisplayData(data);
    String id = shown.hasDisplayId() ? shown.getDisplayId() : UUID.randomUUID().toString();
    shown.setDisplayId(id);
    BaseKernel.notebookKernel().display(shown);
    return id;
  }

  /** Replaces what display(...) showed under this id with a new value. */
  public static void updateDisplay(String id, Object value) {
    updateDisplay(id, value, new String[0]);
  }

  /** Replaces what display(...) showed under this id with a new value, as the given MIME types. */
  public static void updateDisplay(String id, Object value, String... mimeTypes) {
    DisplayData data = render(value, mimeTypes);
    if (data != null && BaseKernel.notebookKernel() instanceof Kernel kernel) {
      kernel.updateDisplay(id, data);
    }
  }

  /** Clears the cell's output so far (as IPython's clear_output()). */
  public static void clearOutput() {
    if (BaseKernel.notebookKernel() instanceof Kernel kernel) {
      kernel.clearOutput(false);
    }
  }

  /**
   * A value's display data, only in the given MIME types if any are given. A string may be given
   * any type (it is taken as already in it); another value must have a view of that type.
   */
  public static DisplayData render(Object value, String... mimeTypes) {
    if (mimeTypes.length == 0) {
      return Renderers.render(value);
    }
    DisplayData all = value instanceof CharSequence ? null : Renderers.render(value);
    DisplayData chosen = new DisplayData();
    for (String mime : mimeTypes) {
      Object data = all == null ? value.toString() : all.getData(MIMEType.parse(mime));
      if (data == null) {
        throw new IllegalArgumentException("a " + value.getClass().getSimpleName() + " has no " + mime + " view");
      }
      chosen.putData(mime, data);
    }
    return chosen;
  }

  /** SVG markup, shown as an image. */
  public static DisplayData svg(String svg) {
    return typed("image/svg+xml", svg, "[SVG image]");
  }

  /** Markdown, shown formatted. */
  public static DisplayData markdown(String markdown) {
    return typed("text/markdown", markdown, markdown);
  }

  /** HTML, shown as it is. */
  public static DisplayData html(String html) {
    return typed("text/html", html, html);
  }

  /** LaTeX (e.g. "$x^2$"), shown typeset. */
  public static DisplayData latex(String latex) {
    return typed("text/latex", latex, latex);
  }

  private static DisplayData typed(String mime, String content, String plain) {
    DisplayData data = new DisplayData(plain);
    data.putData(mime, content);
    return data;
  }
}
