package cn.gov.gz.govcloud.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.kpi.Kpi;
import cn.gov.gz.govcloud.support.Clause;
import cn.gov.gz.govcloud.support.Docx;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/**
 * The service report, the emergency response report and the monitoring report, read as the bureau reads them: no
 * template tag left anywhere (body, headers, footers, charts), each chart showing exactly the figures given (in its
 * cache and in its embedded workbook), the figures of one document agreeing with each other and with
 * {@code /api/kpis}, names instead of codes, Beijing time; and every document converted to PDF by LibreOffice where
 * it is installed (CI installs it). The documents of the reviews: {@link ReviewDocumentsTest}.
 */
class DocumentsTest extends DocumentsTestGovernanceRuns {

  @Clause("P3 7.3.2")
  @Clause("GB 8.4.3 g 3")
  @Clause("P6 7.6.2.4")
  @Test
  void theServiceReportShowsItsFiguresOnceDefinedAndAgreeing() throws Exception {
    runMarch();
    Docx doc = new Docx(MADE.get("service-report"));
    common("service-report", doc, "2038-03-31 23:59");
    String text = doc.text();
    assertThat(text).contains("政务云运维服务报告", "2038-03-01 至 2038-03-31", properties.recipient(), "终稿",
        "本月运行总体平稳", "交通运行监测调度平台", "广州市卫生健康委员会")
        .as("names, never codes").doesNotContain("JTJ", "WJW");

    List<Docx.Chart> charts = doc.charts();
    assertThat(charts).hasSize(3);
    // satisfaction: the answers of the orders received in March, counted here from the table
    List<Double> scores = new ArrayList<>();
    for (int s = 1; s <= 5; s++) {
      scores.add((double) count("SELECT COUNT(*) FROM work_order WHERE received_at >= ? AND received_at < ? "
          + "AND satisfaction_score = ?", ts(FROM), ts(TO.plusDays(1)), s));
    }
    assertThat(scores).isEqualTo(doubles(0, 1, 0, 1, 2));
    assertThat(charts.get(0).categories()).containsExactly("1 分", "2 分", "3 分", "4 分", "5 分");
    assertThat(charts.get(0).series()).containsExactly(Map.entry("评价数", scores));
    assertThat(charts.get(1).categories()).containsExactly("咨询", "服务请求", "故障", "投诉", "问题跟进");
    assertThat(charts.get(1).series().get("工单数")).isEqualTo(doubles(1, 1, 2, 1, 0));
    assertThat(charts.get(2).categories()).containsExactly("3/1–3/7", "3/8–3/14", "3/15–3/21", "3/22–3/28",
        "3/29–3/31");
    assertThat(charts.get(2).series().get("应急事件")).isEqualTo(doubles(1, 1, 1, 1, 1));

    // the on-time rate is on time ÷ responded over the listed cases; the summary, the risks and /api/kpis agree
    List<List<String>> incidents = doc.table("事件编号");
    assertThat(incidents).hasSize(5);
    long onTime = incidents.stream().filter(r -> r.get(5).equals("按时")).count();
    long late = incidents.stream().filter(r -> r.get(5).equals("超时")).count();
    long overdue = incidents.stream().filter(r -> r.get(5).equals("未响应（已超时）")).count();
    long notDue = incidents.stream().filter(r -> r.get(5).equals("未响应（未到时限）")).count();
    assertThat(List.of(onTime, late, overdue, notDue)).containsExactly(2L, 1L, 1L, 1L);
    String rate = String.format("%.1f%%", 100.0 * onTime / (onTime + late));
    List<String> kpiRow = doc.table("序号").stream().filter(r -> r.get(1).equals(Kpi.EMERGENCY_RESPONDED_IN_TIME
        .label())).findFirst().orElseThrow();
    assertThat(kpiRow.get(2)).isEqualTo(rate);
    assertThat(text).contains("已响应 " + (onTime + late) + " 起，其中在响应时限内响应 " + onTime + " 起，按时响应率 " + rate)
        .contains("仍未响应 " + (overdue + notDue) + " 起，其中已超过响应时限 " + overdue + " 起")
        .contains("超过响应时限仍未响应 " + overdue + " 起（第五节中标为“未响应（已超时）”的事件）");
    // every figure of the table has its footnote, the same text /api/kpis returns
    JsonNode api = read(get("mgmt1", "/api/kpis?from=" + FROM + "&to=" + TO).getBody());
    assertThat(api.get("efficiency").get("emergencyRespondedInTime").asDouble())
        .isCloseTo((double) onTime / (onTime + late), within(1e-9));
    for (List<String> row : doc.table("序号")) {
      Kpi k = java.util.Arrays.stream(Kpi.values()).filter(x -> x.label().equals(row.get(1))).findFirst()
          .orElseThrow();
      assertThat(text).contains(row.get(0) + ". " + k.label() + "：" + k.definition());
      assertThat(api.get("definitions").get(k.field()).get("definition").asText()).isEqualTo(k.definition());
    }
  }

  @Clause("P6 7.4.2.3.6")
  @Clause("P6 7.4.2.3.7")
  @Clause("P3 5.3.2.6")
  @Clause("P3 附录 D.1 第 21 项")
  @Test
  void theEmergencyReportGetsItsImprovementFromThePlanReview() throws Exception {
    runMarch();
    Docx first = new Docx(MADE.get("emergency-report-v1"));
    common("emergency-response-report-v1", first, "2038-03-03 09:40");
    assertThat(first.text()).contains("应急预案评审（评审应急预案）尚未完成");
    Docx doc = new Docx(MADE.get("emergency-response-report"));
    common("emergency-response-report", doc, "2038-03-03 12:40");
    assertThat(doc.text()).contains("交通运行监测调度平台", "广州市交通运输局", "工程师赵工", "负载均衡主节点电源故障",
            "负载均衡双电源改造纳入季度巡检项", "评审人：运维经理刘经理", "第 2 版")
        .doesNotContain("JTJ", "尚未完成");
    assertThat(doc.table("指标").get(0)).containsExactly("响应", "发现后 5 分钟内，即不晚于 2038-03-03 09:05",
        "2038-03-03 09:02", "按时");
  }

  @Clause("P6 7.2.3.3.5")
  @Clause("P3 5.1.3.6")
  @Clause("GB 8.4.3 g 3")
  @Test
  void theMonitoringReportChartsTheAveragesOfItsTable() throws Exception {
    runMay();
    Docx doc = new Docx(MADE.get("monitoring-report"));
    common("monitoring-report", doc, "2038-05-20 09:00");
    Docx.Chart chart = doc.charts().get(0);
    assertThat(chart.categories()).containsExactly("物理服务器", "云主机");
    assertThat(chart.series()).containsExactly(Map.entry("CPU", doubles(60, 5)), Map.entry("内存", doubles(70, 8)),
        Map.entry("存储", doubles(95, 50)));
    List<List<String>> table = doc.table("资源类型");
    assertThat(table.get(0).get(2)).startsWith("平均 60.0%");
    assertThat(table.get(1).get(2)).startsWith("平均 5.0%");
    assertThat(doc.text()).contains("存储利用率超过 90% 的物理服务器已提交扩容申请", "运维经理刘经理", "云主机平均 CPU 利用率 5.0%",
        "交通运行监测调度平台").doesNotContain("monitoring-thresholds", "JTJ-TOCC");
  }

  @Clause("P3 7.4.5")
  @Clause("GB 5.3.7 e")
  @Clause("P3 7.3.2 c")
  @Test
  void theEvaluationReportChartsTheSurveyListsEveryUnitAndCarriesTheOpinion() throws Exception {
    runEvaluation();
    Docx doc = new Docx(MADE.get("evaluation-report"));
    common("evaluation-report", doc, "2038-07-16 09:00");
    String text = doc.text();
    assertThat(text).contains("政务云运营服务评价报告", "2038-01-01 至 2038-06-30", "终稿", "已答复 1 家", "未答复 1 家",
            "上半年服务总体良好，夜间响应需改进", "评价人：监理周监理", "夜间故障响应偏慢", "下季度起夜间双人值守",
            "GB/T 34077.3 5.3.7 e", "a) 技术能力提升", "d) 合规性")
        .as("names, never codes").doesNotContain("JTJ", "WJW");
    List<Docx.Chart> charts = doc.charts();
    assertThat(charts).hasSize(3);
    assertThat(charts.get(0).categories()).containsExactly("服务态度", "响应速度", "问题解决效果", "事后反馈", "整体满意度");
    assertThat(charts.get(0).series()).containsExactly(Map.entry("平均分", doubles(5, 4, 4, 3, 4)));
    assertThat(charts.get(1).categories()).containsExactly("已答复", "未答复");
    assertThat(charts.get(1).series().get("单位数")).isEqualTo(doubles(1, 1));
    assertThat(charts.get(2).categories()).last().isEqualTo("2038-01-01–2038-06-30");
    assertThat(charts.get(2).series().get("使用单位满意度")).last().isEqualTo(4.0);
    List<List<String>> units = doc.table("使用单位");
    assertThat(units).containsExactly(List.of("广州市交通运输局", "5", "4", "4", "3", "4", "4.00"),
        List.of("广州市卫生健康委员会", "—", "—", "—", "—", "—", "未答复"));
    // the KPI rows are the kpi room's figures with their definitions; the survey's own two rows follow
    List<List<String>> kpis = doc.table("序号");
    assertThat(kpis).as("the ten KPIs of 7.3.2 and the survey's two rows").hasSize(12);
    assertThat(kpis.get(kpis.size() - 1)).containsExactly(String.valueOf(kpis.size()), "满意度调查答复率", "50.0%", "—",
        "—");
    JsonNode api = read(get("mgmt1", "/api/kpis?from=2038-01-01&to=2038-06-30").getBody());
    List<String> satisfactionRow = kpis.stream().filter(r -> r.get(1).equals(Kpi.SATISFACTION_AVERAGE.label()))
        .findFirst().orElseThrow();
    assertThat(satisfactionRow.get(2)).isEqualTo(Kpi.SATISFACTION_AVERAGE.format(
        api.get("satisfaction").get("average").asDouble()));
    assertThat(text).contains(Kpi.SATISFACTION_AVERAGE.label() + "：" + Kpi.SATISFACTION_AVERAGE.definition());
  }

  @Clause("GB 5.3.7 c")
  @Clause("P6 7.4.1.5")
  @Test
  void theResponseServiceReportTellsTheOrdersStoryAndItsSecurityIncident() throws Exception {
    runWorkOrder();
    Docx doc = new Docx(MADE.get("work-order-response-report"));
    common("work-order-response-report", doc, "2038-09-06 11:00");
    assertThat(doc.text()).contains("响应服务报告（安全事件报告）", "交通局协同办公系统", "广州市交通运输局", "网络安全事件",
            "已封禁异常 IP 段", "账号为办公室张三所用", "重置被锁账号口令并启用双因素认证", "不晚于 2038-09-07 24:00",
            "本工单为 5×8 服务", "工程师赵工", "事件描述：", "处理过程：", "处理结果：")
        .doesNotContain("JTJ-OA", "engineer1");
    List<List<String>> times = doc.table("指标");
    assertThat(times.get(1)).containsExactly("分派", "受理后 30 分钟内，即不晚于 2038-09-06 08:40", "2038-09-03 17:50",
        "按时");
    assertThat(times.get(3).get(2)).as("paused from Friday 17:55 to Monday 09:10: 5 + 40 working minutes")
        .isEqualTo("1 次，共 45 分钟");
  }

  @Clause("P6 7.3.3.4")
  @Clause("P3 附录 D.1 第 13 项")
  @Test
  void theAssuranceReportListsEveryShiftsRecordAndChartsTheCasesPerDay() throws Exception {
    runAssurance();
    Docx doc = new Docx(MADE.get("assurance-report"));
    common("assurance-report", doc, "2038-10-02 09:00");
    assertThat(doc.text()).contains("重要保障总结报告", "2038 年国庆假期（重要节假日）", "2038-10-01 08:00 至 2038-10-02 08:00",
        "现场值守", "交通运行监测调度平台", "广州市交通运输局", "工程师赵工", "经提醒后补填", "节前增加负载均衡检查")
        .as("names, never codes").doesNotContain("JTJ-TOCC", "engineer1");
    assertThat(doc.table("班次")).extracting(r -> r.get(4)).containsExactly("有事件发生", "运行平稳");
    assertThat(doc.table("编号")).singleElement().satisfies(r -> assertThat(r.get(1)).isEqualTo("应急事件"));
    Docx.Chart chart = doc.charts().get(0);
    assertThat(chart.categories()).containsExactly("10/1", "10/2");
    assertThat(chart.series()).containsExactly(Map.entry("应急事件", doubles(1, 0)), Map.entry("工单", doubles(0, 0)),
        Map.entry("资源申请", doubles(0, 0)));
  }

  @Clause("P6 7.5.1.4")
  @Clause("P3 附录 D.1 第 18 项")
  @Test
  void theResearchReportChartsTheDemandsAndAnswersAndListsTheRecommendations() throws Exception {
    runDemandResearch();
    Docx doc = new Docx(MADE.get("demand-research-report"));
    common("demand-research-report", doc, "2038-11-16 10:00");
    String text = doc.text();
    assertThat(text).contains("调研评估报告", "2038 年政务云服务需求调研", "2038-07-01 至 2038-10-31", "提交管理方审阅",
            "已填写问卷 1 家，未答复 1 家", "高峰期存储紧张", "资源总体满足业务需要", "存储扩容周期长", "按需弹性供给",
            "资源调整类建议 1 条", "P6 7.5.1.1")
        .as("names, never codes").doesNotContain("JTJ", "WJW", "SCALE_UP", "RESOURCE");
    List<Docx.Chart> charts = doc.charts();
    assertThat(charts).hasSize(3);
    assertThat(charts.get(0).categories()).containsExactly("新增资源", "扩容", "缩容", "新服务", "流程", "其他");
    assertThat(charts.get(0).series()).containsExactly(Map.entry("需求数", doubles(0, 1, 0, 1, 1, 0)));
    assertThat(charts.get(1).categories()).containsExactly("已填写问卷", "已访谈", "未答复");
    assertThat(charts.get(1).series().get("单位数")).isEqualTo(doubles(1, 0, 1));
    assertThat(charts.get(2).categories()).containsExactly("1 分", "2 分", "3 分", "4 分", "5 分");
    assertThat(charts.get(2).series().get("单位数")).isEqualTo(doubles(0, 0, 0, 1, 0));
    List<List<String>> units = doc.table("使用单位");
    assertThat(units).hasSize(2);
    assertThat(units.get(0).subList(0, 5)).containsExactly("广州市交通运输局", "已填写问卷", "不足", "4", "3");
    assertThat(units.get(1).subList(0, 5)).containsExactly("广州市卫生健康委员会", "未答复", "—", "—", "0");
    assertThat(doc.table("提出单位")).extracting(r -> r.get(1)).containsExactly("扩容", "新服务", "流程");
    assertThat(doc.table("序号")).containsExactly(
        List.of("1", "资源调整", "广州市交通运输局", "核心系统存储扩容 10 TB"),
        List.of("2", "流程优化", "全部调研单位", "资源申请审批时限压缩至 3 个工作日"));
  }

  @Clause("P6 7.6.3.6")
  @Clause("P6 7.6.3.4")
  @Clause("P3 附录 D.1 第 7 项")
  @Test
  void theTrainingRecordChartsTheFeedbackScoresAndListsEveryFeedback() throws Exception {
    runTraining();
    Docx doc = new Docx(MADE.get("training-record"));
    common("training-record", doc, "2038-11-17 14:30");
    assertThat(doc.text()).contains("培训记录", "政务云安全管理规范宣贯", "线下", "集中授课与实操演示", "安全主管王工",
            "2038-11-10 14:30", "实到人数：2 人", "共收到反馈 2 份", "反馈率 100.0%", "截止前提醒 1 次", "希望增加实操",
            "培训效果良好", "下次增加实操环节", "工程师赵工", "终稿")
        .as("names, never user ids").doesNotContain("engineer1", "manager1");
    Docx.Chart chart = doc.charts().get(0);
    assertThat(chart.categories()).containsExactly("培训内容", "培训形式", "培训效果");
    assertThat(chart.series()).containsExactly(Map.entry("平均分", doubles(4.5, 3.5, 4.5)));
    assertThat(doc.table("序号")).extracting(r -> r.get(1)).containsExactly("工程师赵工", "操作员孙操作");
  }

  @Clause("P6 7.4.1.3")
  @Test
  void theAssessmentRecordChartsTheFinalScoresAndListsEveryResultWithItsRetake() throws Exception {
    runAssessment();
    Docx doc = new Docx(MADE.get("security-assessment-record"));
    common("security-assessment-record", doc, "2038-12-01 09:00");
    assertThat(doc.text()).contains("安全意识与操作考核记录", "2038 年安全操作专项考核", "合格分数 80 分", "经补考",
        "终稿").doesNotContain("manager1");
    List<List<String>> rows = doc.table("序号");
    assertThat(rows).contains(List.of(rowNo(rows, "周七"), "周七", "操作员", "95", "95", "1", "通过", "运维经理刘经理"),
        List.of(rowNo(rows, "吴八"), "吴八", "运维工程师", "50", "85", "2", "通过", "运维经理刘经理"));
    Docx.Chart chart = doc.charts().get(0);
    assertThat(chart.categories()).containsExactly("60 分以下", "60–69 分", "70–79 分", "80–89 分", "90–100 分");
    List<Double> counts = chart.series().get("人数");
    assertThat(counts.stream().mapToDouble(Double::doubleValue).sum()).as("one per scored staff member")
        .isEqualTo(rows.size());
    assertThat(counts.get(4)).as("周七").isGreaterThanOrEqualTo(1.0);
  }

  @Clause("P6 7.6.1.3")
  @Clause("P6 7.4.1.2")
  @Clause("P3 附录 D.1 第 6 项")
  @Test
  void theNormReviewRecordChartsTheOpinionsPerPartyAndListsTheVersions() throws Exception {
    runNormReview();
    Docx doc = new Docx(MADE.get("norm-review-record"));
    common("norm-review-record", doc, "2038-12-05 09:00");
    assertThat(doc.text()).contains("管理规范评审记录", "《政务云安全管理规范》（DOC-AQ-01，安全管理规范）", "年度评审",
            "采纳两条意见", "第 5 章增加特权账号季度复核", "修订后发布第 2 版", "同意发布", "监理周监理", "终稿")
        .doesNotContain("supervisor1", "mgmt1");
    Docx.Chart chart = doc.charts().get(0);
    assertThat(chart.categories()).containsExactly("管理方", "服务方", "监理方", "使用方");
    assertThat(chart.series()).containsExactly(Map.entry("意见数", doubles(0, 1, 1, 0)));
    assertThat(doc.table("版本")).extracting(r -> r.get(0)).containsExactly("第 1 版", "第 2 版");
  }

  @Clause("P6 7.4.1.3")
  @Clause("P3 附录 D.1 第 3 项")
  @Test
  void theStaffRegisterListsEveryPledgeAndChartsTheirState() throws Exception {
    runStaffRegister();
    Docx doc = new Docx(MADE.get("staff-pledges"));
    common("staff-pledges", doc, "2038-12-10 10:00");
    assertThat(doc.text()).contains("人员与保密协议登记", "周七", "吴八", "已逾期（应签 2038-12-04 09:00）");
    Docx.Chart chart = doc.charts().get(0);
    assertThat(chart.categories()).containsExactly("已签订", "待签订", "已逾期");
    assertThat(chart.series().get("协议数").stream().mapToDouble(Double::doubleValue).sum())
        .as("every pledge of the roster").isEqualTo(count("SELECT COUNT(*) FROM staff_pledge"));
  }

  private static String rowNo(List<List<String>> rows, String name) {
    return rows.stream().filter(r -> r.get(1).equals(name)).findFirst().orElseThrow().get(0);
  }

  @Clause("P3 5.5.2.3")
  @Clause("P3 附录 D.1 第 23 项")
  @Test
  void theServiceSummaryChartsTheCasesPerMonthAndListsTheRegister() throws Exception {
    runSummary();
    Docx doc = new Docx(MADE.get("service-summary-report"));
    common("service-summary-report", doc, "2038-05-10 09:00");
    assertThat(doc.text()).contains("政务云运营服务总结报告", "2038-03-01 至 2038-04-30（共 61 天）", "终稿（管理方已确认）",
        "两个月服务平稳，负载均衡故障已整改", "管理方确认：", "附录 D 表 D.1 共 24 项", "应急事件按时响应率");
    List<List<String>> months = doc.table("月份");
    assertThat(months).extracting(r -> r.get(0)).containsExactly("2038-03", "2038-04");
    assertThat(Long.parseLong(months.get(0).get(1))).as("March's emergencies").isPositive();
    Docx.Chart chart = doc.charts().get(0);
    assertThat(chart.categories()).containsExactly("2038-03", "2038-04");
    assertThat(chart.series().get("应急事件")).as("the chart is the table's figures")
        .isEqualTo(months.stream().map(r -> Double.parseDouble(r.get(1))).toList());
    assertThat(chart.series().get("工单")).isEqualTo(months.stream().map(r -> Double.parseDouble(r.get(2))).toList());
    List<List<String>> register = doc.table("序号");
    assertThat(register).hasSize(24);
    assertThat(register.get(15)).contains("云资源台账", "系统实时台账");
  }

  /** The summary of March and April 2038: drafted, the manager's summary, confirmed by management. */
  synchronized void runSummary() {
    if (MADE.containsKey("service-summary-report")) {
      return;
    }
    runMarch();
    setClock(china("2038-05-10T09:00:00"));
    processEngine.getIdentityService().setAuthentication("manager1", List.of(Groups.OPS_MANAGER));
    ProcessInstance pi;
    try {
      pi = processEngine.getRuntimeService().startProcessInstanceByKey("service-summary-report",
          map("periodFrom", "2038-03-01", "periodTo", "2038-04-30"));
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
    completeAs("manager1", Groups.OPS_MANAGER, pi.getId(), "Task_ReviewSummary", "commentary",
        "两个月服务平稳，负载均衡故障已整改");
    completeAs("mgmt1", Groups.MANAGEMENT, pi.getId(), "Task_ConfirmSummary", "summaryDecision", "CONFIRM");
    MADE.put("service-summary-report", archive.content(
        ((Number) processEngine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
            .variableName("reportId").singleResult().getValue()).longValue()));
  }

  @Test
  void everyDocumentConvertsToPdfWithLibreOffice() throws Exception {
    runWorkOrder();
    runMarch();
    runMay();
    runInspection();
    runInspectionAddendum();
    runDrill();
    runEvaluation();
    runAssurance();
    runDemandResearch();
    runTraining();
    runAssessment();
    runNormReview();
    runStaffRegister();
    runSummary();
    assertThat(MADE.keySet()).containsAll(List.of("staff-pledges", "training-record", "security-assessment-record", "norm-review-record", "evaluation-report", "assurance-report", "demand-research-report", "service-report",
        "service-summary-report",
        "emergency-response-report", "monitoring-report", "optimization-statistics-report",
        "optimization-efficiency-report", "inspection-report", "inspection-addendum", "drill-report",
        "work-order-response-report"));
    Path soffice = Docx.soffice();
    Assumptions.assumeTrue(soffice != null, "LibreOffice (soffice) is not installed: PDF conversion not checked");
    for (var e : MADE.entrySet()) {
      Path pdf = new Docx(e.getValue()).toPdf(soffice, OUT, e.getKey());
      assertThat(Files.readString(pdf, java.nio.charset.StandardCharsets.ISO_8859_1)).as(e.getKey()).startsWith("%PDF");
    }
  }

  /**
   * The evaluation of the first half of 2038 (after March's cases): JTJ answers the survey over REST, WJW does not and
   * is 未答复 at the due date; the supervisor's opinion files the evaluation report.
   */
  synchronized void runEvaluation() {
    if (MADE.containsKey("evaluation-report")) {
      return;
    }
    runMarch();
    setClock(china("2038-07-01T09:00:00"));
    ProcessInstance pi = processEngine.getRuntimeService().startProcessInstanceByKey("satisfaction-survey",
        map("periodFrom", "2038-01-01", "periodTo", "2038-06-30", "unitCodes", "JTJ,WJW"));
    var r = post("jtj1", "/api/surveys/" + variable(pi.getId(), "surveyId") + "/answers", map("attitude", 5,
        "responseSpeed", 4, "resolution", 4, "followUp", 3, "overall", 4, "problems", "夜间故障响应偏慢",
        "suggestions", "增加夜间值守"));
    assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
    var expiry = processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId())
        .activityId("Timer_SurveyExpired").singleResult();
    setClock(expiry.getDuedate().toInstant());
    processEngine.getManagementService().executeJob(expiry.getId());
    completeAs("supervisor1", Groups.SUPERVISOR, pi.getId(), "Task_WriteOpinion", "evaluationOpinion",
        "上半年服务总体良好，夜间响应需改进", "improvementRequirements", "下季度起夜间双人值守");
    MADE.put("evaluation-report", archive.content(
        ((Number) processEngine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
            .variableName("reportId").singleResult().getValue()).longValue()));
  }

  /**
   * A demand research of July–October 2038 by questionnaire: JTJ answers over REST with three demands, WJW does not
   * and is 未答复 at the due date; the provider's analysis files the research report.
   */
  synchronized void runDemandResearch() {
    if (MADE.containsKey("demand-research-report")) {
      return;
    }
    setClock(china("2038-11-02T09:00:00"));
    processEngine.getIdentityService().setAuthentication("manager1", List.of(Groups.OPS_MANAGER));
    ProcessInstance pi;
    try {
      pi = processEngine.getRuntimeService().startProcessInstanceByKey("demand-research", map("researchTopic",
          "2038 年政务云服务需求调研", "periodFrom", "2038-07-01", "periodTo", "2038-10-31", "answerBy", "2038-11-15",
          "researchMethod", "QUESTIONNAIRE", "unitScope", "LIST", "unitCodes", "JTJ,WJW"));
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
    var r = post("jtj1", "/api/research/" + processEngine.getRuntimeService().getVariable(pi.getId(), "researchNo")
        + "/answers", map("resourceAdequacy",
        "INSUFFICIENT", "satisfaction", 4, "problems", "高峰期存储紧张", "suggestions", "缩短扩容审批时间",
        "demands", List.of(map("type", "SCALE_UP", "content", "核心系统存储扩容 10 TB"),
            map("type", "NEW_SERVICE", "content", "数据库托管服务"), map("type", "PROCESS", "content", "资源申请线上审批"))));
    assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
    var expiry = processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId())
        .activityId("Timer_ResearchExpired").singleResult();
    setClock(expiry.getDuedate().toInstant());
    processEngine.getManagementService().executeJob(expiry.getId());
    setClock(china("2038-11-16T10:00:00"));
    completeAs("manager1", Groups.OPS_MANAGER, pi.getId(), "Task_Analyse", "managementState", "资源总体满足业务需要",
        "analysisProblems", "存储扩容周期长", "direction", "按需弹性供给", "recommendations",
        "[{\"category\":\"RESOURCE\",\"unitCodes\":\"JTJ\",\"content\":\"核心系统存储扩容 10 TB\"},"
            + "{\"category\":\"PROCESS\",\"unitCodes\":\"\",\"content\":\"资源申请审批时限压缩至 3 个工作日\"}]");
    MADE.put("demand-research-report", archive.content(variable(pi.getId(), "reportId")));
  }
}
