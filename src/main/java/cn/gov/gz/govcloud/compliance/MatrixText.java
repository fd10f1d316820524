package cn.gov.gz.govcloud.compliance;

import cn.gov.gz.govcloud.compliance.ClauseLink.LinkKind;
import cn.gov.gz.govcloud.compliance.ComplianceMatrix.Coverage;
import cn.gov.gz.govcloud.compliance.ComplianceMatrix.Row;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The words both renderings of the matrix use (Markdown and the page): one place, so they read alike. */
final class MatrixText {

  static final String TITLE = "标准条款合规矩阵";
  static final String PAGE_PATH = "/camunda/api/govcloud/compliance";
  static final String REGENERATE = "./mvnw test -Dtest=ComplianceMatrixTest -Dcompliance.regenerate=true";

  static final List<String> NOTES = List.of(
      "**系统实现**：由本系统实现的条款。“实现位置”列出引用该条款的流程步骤（BPMN 模型）、决策规则（DMN 决策表）、报告模板章节和程序；"
          + "“验证测试”列出标注了该条款（`@Clause`）、检查其行为的自动化测试。",
      "**管理措施**：由人完成、以记录证明的条款，列出证明其落实的记录；这些记录由服务方提交管理方和监理方，本系统不保存。"
          + "条款中有由系统完成的部分时，也列出实现位置和测试。",
      "**不适用**：不属于本系统范围的条款，写明理由。",
      "条款下的字母项（如 GB/T 34077.3 5.3.2 e) 4)）归入所属条款，实现位置中注明所引的项；附录表格按其序号逐项列出。",
      "覆盖率只计条款，不计标题。实现率 = 已有实现位置的系统实现类条款 ÷ 系统实现类条款；验证率 = 既有实现位置又有验证测试的系统实现类条款 ÷ "
          + "系统实现类条款。一个条款有实现位置即计为已实现，不表示条款的每一项要求都已实现，请结合实现位置核查。",
      "“范围外被引用的条款”是所列章节以外、被本系统模型或程序引用的条款，单独统计。");

  static final String[] COVERAGE_HEADER =
      {"标准", "章节", "条款数", "系统实现类", "已实现", "已验证", "实现率", "验证率", "管理措施", "不适用"};

  static final String[] DETAIL_HEADER = {"条款", "内容", "类别与依据", "实现位置", "验证测试"};

  private MatrixText() {}

  static String standardName(Standard s) {
    return s.number() + " " + s.title();
  }

  static String group(Coverage c) {
    if (c.group().isEmpty()) {
      return "合计（" + String.join("、", c.standard().chapters().stream().map(MatrixText::chapterName).toList())
          + "）";
    }
    if (c.group().equals("*")) {
      return c.title();
    }
    boolean chapter = !c.group().contains(".");
    return (chapter ? chapterName(c.group()) : c.group()) + " " + c.title();
  }

  static String chapterName(String chapter) {
    return Character.isLetter(chapter.charAt(0)) ? "附录 " + chapter : "第 " + chapter + " 章";
  }

  static String percent(int p) {
    return p < 0 ? "—" : p + "%";
  }

  static String[] coverageCells(Coverage c) {
    return new String[] {c.standard().code(), group(c), String.valueOf(c.clauses()), String.valueOf(c.software()),
        String.valueOf(c.implemented()), String.valueOf(c.tested()), percent(c.implementedPercent()),
        percent(c.testedPercent()), String.valueOf(c.organisational()), String.valueOf(c.outOfScope())};
  }

  /** The clause number as shown, with "范围外" for one beyond the listed chapters. */
  static String number(StandardClause c) {
    return c.label() + (c.inListedScope() ? "" : "（范围外引用）");
  }

  static String kind(Row r) {
    StandardClause c = r.clause();
    return switch (r.status()) {
      case HEADING -> "标题";
      case ORGANISATIONAL -> "管理措施：" + c.covers();
      case OUT_OF_SCOPE -> "不适用：" + c.covers();
      case GAP -> "系统实现｜尚未实现" + (r.gapReason() == null ? "" : "：" + r.gapReason());
      case UNTESTED -> "系统实现｜缺验证测试";
      case TESTED -> "系统实现";
    };
  }

  /** The elements of a row, one per element, the items it cites joined: plain text, code spans marked with `. */
  static List<String> elements(List<ClauseLink> links) {
    Map<String, List<ClauseLink>> byElement = new LinkedHashMap<>();
    for (ClauseLink l : links) {
      byElement.computeIfAbsent(l.kind() + "\u0000" + l.source() + "\u0000" + l.element(), k -> new ArrayList<>())
          .add(l);
    }
    List<String> out = new ArrayList<>();
    for (List<ClauseLink> same : byElement.values()) {
      ClauseLink l = same.get(0);
      List<String> items = same.stream().map(ClauseLink::item).filter(i -> !i.isEmpty()).distinct().toList();
      out.add(element(l) + (items.isEmpty() ? "" : "〔" + String.join("、", items) + "〕"));
    }
    return out;
  }

  private static String element(ClauseLink l) {
    return switch (l.kind()) {
      case BPMN -> "`" + stem(l.source()) + "` " + l.type() + "“" + shorten(l.label(), 30) + "”（`" + l.element()
          + "`）";
      case DMN -> "`" + stem(l.source()) + "` " + l.type() + "“" + shorten(l.label(), 30) + "”（`" + l.element()
          + "`）";
      case REPORT -> "`" + l.source() + "` 章节“" + shorten(l.label(), 40) + "”";
      case CODE -> "`" + l.source() + "`：" + l.label();
      case TEST -> "`" + l.source() + "." + l.element() + "`";
    };
  }

  static List<String> tests(List<ClauseLink> links) {
    return links.stream().filter(l -> l.kind() == LinkKind.TEST).map(MatrixText::element).distinct().toList();
  }

  private static String stem(String file) {
    int dot = file.lastIndexOf('.');
    return dot < 0 ? file : file.substring(0, dot);
  }

  private static String shorten(String s, int max) {
    return s.codePointCount(0, s.length()) <= max ? s
        : s.substring(0, s.offsetByCodePoints(0, max)) + "…";
  }
}
