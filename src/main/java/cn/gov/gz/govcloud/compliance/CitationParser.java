package cn.gov.gz.govcloud.compliance;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one reader of clause citations, for model documentation, decision rules, report templates, code and tests alike.
 * It understands the spellings the project uses:
 *
 * <ul>
 *   <li>a standard by its short code ({@code P6 7.4.2.3.2}, {@code P3 5.3.2.7}, {@code GB 5.3.3 c}), its number
 *       ({@code DB4401/T 294.3—2024 5.1.3.2}, {@code DB4401/T 294.6 7.5.3}, {@code GB/T 34077.3 8.2.7},
 *       {@code T/DGAG 038 7.4.2}) or its part of the series ({@code DB4401/T 294 第6部分 7.4.2.3}, {@code 第3部分
 *       5.3.2});
 *   <li>later numbers of the same text belong to the standard last named ({@code P6 7.2.3.1 政务云资源巡检、7.2.3.2 …});
 *   <li>several clauses: {@code 5.3.2.7/5.3.2.8}, {@code 5.3.2.7/8}, ranges of siblings {@code 5.3.2.4–5.3.2.8} and
 *       {@code 7.4.2.3.3–5};
 *   <li>lettered items, which belong to their clause: {@code 5.3.2 e 4}, {@code 5.3.2 e) 4)}, {@code 5.3.2 e 2、4},
 *       {@code 5.3.2 e 2–4}, {@code 5.1 b、5.3.2};
 *   <li>appendices: {@code 附录 C}, {@code 附录 A.1 第 3、8 项}, {@code 附录 C.1 第 1–9 项}, {@code 表 D.1 第 13 项},
 *       {@code D.1#13}, a bare table {@code A.2}.
 * </ul>
 *
 * A clause number before any standard is named, and a standard of the series named without its part, are problems:
 * the citation cannot be resolved. Other standards ({@code GB/T 22239—2019}, {@code DB4401/T 294.1}) are recognised
 * so that their numbers are not taken for ours. Whether a cited clause exists is the catalogue's question, not the
 * parser's.
 */
public final class CitationParser {

  /**
   * One cited clause.
   *
   * @param number as in the catalogue: {@code 5.3.2}, {@code C.1#19}
   * @param item the lettered item, if one was cited: {@code e) 4)}; empty otherwise
   * @param text the words of the citation as written
   */
  public record Citation(Standard standard, String number, String item, String text) {

    public String key() {
      return StandardClause.key(standard, number);
    }
  }

  /** What a text cites, and what could not be read. */
  public record Result(List<Citation> citations, List<String> problems) {}

  private static final String DASH = "[–~—-]";
  private static final String ITEMS = "\\s*第\\s*\\d+(?:\\s*(?:[、,，和及]|" + DASH + ")\\s*\\d+)*\\s*项";

  private static final Pattern TOKEN = Pattern.compile(String.join("|",
      "(?<db>DB4401/T\\s*294(?:\\.(?<dbPart>\\d))?(?:\\s*[—–-]\\s*\\d{4})?(?:\\s*第\\s*(?<dbPart2>\\d)\\s*部分)?)",
      "(?<part>第\\s*(?<partNo>\\d)\\s*部分)",
      "(?<dgag>T/DGAG\\s*038(?:\\s*[—–-]\\s*\\d{4})?)",
      "(?<gb>GB/T\\s*34077\\.3(?:\\s*[—–-]\\s*\\d{4})?)",
      "(?<other>(?:GB/T|DB\\d{2,4}/T|YD/T|SJ/T|ISO/IEC|T/[A-Z]+)\\s*\\d+(?:\\.\\d+)*(?:\\s*[—–-]\\s*\\d{4})?)",
      "(?<short>(?<![A-Za-z0-9])(?:P3|P5|P6)(?=\\s*(?:\\d|附录|表|[A-D]\\.\\d))|(?<![A-Za-z0-9/])GB(?=\\s*\\d+\\.\\d))",
      "(?<appx>附录\\s*(?<appxLetter>[A-Z])(?:\\s*\\.\\s*(?<appxTable>\\d+))?(?<appxItems>" + ITEMS + ")?)",
      "(?<table>表\\s*(?<tableLetter>[A-Z])\\s*\\.\\s*(?<tableNo>\\d+)(?<tableItems>" + ITEMS + ")?)",
      "(?<hash>(?<![A-Za-z0-9])(?<hashLetter>[A-Z])\\.(?<hashTable>\\d+)#(?<hashItem>\\d+)(?:\\s*" + DASH
          + "\\s*(?<hashEnd>\\d+))?)",
      "(?<bare>(?<![A-Za-z0-9.])(?<bareLetter>[A-D])\\.(?<bareTable>\\d+)(?![\\d.#]))",
      "(?<num>(?<![\\d.A-Za-z_/])\\d+(?:\\.\\d+)+(?![\\d%]|\\.\\d))"));

  private static final Pattern RANGE = Pattern.compile("\\s*" + DASH + "\\s*(\\d+(?:\\.\\d+)*)(?![\\d.%])");
  private static final Pattern SLASH = Pattern.compile("/(\\d+(?:\\.\\d+)*)(?![\\d.%])");
  private static final Pattern LETTER = Pattern.compile("\\s*([a-l])(?![A-Za-z])\\s*[)）]?");
  private static final Pattern DIGIT = Pattern.compile("\\s*(\\d{1,2})(?![\\d.])\\s*[)）]?");
  private static final Pattern SEPARATOR = Pattern.compile("\\s*(?:[、,，]|(" + DASH + "))\\s*");
  private static final Pattern NUMBERS = Pattern.compile("\\d+");

  /** What the text names last: one of ours, another standard, or the series without its part. */
  private sealed interface Context permits Ours, Other, Series {}

  private record Ours(Standard standard) implements Context {}

  private record Other() implements Context {}

  private record Series() implements Context {}

  private CitationParser() {}

  public static Result parse(String text) {
    List<Citation> out = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return new Result(out, problems);
    }
    Context context = null;
    Matcher m = TOKEN.matcher(text);
    int from = 0;
    while (from < text.length() && m.find(from)) {
      from = m.end();
      if (m.group("db") != null) {
        String part = m.group("dbPart") != null ? m.group("dbPart") : m.group("dbPart2");
        context = part == null ? new Series() : part(part);
      } else if (m.group("part") != null) {
        context = part(m.group("partNo"));
      } else if (m.group("dgag") != null) {
        context = new Ours(Standard.P5);
      } else if (m.group("gb") != null) {
        context = new Ours(Standard.GB);
      } else if (m.group("other") != null) {
        context = new Other();
      } else if (m.group("short") != null) {
        context = new Ours(Standard.ofCode(m.group("short")));
      } else if (m.group("appx") != null || m.group("table") != null || m.group("hash") != null
          || m.group("bare") != null) {
        Standard s = standardFor(context, m.group(), problems);
        if (s != null) {
          appendix(s, m, out);
        }
      } else if (m.group("num") != null) {
        from = number(text, m, context, out, problems);
      }
    }
    return new Result(List.copyOf(out), List.copyOf(problems));
  }

  private static Context part(String part) {
    return switch (part) {
      case "3" -> new Ours(Standard.P3);
      case "5" -> new Ours(Standard.P5);
      case "6" -> new Ours(Standard.P6);
      default -> new Other();
    };
  }

  private static Standard standardFor(Context context, String cited, List<String> problems) {
    if (context instanceof Ours ours) {
      return ours.standard();
    }
    if (context == null) {
      problems.add("“" + cited + "”前没有写明标准（如 P6、DB4401/T 294.3、GB/T 34077.3）");
    } else if (context instanceof Series) {
      problems.add("“" + cited + "”所属的 DB4401/T 294 未写明第几部分");
    }
    return null; // another standard's clause: not ours to resolve
  }

  private static void appendix(Standard s, Matcher m, List<Citation> out) {
    String letter;
    String table;
    String items;
    if (m.group("appx") != null) {
      letter = m.group("appxLetter");
      table = m.group("appxTable");
      items = m.group("appxItems");
    } else if (m.group("table") != null) {
      letter = m.group("tableLetter");
      table = m.group("tableNo");
      items = m.group("tableItems");
    } else if (m.group("hash") != null) {
      letter = m.group("hashLetter");
      table = m.group("hashTable");
      items = m.group("hashItem") + (m.group("hashEnd") == null ? "" : "–" + m.group("hashEnd"));
    } else {
      letter = m.group("bareLetter");
      table = m.group("bareTable");
      items = null;
    }
    String base = table == null ? letter : letter + "." + table;
    if (items == null) {
      out.add(new Citation(s, base, "", m.group().strip()));
      return;
    }
    for (int n : itemNumbers(items)) {
      out.add(new Citation(s, base + "#" + n, "", m.group().strip()));
    }
  }

  /** "第 3、8 项" → 3, 8; "第 1–9 项" → 1…9. */
  private static List<Integer> itemNumbers(String items) {
    List<Integer> out = new ArrayList<>();
    Matcher d = NUMBERS.matcher(items);
    int last = -1;
    int end = 0;
    while (d.find()) {
      int n = Integer.parseInt(d.group());
      String between = items.substring(end, d.start());
      if (last >= 0 && between.matches(".*" + DASH + ".*")) {
        for (int i = last + 1; i <= n; i++) {
          out.add(i);
        }
      } else {
        out.add(n);
      }
      last = n;
      end = d.end();
    }
    return out;
  }

  /** A clause number and what may follow it: a second one, a range, lettered items. Returns where to go on. */
  private static int number(String text, Matcher m, Context context, List<Citation> out, List<String> problems) {
    String first = m.group("num");
    int at = m.end();
    List<String> numbers = new ArrayList<>();
    numbers.add(first);
    Matcher slash = SLASH.matcher(text).region(at, text.length());
    Matcher range = RANGE.matcher(text).region(at, text.length());
    String problem = null;
    if (slash.lookingAt()) {
      numbers.add(complete(first, slash.group(1)));
      at = slash.end();
    } else if (range.lookingAt()) {
      String last = complete(first, range.group(1));
      problem = expand(first, last, numbers);
      at = range.end();
    }
    String cited = text.substring(m.start(), at).strip();
    List<String> items = new ArrayList<>();
    if (numbers.size() == 1) {
      at = items(text, at, items);
    }
    Standard s = standardFor(context, cited, problems);
    if (s == null) {
      return at;
    }
    if (problem != null) {
      problems.add("“" + cited + "”：" + problem);
      return at;
    }
    String words = text.substring(m.start(), at).strip();
    for (String n : numbers) {
      if (items.isEmpty()) {
        out.add(new Citation(s, n, "", words));
      }
      for (String item : items) {
        out.add(new Citation(s, n, item, words));
      }
    }
    return at;
  }

  /** "5.3.2.7" and "8" → "5.3.2.7" and "5.3.2.8"; a full number stays as it is. */
  private static String complete(String first, String end) {
    if (end.contains(".")) {
      return end;
    }
    return first.substring(0, first.lastIndexOf('.') + 1) + end;
  }

  private static String expand(String first, String last, List<String> numbers) {
    int cut = first.lastIndexOf('.');
    String prefix = first.substring(0, cut + 1);
    if (!last.startsWith(prefix) || last.substring(prefix.length()).contains(".")) {
      return "范围的两端须是同一条款下的同级条款";
    }
    int a = Integer.parseInt(first.substring(cut + 1));
    int b = Integer.parseInt(last.substring(prefix.length()));
    if (b <= a) {
      return "范围须从小到大";
    }
    for (int i = a + 1; i <= b; i++) {
      numbers.add(prefix + i);
    }
    return null;
  }

  /** Lettered items after a clause number: "e 4", "e) 2)、4)", "b、c", "e 2–4". Returns where they end. */
  private static int items(String text, int at, List<String> items) {
    String letter = null;
    Matcher l = LETTER.matcher(text).region(at, text.length());
    if (!l.lookingAt()) {
      return at;
    }
    letter = l.group(1);
    at = l.end();
    Integer lastDigit = null;
    Matcher d = DIGIT.matcher(text).region(at, text.length());
    if (d.lookingAt()) {
      lastDigit = Integer.parseInt(d.group(1));
      items.add(letter + ") " + lastDigit + ")");
      at = d.end();
    } else {
      items.add(letter + ")");
    }
    while (at < text.length()) {
      Matcher sep = SEPARATOR.matcher(text).region(at, text.length());
      if (!sep.lookingAt()) {
        break;
      }
      boolean isRange = sep.group(1) != null;
      Matcher nextLetter = LETTER.matcher(text).region(sep.end(), text.length());
      Matcher nextDigit = DIGIT.matcher(text).region(sep.end(), text.length());
      if (!isRange && nextLetter.lookingAt() && !followedByClause(text, nextLetter.end())) {
        letter = nextLetter.group(1);
        at = nextLetter.end();
        Matcher dd = DIGIT.matcher(text).region(at, text.length());
        if (dd.lookingAt()) {
          lastDigit = Integer.parseInt(dd.group(1));
          items.add(letter + ") " + lastDigit + ")");
          at = dd.end();
        } else {
          lastDigit = null;
          items.add(letter + ")");
        }
      } else if (lastDigit != null && nextDigit.lookingAt()) {
        int n = Integer.parseInt(nextDigit.group(1));
        for (int i = isRange ? lastDigit + 1 : n; i <= n; i++) {
          items.add(letter + ") " + i + ")");
        }
        lastDigit = n;
        at = nextDigit.end();
      } else {
        break;
      }
    }
    return at;
  }

  private static boolean followedByClause(String text, int at) {
    return text.startsWith(".", at);
  }
}
