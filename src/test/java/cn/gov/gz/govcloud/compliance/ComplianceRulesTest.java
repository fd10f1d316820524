package cn.gov.gz.govcloud.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.compliance.ClauseLink.LinkKind;
import cn.gov.gz.govcloud.compliance.ComplianceMatrix.Coverage;
import cn.gov.gz.govcloud.compliance.ComplianceMatrix.Status;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each rule of the build step fires on what it is meant to catch, on a small catalogue of its own. */
@Tag("unit")
class ComplianceRulesTest {

  static ClauseCatalogue catalogue() throws Exception {
    String tsv = String.join("\n", "standard\tclause\ttitle\tkind\tcovers",
        "P6\t7\t实施过程\theading\t",
        "P6\t7.1\t概述\tout-of-scope\t概述性条款",
        "P6\t7.2.2.1\t确认使用需求\tsoftware\t",
        "P6\t7.2.2.2\t检查申请\tsoftware\t",
        "P6\t7.2.2.3\t审批后跟进交付\tsoftware\t",
        "P6\t7.4.1.1\t制定安全管理规范\torganisational\t安全管理规范文件") + "\n";
    return ClauseCatalogue.parse(new ByteArrayInputStream(tsv.getBytes(StandardCharsets.UTF_8)));
  }

  static ClauseLink element(String clause) {
    return new ClauseLink(clause, "", LinkKind.BPMN, "x.bpmn", "Task_X", "用户任务", "任务");
  }

  static ClauseLink test(String clause) {
    return new ClauseLink(clause, "", LinkKind.TEST, "XTest", "checksIt", "测试", "checksIt");
  }

  @Test
  void aSoftwareClauseWithoutAnElementFailsUnlessItIsAKnownGapWithAReason() throws Exception {
    ComplianceMatrix m = new ComplianceMatrix(catalogue(), List.of(element("P6 7.2.2.1"), test("P6 7.2.2.1"),
        element("P6 7.2.2.2"), test("P6 7.2.2.2")), Map.of());
    assertThat(m.problems()).singleElement().asString().startsWith("P6 7.2.2.3").contains("without an element");

    ComplianceMatrix known = new ComplianceMatrix(catalogue(), List.of(element("P6 7.2.2.1"), test("P6 7.2.2.1"),
        element("P6 7.2.2.2"), test("P6 7.2.2.2")), Map.of("P6 7.2.2.3", "尚未实现"));
    assertThat(known.problems()).isEmpty();
    assertThat(known.gaps()).extracting(r -> r.clause().key()).containsExactly("P6 7.2.2.3");
    assertThat(known.row("P6 7.2.2.3").orElseThrow().status()).isEqualTo(Status.GAP);
  }

  @Test
  void aKnownGapThatIsImplementedOrNotASoftwareClauseFails() throws Exception {
    ComplianceMatrix m = new ComplianceMatrix(catalogue(), List.of(element("P6 7.2.2.1"), test("P6 7.2.2.1"),
        element("P6 7.2.2.2"), test("P6 7.2.2.2"), element("P6 7.2.2.3"), test("P6 7.2.2.3")),
        Map.of("P6 7.2.2.3", "尚未实现", "P6 7.4.1.1", "x", "P6 9.9", "y"));
    assertThat(m.problems()).anyMatch(p -> p.startsWith("P6 7.2.2.3") && p.contains("remove it"))
        .anyMatch(p -> p.startsWith("P6 7.4.1.1") && p.contains("organisational"))
        .anyMatch(p -> p.startsWith("P6 9.9") && p.contains("not in the catalogue"));
  }

  @Test
  void aClauseWithAnElementButNoTestFailsAndSoDoesAnElementOfAnOutOfScopeClauseOrATestOfAHeading()
      throws Exception {
    ComplianceMatrix m = new ComplianceMatrix(catalogue(), List.of(element("P6 7.2.2.1"), element("P6 7.2.2.2"),
        test("P6 7.2.2.2"), element("P6 7.2.2.3"), test("P6 7.2.2.3"), element("P6 7.1"), test("P6 7"),
        element("P6 7.4.1.1")), Map.of());
    assertThat(m.problems()).anyMatch(p -> p.startsWith("P6 7.2.2.1") && p.contains("no test names it"))
        .anyMatch(p -> p.startsWith("P6 7.1:") && p.contains("out of scope"))
        .anyMatch(p -> p.startsWith("P6 7 is a heading"))
        .anyMatch(p -> p.startsWith("P6 7.4.1.1") && p.contains("no test names it"));
    assertThat(m.row("P6 7.2.2.1").orElseThrow().status()).isEqualTo(Status.UNTESTED);
  }

  @Test
  void coverageCountsClausesNotHeadings() throws Exception {
    ComplianceMatrix m = new ComplianceMatrix(catalogue(), List.of(element("P6 7.2.2.1"), test("P6 7.2.2.1"),
        element("P6 7.2.2.2")), Map.of());
    Coverage all = m.coverage(Standard.P6).get(0);
    assertThat(all.clauses()).isEqualTo(5);
    assertThat(all.software()).isEqualTo(3);
    assertThat(all.implemented()).isEqualTo(2);
    assertThat(all.tested()).isEqualTo(1);
    assertThat(all.organisational()).isEqualTo(1);
    assertThat(all.outOfScope()).isEqualTo(1);
    assertThat(all.implementedPercent()).isEqualTo(66);
    assertThat(all.testedPercent()).isEqualTo(33);
  }

  @Test
  void aModelCitingAClauseThatDoesNotExistOrWithoutItsStandardIsAProblem(@TempDir Path project) throws Exception {
    Files.createDirectories(project.resolve("processes"));
    Files.writeString(project.resolve("processes/probe.bpmn"), """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Definitions_Probe"
            targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="probe" isExecutable="true">
            <bpmn:userTask id="Task_Escalate" name="升级">
              <bpmn:documentation>DB4401/T 294.3 5.3.2 升级机制；DB4401/T 294.3 5.3.2.9 不存在的条款</bpmn:documentation>
            </bpmn:userTask>
            <bpmn:exclusiveGateway id="Gateway_Decide">
              <bpmn:documentation>按 7.5.1 每月统计</bpmn:documentation>
            </bpmn:exclusiveGateway>
          </bpmn:process>
        </bpmn:definitions>
        """, StandardCharsets.UTF_8);
    ComplianceCollector.Found found = ComplianceCollector.collect(project, ClauseCatalogue.load());
    assertThat(found.problems()).anyMatch(p -> p.contains("probe.bpmn Task_Escalate") && p.contains("P3 5.3.2.9"))
        .anyMatch(p -> p.contains("probe.bpmn Gateway_Decide") && p.contains("没有写明标准"));
    assertThat(found.links()).anyMatch(l -> l.source().equals("probe.bpmn") && l.clauseKey().equals("P3 5.3.2"));
  }
}
