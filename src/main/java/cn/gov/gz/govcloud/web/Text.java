package cn.gov.gz.govcloud.web;

/** Input text as the API and the forms take it: blank is absent, and what is kept is stripped. */
public final class Text {

  private Text() {}

  public static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /** Null for null or blank, otherwise the text without leading and trailing white space. */
  public static String blankToNull(String s) {
    return blank(s) ? null : s.strip();
  }
}
