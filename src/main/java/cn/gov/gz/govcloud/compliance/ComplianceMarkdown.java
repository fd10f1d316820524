package cn.gov.gz.govcloud.compliance;

import cn.gov.gz.govcloud.compliance.ComplianceMatrix.Coverage;
import cn.gov.gz.govcloud.compliance.ComplianceMatrix.Row;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code docs/compliance.md}: the matrix in Chinese for the supervisor, generated, never edited by hand. */
final class ComplianceMarkdown {

  private ComplianceMarkdown() {}

  public static String render(ComplianceMatrix m) {
    StringBuilder md = new StringBuilder();
    md.append("# ").append(MatrixText.TITLE).append("\n\n");
    md.append("<!-- 由 ComplianceMatrixTest 生成，请勿手工修改；重新生成：").append(MatrixText.REGENERATE)
        .append(" -->\n\n");
    md.append("本文件逐条列出本系统所依据标准的条款：由哪个流程步骤、决策规则、报告章节或程序实现，由哪项自动化测试验证；"
        + "管理措施类条款列出证明其落实的记录，不适用的条款写明理由。系统内的“").append(MatrixText.TITLE)
        .append("”页面（工作人员登录后打开 `").append(MatrixText.PAGE_PATH)
        .append("`，只读）与本文件由同一数据生成。\n\n");
    md.append("本文件由构建时的 `ComplianceMatrixTest` 从条款目录（`src/main/resources/compliance/clauses.tsv`）、"
        + "流程和决策模型（`processes/`）、报告模板、程序中的 `@Implements` 标注和测试中的 `@Clause` 标注生成；"
        + "模型或测试引用了不存在的条款、系统实现类条款既无实现又不在已知差距清单中、有实现的条款没有测试、或本文件过期时，"
        + "该测试失败。重新生成：`").append(MatrixText.REGENERATE).append("`。构建方式和规则见 "
        + "[compliance-matrix.md](compliance-matrix.md)（英文）。\n\n");

    md.append("## 说明\n\n");
    for (String note : MatrixText.NOTES) {
      md.append("- ").append(note).append('\n');
    }
    md.append('\n');

    md.append("## 覆盖率\n\n");
    header(md, MatrixText.COVERAGE_HEADER, "---|---|---:|---:|---:|---:|---:|---:|---:|---:");
    for (Standard s : Standard.values()) {
      for (Coverage c : m.coverage(s)) {
        String[] cells = MatrixText.coverageCells(c);
        if (c.group().isEmpty()) {
          cells[1] = "**" + cells[1] + "**";
          cells[0] = "**" + s.number() + "**";
        } else {
          cells[0] = "";
          if (c.group().contains(".")) {
            cells[1] = "　" + cells[1];
          }
        }
        row(md, cells);
      }
    }
    md.append('\n');

    md.append("## 尚未实现的系统实现类条款\n\n");
    List<Row> gaps = m.gaps();
    if (gaps.isEmpty()) {
      md.append("无。\n\n");
    } else {
      md.append("以下条款应由系统实现，目前尚无实现位置；每条的原因经评审列入已知差距清单"
          + "（`src/main/resources/compliance/known-gaps.tsv`）。\n\n");
      header(md, new String[] {"标准", "条款", "内容", "原因"}, "---|---|---|---");
      for (Row r : gaps) {
        row(md, new String[] {r.clause().standard().code(), r.clause().label(), r.clause().title(),
            r.gapReason() == null ? "" : r.gapReason()});
      }
      md.append('\n');
    }

    md.append("## 条款明细\n\n");
    for (Standard s : Standard.values()) {
      md.append("### ").append(MatrixText.standardName(s)).append("\n\n");
      for (Map.Entry<String, List<Row>> section : sections(m.rows(s)).entrySet()) {
        StandardClause head = m.catalogue().find(s, section.getKey())
            .orElse(section.getValue().get(0).clause());
        md.append("#### ").append(head.label()).append(' ').append(head.title()).append("\n\n");
        header(md, MatrixText.DETAIL_HEADER, "---|---|---|---|---");
        for (Row r : section.getValue()) {
          StandardClause c = r.clause();
          boolean heading = c.kind() == ClauseKind.HEADING;
          row(md, new String[] {heading ? "**" + MatrixText.number(c) + "**" : MatrixText.number(c),
              heading ? "**" + c.title() + "**" : c.title(), MatrixText.kind(r),
              String.join("<br>", MatrixText.elements(r.elements())),
              String.join("<br>", MatrixText.tests(r.tests()))});
        }
        md.append('\n');
      }
    }
    return md.toString();
  }

  /** The rows of a standard by section: {@code 7.2}, {@code C.1}; a chapter's own heading opens its first section. */
  static Map<String, List<Row>> sections(List<Row> rows) {
    Map<String, List<Row>> out = new LinkedHashMap<>();
    List<Row> pending = new ArrayList<>();
    for (Row r : rows) {
      String section = r.clause().section();
      if (section.equals(r.clause().chapter()) && r.clause().kind() == ClauseKind.HEADING
          && !r.clause().number().contains(".")) {
        pending.add(r); // the chapter heading goes with its first section
        continue;
      }
      List<Row> list = out.computeIfAbsent(section, k -> new ArrayList<>());
      list.addAll(pending);
      pending.clear();
      list.add(r);
    }
    if (!pending.isEmpty()) {
      out.computeIfAbsent(pending.get(0).clause().section(), k -> new ArrayList<>()).addAll(pending);
    }
    return out;
  }

  private static void header(StringBuilder md, String[] cells, String align) {
    md.append("| ").append(String.join(" | ", cells)).append(" |\n|").append(align).append("|\n");
  }

  private static void row(StringBuilder md, String[] cells) {
    md.append('|');
    for (String c : cells) {
      md.append(' ').append(c.replace("|", "\\|").replace("\n", " ")).append(" |");
    }
    md.append('\n');
  }
}
