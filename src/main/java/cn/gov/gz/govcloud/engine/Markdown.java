package cn.gov.gz.govcloud.engine;

/** The few Markdown shapes task forms show (form-js renders Markdown in text blocks). */
public final class Markdown {

  private Markdown() {}

  /** A labelled paragraph: {@code **label：** value}; line breaks of the value kept. */
  public static void field(StringBuilder md, String label, String value) {
    md.append("**").append(label).append("：** ").append(value == null || value.isBlank() ? "—"
        : value.strip().replace("\n", "  \n")).append("\n\n");
  }

  /** A bullet of a timeline: time, what, who (a person's name; none for the system), text on one line. */
  public static void entry(StringBuilder md, String time, String what, String who, String text) {
    md.append("- ").append(time).append(" **").append(what).append("**")
        .append(who == null || who.isBlank() ? "" : "（" + who + "）").append("：")
        .append(text == null ? "" : text.replace('\n', ' ')).append('\n');
  }
}
