package cn.gov.gz.govcloud.compliance;

import cn.gov.gz.govcloud.compliance.ComplianceMatrix.Coverage;
import cn.gov.gz.govcloud.compliance.ComplianceMatrix.Row;
import java.util.List;
import java.util.Map;

/**
 * The supervisor's page of the matrix: the same sections, rows and words as {@code docs/compliance.md}
 * ({@link ComplianceMarkdown}), as one HTML page with nothing to change and nothing to submit.
 */
final class CompliancePage {

  private static final String STYLE = """
      body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC","WenQuanYi Zen Hei",sans-serif;
      margin:0;color:#222;font-size:14px;line-height:1.5}
      header{background:#1f3a5f;color:#fff;padding:12px 24px}
      header a{color:#cfe3ff;margin-left:16px}
      main{padding:8px 24px 40px}
      nav a{margin-right:12px}
      table{border-collapse:collapse;margin:8px 0 20px;width:100%}
      th,td{border:1px solid #ccc;padding:4px 6px;vertical-align:top;text-align:left}
      th{background:#eef2f7}
      td.n{text-align:right;white-space:nowrap}
      tr.total td{font-weight:bold;background:#f7f9fc}
      tr.heading td{font-weight:bold;background:#fafafa}
      tr.gap td{background:#fff4e5}
      code{font-family:Consolas,monospace;font-size:12px;background:#f3f3f3;padding:0 2px}
      ul.notes li{margin-bottom:4px}
      @media print{header a,nav{display:none}}
      """;

  private CompliancePage() {}

  static String render(ComplianceMatrix m) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"UTF-8\">\n<title>")
        .append(MatrixText.TITLE).append(" - 广州市政务云运维</title>\n<style>").append(STYLE).append("</style>\n")
        .append("</head>\n<body>\n<header><strong>广州市政务云运维 · ").append(MatrixText.TITLE).append("</strong>")
        .append("<a href=\"../../app/cockpit/default/\">返回流程监控</a>")
        .append("<a href=\"../../app/tasklist/default/\">任务列表</a></header>\n<main>\n");
    h.append("<p>本页逐条列出本系统所依据标准的条款：由哪个流程步骤、决策规则、报告章节或程序实现，由哪项自动化测试验证；"
        + "管理措施类条款列出证明其落实的记录，不适用的条款写明理由。本页只读，与项目文档 <code>docs/compliance.md</code> 由同一数据生成，"
        + "在每次构建时核对。</p>\n");
    h.append("<nav><a href=\"#coverage\">覆盖率</a><a href=\"#gaps\">尚未实现的条款</a>");
    for (Standard s : Standard.values()) {
      h.append("<a href=\"#").append(s.code()).append("\">").append(esc(s.number())).append("</a>");
    }
    h.append("</nav>\n<h2>说明</h2>\n<ul class=\"notes\">");
    for (String note : MatrixText.NOTES) {
      h.append("<li>").append(inline(note)).append("</li>");
    }
    h.append("</ul>\n");

    h.append("<h2 id=\"coverage\">覆盖率</h2>\n<table>\n<tr>");
    for (String c : MatrixText.COVERAGE_HEADER) {
      h.append("<th>").append(c).append("</th>");
    }
    h.append("</tr>\n");
    for (Standard s : Standard.values()) {
      for (Coverage c : m.coverage(s)) {
        String[] cells = MatrixText.coverageCells(c);
        cells[0] = c.group().isEmpty() ? s.number() : "";
        if (c.group().contains(".")) {
          cells[1] = "　" + cells[1];
        }
        h.append(c.group().isEmpty() ? "<tr class=\"total\">" : "<tr>");
        for (int i = 0; i < cells.length; i++) {
          h.append(i < 2 ? "<td>" : "<td class=\"n\">").append(esc(cells[i])).append("</td>");
        }
        h.append("</tr>\n");
      }
    }
    h.append("</table>\n");

    h.append("<h2 id=\"gaps\">尚未实现的系统实现类条款</h2>\n");
    List<Row> gaps = m.gaps();
    if (gaps.isEmpty()) {
      h.append("<p>无。</p>\n");
    } else {
      h.append("<p>以下条款应由系统实现，目前尚无实现位置；每条的原因经评审列入已知差距清单。</p>\n<table>\n"
          + "<tr><th>标准</th><th>条款</th><th>内容</th><th>原因</th></tr>\n");
      for (Row r : gaps) {
        h.append("<tr class=\"gap\"><td>").append(r.clause().standard().code()).append("</td><td>")
            .append(esc(r.clause().label())).append("</td><td>").append(esc(r.clause().title())).append("</td><td>")
            .append(esc(r.gapReason() == null ? "" : r.gapReason())).append("</td></tr>\n");
      }
      h.append("</table>\n");
    }

    h.append("<h2>条款明细</h2>\n");
    for (Standard s : Standard.values()) {
      h.append("<h3 id=\"").append(s.code()).append("\">").append(esc(MatrixText.standardName(s))).append("</h3>\n");
      for (Map.Entry<String, List<Row>> section : ComplianceMarkdown.sections(m.rows(s)).entrySet()) {
        StandardClause head = m.catalogue().find(s, section.getKey()).orElse(section.getValue().get(0).clause());
        h.append("<h4>").append(esc(head.label() + " " + head.title())).append("</h4>\n<table>\n<tr>");
        for (String c : MatrixText.DETAIL_HEADER) {
          h.append("<th>").append(c).append("</th>");
        }
        h.append("</tr>\n");
        for (Row r : section.getValue()) {
          StandardClause c = r.clause();
          String css = c.kind() == ClauseKind.HEADING ? "heading"
              : r.status() == ComplianceMatrix.Status.GAP ? "gap" : null;
          h.append(css == null ? "<tr>" : "<tr class=\"" + css + "\">")
              .append("<td>").append(esc(MatrixText.number(c))).append("</td>")
              .append("<td>").append(esc(c.title())).append("</td>")
              .append("<td>").append(esc(MatrixText.kind(r))).append("</td>")
              .append("<td>").append(lines(MatrixText.elements(r.elements()))).append("</td>")
              .append("<td>").append(lines(MatrixText.tests(r.tests()))).append("</td></tr>\n");
        }
        h.append("</table>\n");
      }
    }
    h.append("</main>\n</body>\n</html>\n");
    return h.toString();
  }

  private static String lines(List<String> items) {
    StringBuilder sb = new StringBuilder();
    for (String i : items) {
      if (sb.length() > 0) {
        sb.append("<br>");
      }
      sb.append(inline(i));
    }
    return sb.toString();
  }

  /** Escapes the text, then shows `code` spans and **bold** as the Markdown does. */
  static String inline(String text) {
    String e = esc(text);
    e = e.replaceAll("`([^`]*)`", "<code>$1</code>");
    return e.replaceAll("\\*\\*([^*]+)\\*\\*", "<strong>$1</strong>");
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
