package cn.gov.gz.govcloud.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.support.Clause;
import cn.gov.gz.govcloud.support.Docx;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The documents of the reviews, read as the bureau reads them: the two optimisation reports chart what their tables
 * say; the inspection and drill reports name people and systems.
 */
class ReviewDocumentsTest extends DocumentsTestSupport {

  @Clause("P6 7.5.2.4")
  @Clause("P6 7.5.3.3")
  @Clause("GB 8.4.3 g 3")
  @Test
  void theOptimisationReportsChartWhatTheirTablesSay() throws Exception {
    runMay();
    Docx stats = new Docx(MADE.get("optimization-statistics-report"));
    common("optimization-statistics-report", stats, "2038-06-01 09:00");
    List<Docx.Chart> charts = stats.charts();
    long resources = Long.parseLong(stats.table("项目").get(0).get(1));
    assertThat(charts.get(0).categories()).containsExactly("< 8%", "8–30%", "30–60%", "60–90%", "> 90%", "无监控数据");
    charts.get(0).series().forEach((metric, values) -> assertThat(values.stream().mapToDouble(Double::doubleValue)
        .sum()).as(metric + ": every resource in one band").isEqualTo(resources));
    List<List<String>> byType = stats.table("资源类型");
    assertThat(charts.get(1).categories()).isEqualTo(byType.stream().map(r -> r.get(0)).toList());
    assertThat(charts.get(1).series().get("CPU")).isEqualTo(byType.stream().map(r -> percent(r.get(5))).toList());
    assertThat(charts.get(1).series().get("存储")).isEqualTo(byType.stream().map(r -> percent(r.get(7))).toList());

    Docx eff = new Docx(MADE.get("optimization-efficiency-report"));
    common("optimization-efficiency-report", eff, "2038-06-01 09:00");
    List<List<String>> costs = eff.table("使用单位");
    Docx.Chart cost = eff.charts().get(0);
    List<List<String>> top = costs.subList(0, Math.min(10, costs.size()));
    assertThat(cost.categories()).isEqualTo(top.stream().map(r -> r.get(0)).toList());
    assertThat(cost.series().get("本期费用")).isEqualTo(top.stream().map(r -> Double.valueOf(r.get(2))).toList());
    // and the bill of the same period (priced independently by the settlement) agrees per unit
    JsonNode bill = read(get("mgmt1", "/api/optimization/settlement?from=2038-05-01&to=2038-05-31").getBody());
    Map<String, BigDecimal> billed = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    for (JsonNode u : read(get("mgmt1", "/api/units").getBody())) {
      names.put(u.get("code").asText(), u.get("name").asText());
    }
    for (JsonNode g : bill.get("groups")) {
      billed.merge(names.get(g.get("unitCode").asText()), g.get("cost").decimalValue(), BigDecimal::add);
    }
    for (int i = 0; i < cost.categories().size(); i++) {
      assertThat(billed.get(cost.categories().get(i)).doubleValue()).as(cost.categories().get(i))
          .isEqualTo(cost.series().get("本期费用").get(i));
    }
    List<List<String>> idle = eff.table("资源");
    Docx.Chart idleChart = eff.charts().get(1);
    if (idle.get(0).get(0).equals("无")) {
      assertThat(idleChart.title()).endsWith("（本期无数据）");
    } else {
      assertThat(idleChart.categories()).isEqualTo(idle.stream().map(r -> r.get(0) + "（" + r.get(1) + "）").toList());
      assertThat(idleChart.series().get("月费用")).isEqualTo(idle.stream().map(r -> Double.valueOf(r.get(5))).toList());
    }
    assertThat(eff.text()).doesNotContain("/api/", "appendix-c-candidates", " ms");
  }

  @Clause("P6 7.2.3.2.7")
  @Clause("P6 7.4.2.2.5")
  @Test
  void theInspectionAndDrillReportsNamePeopleAndSystems() throws Exception {
    runInspection();
    Docx inspection = new Docx(MADE.get("inspection-report"));
    common("inspection-report", inspection, "2038-07-07 11:30");
    assertThat(inspection.text()).contains("政务云专项巡检报告", "雷雨季节前机房专项检查", "运维经理刘经理", "工程师赵工",
        "政务云主机房", "本次巡检未发现问题");
    runDrill();
    Docx drill = new Docx(MADE.get("drill-report"));
    common("drill-report", drill, TemplateReport.time(ARCHIVED_AT.get("drill-report")));
    assertThat(drill.text()).contains("【演练】应急演练报告", "全民健康信息平台数据级灾备预案", "工程师赵工", "全民健康信息平台",
        "25 分钟", "达标", "75 分钟", "超时", "演练前增加备份校验").doesNotContain("WJW-HIS", "engineer1");
  }

  @Clause("P6 7.2.3.1.4")
  @Clause("P6 7.2.3.1.6")
  @Clause("P6 7.2.3.2.5")
  @Test
  void theInspectionReportNamesTheWorkOrdersAndTheAddendumHowTheyEnded() throws Exception {
    runInspectionAddendum();
    Docx report = new Docx(MADE.get("inspection-report-with-findings"));
    common("inspection-report-with-findings", report, "2038-09-07 11:30");
    assertThat(report.text()).contains("UPS 2 号机组电池告警", "3 排灯管损坏", "已转运维工单 WO", "整改中",
        "整改结果见补充报告").doesNotContain("已关闭");
    Docx addendum = new Docx(MADE.get("inspection-addendum"));
    common("inspection-addendum", addendum, TemplateReport.time(ARCHIVED_AT.get("inspection-addendum")));
    List<List<String>> rows = addendum.table("编号");
    assertThat(rows).hasSize(2).allSatisfy(r -> assertThat(r.get(2)).startsWith("WO"));
    assertThat(addendum.text()).contains("政务云专项巡检补充报告", "（第 1 版，2038-09-07 11:30）", "已关闭", "已结转",
        "已于 2038-09-10 15:00 办结", "灯管备件到货延迟", "已整改关闭 1 项", "结转下次巡检跟进 1 项");
  }
}
