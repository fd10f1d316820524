package cn.gov.gz.govcloud;

import java.util.ArrayList;
import java.util.List;

/**
 * The string literals and text blocks of a Java source, with literals joined by {@code +} merged into one string, so
 * that {@code "SELECT a FROM " + "b WHERE ..."} is read as one statement. Comments and character literals are skipped.
 * Enough of Java's lexical grammar for {@link ArchitectureTest}, not a parser.
 */
final class SourceStrings {

  private SourceStrings() {
  }

  static List<String> of(String src) {
    List<String> out = new ArrayList<>();
    StringBuilder current = null;
    int i = 0;
    int n = src.length();
    boolean joinable = false;
    while (i < n) {
      char c = src.charAt(i);
      if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/') {
        i = src.indexOf('\n', i);
        i = i < 0 ? n : i;
      } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') {
        i = src.indexOf("*/", i + 2);
        i = i < 0 ? n : i + 2;
      } else if (c == '\'') {
        i = skipQuoted(src, i, '\'');
      } else if (c == '"') {
        boolean block = src.startsWith("\"\"\"", i);
        int end = block ? src.indexOf("\"\"\"", i + 3) : skipQuoted(src, i, '"') - 1;
        String text = block ? src.substring(i + 3, end) : unescape(src.substring(i + 1, end));
        i = block ? end + 3 : end + 1;
        if (current != null && joinable) {
          current.append(text);
        } else {
          if (current != null) {
            out.add(current.toString());
          }
          current = new StringBuilder(text);
        }
        joinable = false;
      } else if (c == '+') {
        joinable = current != null;
        i++;
      } else {
        if (!Character.isWhitespace(c)) {
          joinable = false;
          if (current != null) {
            out.add(current.toString());
            current = null;
          }
        }
        i++;
      }
    }
    if (current != null) {
      out.add(current.toString());
    }
    return out;
  }

  private static int skipQuoted(String src, int start, char quote) {
    int i = start + 1;
    while (i < src.length() && src.charAt(i) != quote) {
      i += src.charAt(i) == '\\' ? 2 : 1;
    }
    return i + 1;
  }

  private static String unescape(String s) {
    return s.replace("\\n", "\n").replace("\\t", "\t").replace("\\\"", "\"").replace("\\\\", "\\");
  }
}
