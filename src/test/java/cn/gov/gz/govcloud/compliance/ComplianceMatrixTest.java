package cn.gov.gz.govcloud.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.compliance.ComplianceCollector.Found;
import cn.gov.gz.govcloud.compliance.ComplianceMatrix.Coverage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The build step of the compliance matrix. It collects every clause citation of the project (models, report
 * templates, {@code @Implements} in the code, {@code @Clause} on tests), checks them against the catalogue and the
 * rules of {@link ComplianceMatrix#problems()}, prints the coverage per standard and chapter, and fails when the
 * generated files in the repository are out of date: {@code src/main/resources/compliance/links.tsv} (what the page
 * in the application shows) and {@code docs/compliance.md}. Both are written to {@code target/compliance/} on every
 * run; with {@code -Dcompliance.regenerate=true} they are written into the repository instead of compared.
 */
@Tag("unit")
class ComplianceMatrixTest {

  static final Path PROJECT = Path.of("").toAbsolutePath();
  static final Path LINKS = PROJECT.resolve("src/main/resources/" + ComplianceMatrix.LINKS);
  static final Path GAPS = PROJECT.resolve("src/main/resources/" + ComplianceMatrix.GAPS);
  static final Path DOC = PROJECT.resolve("docs/compliance.md");
  static final Path OUT = PROJECT.resolve("target/compliance");

  static ClauseCatalogue catalogue;
  static Found found;
  static ComplianceMatrix matrix;

  @BeforeAll
  static void collect() throws Exception {
    catalogue = ClauseCatalogue.load();
    found = ComplianceCollector.collect(PROJECT, catalogue);
    Map<String, String> gaps = ComplianceMatrix.knownGaps(ComplianceMatrix.lines(Files.newInputStream(GAPS)));
    matrix = new ComplianceMatrix(catalogue, found.links(), gaps);
  }

  @Test
  void everyCitationInModelsTemplatesCodeAndTestsResolvesToAClause() {
    assertThat(found.problems()).as("citations that do not resolve").isEmpty();
    assertThat(found.links()).isNotEmpty();
  }

  @Test
  void everySoftwareClauseIsImplementedOrAKnownGapAndEveryImplementedClauseIsTested() {
    assertThat(matrix.problems()).as("the matrix's rules").isEmpty();
  }

  @Test
  void theCatalogueListsEveryClauseOfTheChaptersOnceWithItsRecordOrReason() {
    for (StandardClause c : catalogue.all()) {
      assertThat(c.title()).as(c.key()).isNotBlank();
      if (!c.inListedScope()) {
        assertThat(matrix.rows(c.standard()).stream()
            .filter(r -> r.clause().chapter().equals(c.chapter()) && !r.elements().isEmpty()))
            .as(c.key() + " is beyond the listed chapters: its chapter is in the catalogue only because the project"
                + " cites it").isNotEmpty();
      }
    }
    assertThat(catalogue.find("P3 5.3.2.9")).as("P3 5.3.2 ends with 5.3.2.8").isEmpty();
    assertThat(catalogue.find("P3 C.1#19")).as("table C.1 prints 19 after 9").isPresent();
    assertThat(catalogue.find("P6 7.5.1").orElseThrow().title()).isEqualTo("服务需求调研分析");
  }

  @Test
  void theGeneratedFilesInTheRepositoryAreUpToDate() throws IOException {
    String links = linksTsv(found.links());
    String doc = ComplianceMarkdown.render(matrix);
    Files.createDirectories(OUT);
    Files.writeString(OUT.resolve("links.tsv"), links, StandardCharsets.UTF_8);
    Files.writeString(OUT.resolve("compliance.md"), doc, StandardCharsets.UTF_8);
    if (Boolean.getBoolean("compliance.regenerate")) {
      Files.writeString(LINKS, links, StandardCharsets.UTF_8);
      Files.writeString(DOC, doc, StandardCharsets.UTF_8);
    }
    String hint = "; regenerate with ./mvnw test -Dtest=ComplianceMatrixTest -Dcompliance.regenerate=true and commit"
        + " (the fresh copy is in target/compliance/)";
    assertThat(Files.exists(LINKS) ? Files.readString(LINKS, StandardCharsets.UTF_8) : "")
        .as(ComplianceMatrix.LINKS + " is out of date" + hint).isEqualTo(links);
    assertThat(Files.exists(DOC) ? Files.readString(DOC, StandardCharsets.UTF_8) : "")
        .as("docs/compliance.md is out of date" + hint).isEqualTo(doc);
  }

  @Test
  void coverageIsPrintedPerStandardAndChapter() {
    List<String> lines = new ArrayList<>();
    lines.add(String.format("%-4s %-34s %7s %8s %11s %6s %5s %5s", "std", "chapter", "clauses", "software",
        "implemented", "tested", "org", "n/a"));
    for (Standard s : Standard.values()) {
      for (Coverage c : matrix.coverage(s)) {
        lines.add(String.format("%-4s %-34s %7d %8d %6d %3s%% %3d %3s%% %5d %5d", s.code(),
            c.group().isEmpty() ? "(all)" : c.group() + " " + c.title(), c.clauses(), c.software(),
            c.implemented(), pct(c.implementedPercent()), c.tested(), pct(c.testedPercent()), c.organisational(),
            c.outOfScope()));
      }
    }
    lines.add("software clauses not implemented (known gaps):");
    matrix.gaps().forEach(r -> lines.add("  " + r.clause().key() + " " + r.clause().title() + " — " + r.gapReason()));
    System.out.println("== Compliance matrix coverage\n" + String.join("\n", lines));
    assertThat(matrix.coverage(Standard.P6).get(0).software()).isPositive();
  }

  private static String pct(int p) {
    return p < 0 ? "  -" : String.valueOf(p);
  }

  static String linksTsv(List<ClauseLink> links) {
    StringBuilder sb = new StringBuilder();
    sb.append("# Generated by ComplianceMatrixTest from processes/, the report templates, @Implements and @Clause:"
        + " do not edit.\n");
    sb.append("# clause\titem\tkind\tsource\telement\ttype\tlabel\n");
    for (ClauseLink l : links) {
      sb.append(l.toTsv()).append('\n');
    }
    return sb.toString();
  }
}
