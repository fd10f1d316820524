package cn.gov.gz.govcloud.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.ProcessEngineTests.assertThat;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.ledger.LedgerEntry;
import cn.gov.gz.govcloud.ledger.LedgerService;
import cn.gov.gz.govcloud.ledger.ResourceType;
import cn.gov.gz.govcloud.report.ReportArchive;
import cn.gov.gz.govcloud.report.ReportDocument;
import cn.gov.gz.govcloud.support.Clause;
import cn.gov.gz.govcloud.support.ProcessTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * demand-research with its real delegates: a unit answers over REST (bad input refused with the field named and
 * nothing stored, another unit's questionnaire refused), unit isolation of the lists and details, the reminder and
 * 未答复 at the due date, the provider's analysis filing the report, management's return (version 2) and acceptance,
 * the recommendations published in rv_research_recommendation, and the hand-over: the next optimisation review shows
 * the accepted resource adjustment in its review task and its statistics report, and the review after it does not.
 * Periods in 2045 and 2041, where no other test has research or optimisation data; the review of 2041 stays before the dashboard
 * fixture's month (2043), since the dashboard shows the latest review.
 */
class DemandResearchProcessTest extends ProcessTest {

  @Autowired ResearchService research;
  @Autowired ReportArchive archive;
  @Autowired LedgerService ledger;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;

  private ProcessInstance start(String user, String group, Object... variables) {
    processEngine.getIdentityService().setAuthentication(user, List.of(group));
    try {
      return processEngine.getRuntimeService().startProcessInstanceByKey("demand-research", map(variables));
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
  }

  private void completeAs(String user, String group, ProcessInstance pi, String taskKey, Object... variables) {
    Task t = processEngine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(taskKey).singleResult();
    assertThat(t).as(taskKey).isNotNull();
    processEngine.getIdentityService().setAuthentication(user, List.of(group));
    try {
      processEngine.getTaskService().complete(t.getId(), map(variables));
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
  }

  private long researchId(ProcessInstance pi) {
    return ((Number) processEngine.getRuntimeService().getVariable(pi.getId(), "researchId")).longValue();
  }

  private JsonNode read(ResponseEntity<String> r) throws Exception {
    return json.readTree(r.getBody());
  }

  private static String text(byte[] docx) throws Exception {
    try (var doc = new XWPFDocument(new ByteArrayInputStream(docx)); var ex = new XWPFWordExtractor(doc)) {
      return ex.getText();
    }
  }

  static final String RECOMMENDATIONS = "[{\"category\":\"RESOURCE\",\"unitCodes\":\"JTJ\",\"content\":\"交通运输局核心系统存储扩容 10 TB\"},"
      + "{\"category\":\"TECHNICAL\",\"unitCodes\":\"\",\"content\":\"推广容器化部署\"}]";

  @Clause("P6 7.5.1.1")
  @Clause("P3 5.4.1.1")
  @Clause("P6 7.5.1.2")
  @Clause("P6 7.5.1.3")
  @Clause("P6 7.5.1.4")
  @Clause("P3 附录 D.1 第 18 项")
  @Test
  void aUnitAnswersOverRestTheOtherIsNoReplyAndTheReturnedReportIsAcceptedAsVersionTwo() throws Exception {
    setClock(china("2045-03-02T10:00:00"));
    ProcessInstance pi = start("manager1", Groups.OPS_MANAGER, "researchTopic", "2045 年政务云服务需求调研",
        "periodFrom", "2045-01-01", "periodTo", "2045-02-28", "answerBy", "2045-03-20", "researchMethod",
        "QUESTIONNAIRE", "unitScope", "LIST", "unitCodes", "JTJ, WJW");
    long id = researchId(pi);
    ResearchService.Research r = research.get(id);
    String no = r.researchNo();
    assertThat(no).isEqualTo(pi.getBusinessKey()).startsWith("DY20450302-");
    assertThat(r.dueAt()).isEqualTo(china("2045-03-20T23:59:00"));
    assertThat(research.units(id)).containsExactly("JTJ", "WJW");
    assertThat(pi).isWaitingAt("Task_AnswerQuestionnaire");
    Task jtjTask = processEngine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskCandidateGroup("unit-JTJ").singleResult();
    assertThat(jtjTask.getName()).as("the case in words in Tasklist's list").isEqualTo("填写服务需求调研问卷｜" + no
        + " 2045 年政务云服务需求调研（广州市交通运输局）");
    assertThat(jtjTask.getDueDate().toInstant()).isEqualTo(china("2045-03-20T23:59:00"));
    assertThat(processEngine.getTaskService().getVariable(jtjTask.getId(), "caseSummary").toString())
        .contains("问卷", "2045-01-01 至 2045-02-28", "2045-03-20 23:59（北京时间）", "广州市交通运输局");
    // in Tasklist: the unit's user opens its form with the research's variables; another unit's does not see it
    ResponseEntity<String> form = get("jtj1", "/engine-rest/task/" + jtjTask.getId() + "/deployed-form");
    assertThat(form.getStatusCode()).as(form.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(form.getBody()).contains("服务需求调研问卷", "resourceAdequacy", "demands");
    ResponseEntity<String> vars = get("jtj1", "/engine-rest/task/" + jtjTask.getId() + "/form-variables");
    assertThat(vars.getStatusCode()).as(vars.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(vars.getBody()).contains("2045 年政务云服务需求调研", no);
    assertThat(get("wjw1", "/engine-rest/task/" + jtjTask.getId() + "/form-variables").getStatusCode().is2xxSuccessful())
        .isFalse();

    String path = "/api/research/" + no + "/answers";
    ResponseEntity<String> bad = post("jtj1", path, map("resourceAdequacy", "INSUFFICIENT", "satisfaction", 7,
        "demands", List.of(map("type", "SPACESHIP", "content", "扩容"))));
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody()).contains("satisfaction", "1–5", "demands.type");
    assertThat(research.status(id, "JTJ")).as("nothing changed").isEqualTo(ResearchLabels.PENDING);
    assertThat(post("wjw1", path, map("unitCode", "JTJ", "resourceAdequacy", "SUFFICIENT", "satisfaction", 5))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("mgmt1", path, map("resourceAdequacy", "SUFFICIENT", "satisfaction", 5)).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    ResponseEntity<String> ok = post("jtj1", path, map("resourceAdequacy", "INSUFFICIENT", "satisfaction", 4,
        "problems", "高峰期存储紧张", "suggestions", "缩短扩容审批时间", "demands", List.of(
            map("type", "SCALE_UP", "content", "核心系统存储扩容 10 TB"), map("type", "NEW_SERVICE", "content", "数据库托管服务"))));
    assertThat(ok.getStatusCode()).as(ok.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(read(ok).at("/answer/status").asText()).isEqualTo("ANSWERED");
    assertThat(read(ok).at("/demands")).hasSize(2);
    assertThat(post("jtj1", path, map("resourceAdequacy", "SUFFICIENT", "satisfaction", 5)).getStatusCode())
        .as("answered once").isEqualTo(HttpStatus.BAD_REQUEST);

    assertThat(read(get("wjw1", "/api/research")).findValuesAsText("researchNo")).contains(no);
    JsonNode asWjw = read(get("wjw1", "/api/research/" + no));
    assertThat(asWjw.at("/answers").findValuesAsText("unitCode")).containsExactly("WJW");
    assertThat(asWjw.at("/demands")).as("another unit's demands stay hidden").isEmpty();
    JsonNode asMgmt = read(get("mgmt1", "/api/research/" + no));
    assertThat(asMgmt.at("/answers").findValuesAsText("unitCode")).containsExactly("JTJ", "WJW");
    assertThat(asMgmt.at("/demands").findValuesAsText("type")).containsExactly("SCALE_UP", "NEW_SERVICE");
    assertThat(get("jtj1", "/api/research/DY20990101-9").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    fire(pi, "Timer_ResearchReminder");
    assertThat(research.answers(id, null)).filteredOn(a -> a.unitCode().equals("WJW")).singleElement()
        .extracting(ResearchService.Answer::reminders).isEqualTo(1);
    fire(pi, "Timer_ResearchExpired");
    assertThat(research.status(id, "WJW")).isEqualTo(ResearchLabels.NO_REPLY);
    assertThat(pi).isWaitingAt("Task_Analyse");
    assertThat(research.get(id).status()).isEqualTo(ResearchLabels.ANALYSING);
    assertThat(processEngine.getRuntimeService().getVariable(pi.getId(), "researchSummary").toString())
        .contains("已填写问卷 1 家，未答复 1 家", "扩容 1", "新服务 1");

    assertThatThrownBy(() -> completeAs("manager1", Groups.OPS_MANAGER, pi, "Task_Analyse", "managementState", "良好",
        "analysisProblems", "存储紧张", "direction", "弹性扩容", "recommendations", "[]"))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("recommendations");
    assertThatThrownBy(() -> completeAs("manager1", Groups.OPS_MANAGER, pi, "Task_Analyse", "managementState", "良好",
        "analysisProblems", "存储紧张", "direction", "弹性扩容", "recommendations",
        "[{\"category\":\"RESOURCE\",\"unitCodes\":\"XYZ\",\"content\":\"扩容\"}]"))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("recommendations.unitCodes");
    completeAs("manager1", Groups.OPS_MANAGER, pi, "Task_Analyse", "managementState", "资源总体满足业务需要",
        "analysisProblems", "存储扩容周期长", "direction", "按需弹性供给", "recommendations", RECOMMENDATIONS);
    assertThat(pi).isWaitingAt("Task_ReviewReport");
    ResearchService.Research filed = research.get(id);
    assertThat(filed.status()).isEqualTo(ResearchLabels.REVIEWING);
    ReportDocument v1 = archive.get(filed.reportId());
    assertThat(v1.kind()).isEqualTo(DemandResearchReport.KIND);
    assertThat(v1.subjectRef()).isEqualTo(no);
    assertThat(v1.version()).isEqualTo(1);
    assertThat(text(archive.content(v1.id()))).contains("调研评估报告", "2045 年政务云服务需求调研", "核心系统存储扩容 10 TB",
        "广州市交通运输局", "资源调整").doesNotContain("{{");

    assertThatThrownBy(() -> completeAs("mgmt1", Groups.MANAGEMENT, pi, "Task_ReviewReport", "reviewDecision",
        "RETURN")).isInstanceOf(BadUserRequestException.class).hasMessageContaining("reviewComment");
    completeAs("mgmt1", Groups.MANAGEMENT, pi, "Task_ReviewReport", "reviewDecision", "RETURN", "reviewComment",
        "请说明存储扩容周期长的原因");
    assertThat(pi).isWaitingAt("Task_Analyse");
    assertThat(research.get(id).returnCount()).isEqualTo(1);
    assertThat(processEngine.getRuntimeService().getVariable(pi.getId(), "returnReason")).isEqualTo("请说明存储扩容周期长的原因");
    completeAs("manager1", Groups.OPS_MANAGER, pi, "Task_Analyse", "managementState", "资源总体满足业务需要",
        "analysisProblems", "存储扩容周期长：采购与上架需两周", "direction", "按需弹性供给", "recommendations", RECOMMENDATIONS);
    ReportDocument v2 = archive.get(research.get(id).reportId());
    assertThat(v2.version()).isEqualTo(2);
    assertThat(text(archive.content(v2.id()))).contains("退回修改 1 次", "请说明存储扩容周期长的原因");

    completeAs("mgmt1", Groups.MANAGEMENT, pi, "Task_ReviewReport", "reviewDecision", "ACCEPT", "reviewComment", "同意");
    assertThat(pi).isEnded().hasPassed("EndEvent_Answered", "EndEvent_Reminded", "EndEvent_NoReply",
        "ServiceTask_HandOver", "EndEvent_HandedOver");
    ResearchService.Research accepted = research.get(id);
    assertThat(accepted.status()).isEqualTo(ResearchLabels.ACCEPTED);
    assertThat(accepted.reviewedBy()).isEqualTo("mgmt1");
    List<Map<String, Object>> published = jdbc.queryForList(
        "SELECT category, unit_codes, content FROM rv_research_recommendation WHERE research_no = ? ORDER BY seq", no);
    assertThat(published).extracting(m -> m.get("CATEGORY") == null ? m.get("category") : m.get("CATEGORY"))
        .containsExactly("RESOURCE", "TECHNICAL");
    JsonNode reports = read(get("mgmt1", "/api/reports?kind=DEMAND_RESEARCH&subjectRef=" + no));
    assertThat(reports).hasSize(2);
  }

  @Clause("P3 5.4.1.2")
  @Clause("P6 7.5.1.3")
  @Test
  void theAcceptedResourceAdjustmentIsShownInTheNextOptimisationReviewOnly() throws Exception {
    // a measurable period for the next review: one idle VM in the ledger since January, with monitoring data
    setClock(china("2041-01-05T09:00:00"));
    String vm = "DY-VM-" + UUID.randomUUID().toString().substring(0, 8);
    ledger.add(List.of(new LedgerEntry(vm, "JTJ", null, null, null, ResourceType.VM, 8, 32, new BigDecimal("0.5"),
        "麒麟 V10", null, null, "A01", null)), "test");
    for (LocalDate d = LocalDate.parse("2041-02-01"); !d.isAfter(LocalDate.parse("2041-02-28")); d = d.plusDays(1)) {
      jdbc.update("INSERT INTO monitoring_daily (resource_id, sample_day, sample_count, cpu_sum, cpu_count, cpu_max, "
              + "cpu_min, memory_sum, memory_count, memory_max, memory_min, storage_sum, storage_count, storage_max, "
              + "storage_min, sync_count, power_off_count, last_sampled_at, last_power_on) "
              + "VALUES (?, ?, 288, ?, 288, 4, 2, ?, 288, 6, 4, ?, 288, 51, 49, 0, 0, ?, TRUE)",
          vm, Date.valueOf(d), 3.0 * 288, 5.0 * 288, 50.0 * 288, Timestamp.from(d.atTime(23, 55).atZone(CHINA).toInstant()));
    }
    setClock(china("2041-03-01T10:00:00"));
    ProcessInstance pi = start("mgmt1", Groups.MANAGEMENT, "researchTopic", "2041 年资源需求调研", "periodFrom",
        "2041-01-01", "periodTo", "2041-02-28", "researchMethod", "INTERVIEW", "unitScope", "LIST", "unitCodes", "JTJ");
    String no = research.get(researchId(pi)).researchNo();
    assertThat(get("wjw1", "/api/research/" + no).getStatusCode()).as("a unit not asked").isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(read(get("wjw1", "/api/research")).findValuesAsText("researchNo")).doesNotContain(no);
    assertThat(get("mgmt1", "/api/research?status=SOMETHING").getBody()).contains("status");
    assertThat(post("jtj1", "/api/research/" + no + "/answers", map("resourceAdequacy", "SUFFICIENT",
        "satisfaction", 5)).getBody()).as("an interview has no questionnaire").contains("访谈");
    completeAs("engineer1", Groups.OPS_ENGINEER, pi, "Task_RecordInterview", "interviewee", "信息中心 李主任",
        "resourceAdequacy", "INSUFFICIENT", "satisfaction", 3, "demands",
        "[{\"type\":\"SCALE_UP\",\"content\":\"交通调度平台扩容 16 vCPU\"}]");
    assertThat(research.status(researchId(pi), "JTJ")).isEqualTo(ResearchLabels.INTERVIEWED);
    completeAs("manager1", Groups.OPS_MANAGER, pi, "Task_Analyse", "managementState", "平稳", "analysisProblems",
        "高峰期 CPU 不足", "direction", "弹性扩容", "recommendations",
        "[{\"category\":\"RESOURCE\",\"unitCodes\":\"JTJ\",\"content\":\"交通调度平台扩容 16 vCPU（调研 2041）\"}]");
    completeAs("mgmt1", Groups.MANAGEMENT, pi, "Task_ReviewReport", "reviewDecision", "ACCEPT");
    assertThat(pi).isEnded().hasPassed("EndEvent_Interviewed", "EndEvent_HandedOver");

    setClock(china("2041-03-02T09:00:00"));
    ProcessInstance review = startReview();
    assertThat(review).isWaitingAt("Task_ReviewCandidates");
    String summary = processEngine.getRuntimeService().getVariable(review.getId(), "reviewSummary").toString();
    assertThat(summary).contains("服务需求调研", no, "广州市交通运输局", "交通调度平台扩容 16 vCPU（调研 2041）");
    long reviewId = ((Number) processEngine.getRuntimeService().getVariable(review.getId(), "reviewId")).longValue();
    Long statistics = jdbc.queryForObject("SELECT statistics_report_id FROM optimization_review WHERE id = ?",
        Long.class, reviewId);
    assertThat(text(archive.content(statistics))).contains("资源调整建议", no, "交通调度平台扩容 16 vCPU（调研 2041）");

    setClock(china("2041-03-03T09:00:00"));
    ProcessInstance after = startReview();
    assertThat(processEngine.getRuntimeService().getVariable(after.getId(), "reviewSummary").toString())
        .as("handed over once").doesNotContain(no);
  }

  private ProcessInstance startReview() {
    processEngine.getIdentityService().setAuthentication("mgmt1", List.of(Groups.MANAGEMENT));
    try {
      return processEngine.getRuntimeService().startProcessInstanceByKey("optimization-review",
          map("periodFrom", "2041-02-01", "periodTo", "2041-02-28"));
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
  }
}
