package lscb.notebook;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * A sentence under a table with named values: {@code Sentence.of("In {year}, **{share}** of boards").text("year", "2007")
 * .pct("share", 33.9)}. Every {name} must get a value and every value must be used; **x** is bold.
 */
public final class Sentence {
  private static final Pattern NAME = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)\\}");
  private final String template;
  private final Map<String, String> values = new LinkedHashMap<>();

  private Sentence(String template) {
    this.template = template;
  }

  public static Sentence of(String template) {
    return new Sentence(template);
  }

  /** A text value, as given. */
  public Sentence text(String name, Object value) {
    if (values.put(name, String.valueOf(value)) != null) {
      throw new IllegalArgumentException("{" + name + "} is given twice in: " + template);
    }
    return this;
  }

  /** A survey code in running words (NHS trust, police). */
  public Sentence words(String name, String code) {
    return text(name, Words.words(code));
  }

  public Sentence pct(String name, double value) {
    return text(name, Format.pct(value));
  }

  public Sentence count(String name, double value) {
    return text(name, Format.count(value));
  }

  public Sentence pounds(String name, double value, int decimals) {
    return text(name, Format.pounds(value, decimals));
  }

  public Sentence number(String name, double value, int decimals) {
    return text(name, Format.number(value, decimals, ""));
  }

  /** The sentence as plain text (bold marks removed). */
  public String plain() {
    return fill(false);
  }

  /** The sentence as HTML (values escaped, **x** bold). */
  public String html() {
    return fill(true);
  }

  /** The sentence as notebook output: a paragraph in the page, plain text elsewhere. */
  public DisplayData display() {
    DisplayData data = new DisplayData(plain());
    data.putHTML("<p style=\"font-size:1.1em;max-width:60em\">" + html() + "</p>");
    return data;
  }

  private String fill(boolean html) {
    Matcher m = NAME.matcher(template);
    StringBuilder out = new StringBuilder();
    java.util.Set<String> used = new java.util.HashSet<>();
    int last = 0;
    while (m.find()) {
      String name = m.group(1);
      if (!values.containsKey(name)) {
        throw new IllegalArgumentException("no value for {" + name + "} in: " + template);
      }
      used.add(name);
      out.append(piece(template.substring(last, m.start()), html)).append(html ? TableView.escape(values.get(name)) : values.get(name));
      last = m.end();
    }
    out.append(piece(template.substring(last), html));
    for (String name : values.keySet()) {
      if (!used.contains(name)) {
        throw new IllegalArgumentException("value {" + name + "} is not used in: " + template);
      }
    }
    String text = out.toString();
    return html ? text.replaceAll("\\*\\*(.+?)\\*\\*", "<b>$1</b>") : text.replace("**", "");
  }

  private static String piece(String text, boolean html) {
    return html ? TableView.escape(text) : text;
  }
}
