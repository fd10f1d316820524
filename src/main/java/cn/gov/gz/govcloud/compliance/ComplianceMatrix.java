package cn.gov.gz.govcloud.compliance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The compliance matrix: every clause of the catalogue with where it is implemented (model elements, decision rules,
 * report sections, classes) and the tests that prove it, its status, and the coverage figures per standard, chapter
 * and section. Built from three resources: the catalogue, the links the build collects ({@value #LINKS}) and the
 * reviewed list of known gaps ({@value #GAPS}). {@code docs/compliance.md} and the supervisor's page are rendered
 * from one instance of this class, so they cannot say different things.
 */
final class ComplianceMatrix {

  public static final String LINKS = "compliance/links.tsv";
  public static final String GAPS = "compliance/known-gaps.tsv";

  /** Where a clause stands. */
  public enum Status {
    /** A software clause with an element and a test naming it. */
    TESTED,
    /** A software clause with an element but no test (the build refuses it). */
    UNTESTED,
    /** A software clause without an element (the build accepts it only as a known gap). */
    GAP,
    ORGANISATIONAL,
    OUT_OF_SCOPE,
    HEADING
  }

  /** One clause of the matrix. {@code gapReason} is set for a software clause on the list of known gaps. */
  public record Row(StandardClause clause, List<ClauseLink> elements, List<ClauseLink> tests, Status status,
      String gapReason) {}

  /**
   * Counts of a standard, a chapter or a section. Headings are not counted. Implementation and verification rates are
   * over the clauses the software implements; organisational and out-of-scope clauses are counted apart.
   */
  public record Coverage(Standard standard, String group, String title, int clauses, int software, int implemented,
      int tested, int organisational, int outOfScope) {

    /** Implemented software clauses in per cent of all software clauses, or -1 when there are none. */
    public int implementedPercent() {
      return percent(implemented, software);
    }

    public int testedPercent() {
      return percent(tested, software);
    }

    private static int percent(int part, int whole) {
      return whole == 0 ? -1 : (int) Math.floor(part * 100.0 / whole);
    }
  }

  private final ClauseCatalogue catalogue;
  private final List<ClauseLink> links;
  private final Map<String, String> gaps;
  private final Map<String, Row> rows = new LinkedHashMap<>();

  public ComplianceMatrix(ClauseCatalogue catalogue, List<ClauseLink> links, Map<String, String> knownGaps) {
    this.catalogue = catalogue;
    this.links = List.copyOf(links);
    this.gaps = Map.copyOf(knownGaps);
    for (StandardClause c : catalogue.all()) {
      List<ClauseLink> elements = new ArrayList<>();
      List<ClauseLink> tests = new ArrayList<>();
      for (ClauseLink l : links) {
        if (l.clauseKey().equals(c.key())) {
          (l.isTest() ? tests : elements).add(l);
        }
      }
      rows.put(c.key(), new Row(c, List.copyOf(elements), List.copyOf(tests), status(c, elements, tests),
          knownGaps.get(c.key())));
    }
  }

  /** The matrix of the packaged catalogue, links and known gaps. */
  public static ComplianceMatrix load() {
    ClauseCatalogue catalogue = ClauseCatalogue.load();
    List<ClauseLink> links = new ArrayList<>();
    for (String line : lines(LINKS)) {
      links.add(ClauseLink.ofTsv(line));
    }
    return new ComplianceMatrix(catalogue, links, knownGaps(lines(GAPS)));
  }

  /** "clause TAB reason" lines into a map, in their order. */
  public static Map<String, String> knownGaps(List<String> lines) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : lines) {
      String[] f = line.split("\t", -1);
      if (f.length != 2 || f[1].isBlank()) {
        throw new IllegalArgumentException(GAPS + ": clause TAB reason: " + line);
      }
      if (out.put(f[0].strip(), f[1].strip()) != null) {
        throw new IllegalArgumentException(GAPS + ": " + f[0] + " twice");
      }
    }
    return out;
  }

  /** The lines of a packaged text resource, without blank lines and {@code #} comments. */
  static List<String> lines(String resource) {
    try (InputStream in = ComplianceMatrix.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing");
      }
      return lines(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<String> lines(InputStream in) throws IOException {
    List<String> out = new ArrayList<>();
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    while ((line = r.readLine()) != null) {
      if (!line.isBlank() && !line.startsWith("#")) {
        out.add(line);
      }
    }
    return out;
  }

  private static Status status(StandardClause c, List<ClauseLink> elements, List<ClauseLink> tests) {
    return switch (c.kind()) {
      case HEADING -> Status.HEADING;
      case ORGANISATIONAL -> Status.ORGANISATIONAL;
      case OUT_OF_SCOPE -> Status.OUT_OF_SCOPE;
      case SOFTWARE -> elements.isEmpty() ? Status.GAP : tests.isEmpty() ? Status.UNTESTED : Status.TESTED;
    };
  }

  public ClauseCatalogue catalogue() {
    return catalogue;
  }

  public List<ClauseLink> links() {
    return links;
  }

  public List<Row> rows() {
    return List.copyOf(rows.values());
  }

  public List<Row> rows(Standard standard) {
    return rows.values().stream().filter(r -> r.clause().standard() == standard).toList();
  }

  public Optional<Row> row(String key) {
    return Optional.ofNullable(rows.get(key));
  }

  /** The software clauses without an element, each with the reason the list of known gaps gives. */
  public List<Row> gaps() {
    return rows.values().stream().filter(r -> r.status() == Status.GAP).toList();
  }

  /**
   * What is wrong with the matrix, in words; empty when it holds: every software clause has an element or is a known
   * gap with a reason; a known gap is a software clause that still has no element; every clause with an element has a
   * test naming it; no element implements a clause marked out of scope; tests name clauses, not headings.
   */
  public List<String> problems() {
    List<String> out = new ArrayList<>();
    for (Row r : rows.values()) {
      StandardClause c = r.clause();
      boolean known = gaps.containsKey(c.key());
      if (r.status() == Status.GAP && !known) {
        out.add(c.key() + " " + c.title() + ": software clause without an element; implement it, cite it where it is"
            + " implemented, or add it to " + GAPS + " with the reason");
      }
      if (known && c.kind() != ClauseKind.SOFTWARE) {
        out.add(c.key() + ": in " + GAPS + " but marked " + c.kind().id() + " in the catalogue");
      }
      if (known && c.kind() == ClauseKind.SOFTWARE && !r.elements().isEmpty()) {
        out.add(c.key() + ": in " + GAPS + " but implemented by " + describe(r.elements().get(0))
            + "; remove it from the list");
      }
      if (c.kind() == ClauseKind.OUT_OF_SCOPE && !r.elements().isEmpty()) {
        out.add(c.key() + ": marked out of scope (" + c.covers() + ") but cited by " + describe(r.elements().get(0)));
      }
      if (c.kind() != ClauseKind.HEADING && !r.elements().isEmpty() && r.tests().isEmpty()) {
        out.add(c.key() + " " + c.title() + ": implemented by " + describe(r.elements().get(0))
            + " but no test names it (@Clause)");
      }
      if (c.kind() == ClauseKind.HEADING && !r.tests().isEmpty()) {
        out.add(c.key() + " is a heading: " + describe(r.tests().get(0)) + " should name the clauses it checks");
      }
    }
    for (String key : gaps.keySet()) {
      if (catalogue.find(key).isEmpty()) {
        out.add(key + ": in " + GAPS + " but not in the catalogue");
      }
    }
    return out;
  }

  private static String describe(ClauseLink l) {
    return l.source() + " " + l.element();
  }

  /** Coverage of each standard: the whole listed scope, then each chapter and its sections, then clauses cited beyond. */
  public List<Coverage> coverage(Standard standard) {
    List<Coverage> out = new ArrayList<>();
    List<Row> listed = rows(standard).stream().filter(r -> r.clause().inListedScope()).toList();
    out.add(count(standard, "", "合计", listed));
    for (String chapter : standard.chapters()) {
      List<Row> inChapter = listed.stream().filter(r -> r.clause().chapter().equals(chapter)).toList();
      if (inChapter.isEmpty()) {
        continue;
      }
      out.add(count(standard, chapter, title(standard, chapter), inChapter));
      Map<String, List<Row>> sections = new LinkedHashMap<>();
      for (Row r : inChapter) {
        String s = r.clause().section();
        if (!s.equals(chapter)) {
          sections.computeIfAbsent(s, k -> new ArrayList<>()).add(r);
        }
      }
      if (sections.size() > 1) {
        sections.forEach((s, rs) -> out.add(count(standard, s, title(standard, s), rs)));
      }
    }
    List<Row> beyond = rows(standard).stream().filter(r -> !r.clause().inListedScope()).toList();
    if (beyond.stream().anyMatch(r -> r.clause().counted())) {
      out.add(count(standard, "*", "范围外被引用的条款", beyond));
    }
    return out;
  }

  private String title(Standard s, String number) {
    return catalogue.find(s, number).map(StandardClause::title).orElse("");
  }

  private static Coverage count(Standard s, String group, String title, List<Row> rs) {
    int clauses = 0;
    int software = 0;
    int implemented = 0;
    int tested = 0;
    int organisational = 0;
    int outOfScope = 0;
    for (Row r : rs) {
      if (!r.clause().counted()) {
        continue;
      }
      clauses++;
      switch (r.clause().kind()) {
        case SOFTWARE -> {
          software++;
          if (!r.elements().isEmpty()) {
            implemented++;
          }
          if (r.status() == Status.TESTED) {
            tested++;
          }
        }
        case ORGANISATIONAL -> organisational++;
        case OUT_OF_SCOPE -> outOfScope++;
        default -> { }
      }
    }
    return new Coverage(s, group, title, clauses, software, implemented, tested, organisational, outOfScope);
  }
}
