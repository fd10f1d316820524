package cn.gov.gz.govcloud.assurance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.ProcessEngineTests.assertThat;

import cn.gov.gz.govcloud.notification.NotificationService;
import cn.gov.gz.govcloud.report.ReportArchive;
import cn.gov.gz.govcloud.support.Clause;
import cn.gov.gz.govcloud.support.Docx;
import cn.gov.gz.govcloud.support.ProcessTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * processes/assurance.bpmn with its real delegates over REST and the engine clock: requested by the service desk,
 * confirmed by management, a 7×24 rota checked for gaps, the period published to the other rooms
 * ({@code rv_assurance_active}), standby records per shift (one after a reminder), the emergencies of the scope in
 * the summary report, a returned summary reported again as version 2. Periods in 2042, which no other test uses.
 */
class AssuranceProcessTest extends ProcessTest {

  @Autowired AssuranceService assurances;
  @Autowired ReportArchive archive;
  @Autowired NotificationService notifications;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;

  static String form(Instant t) {
    return OffsetDateTime.ofInstant(t, ZoneOffset.ofHours(8)).toString();
  }

  Map<String, Object> request(String name, Instant from, Instant to, List<String> systems) {
    return map("eventName", name, "kind", "HOLIDAY", "periodFrom", form(from), "periodTo", form(to),
        "systemCodes", systems, "targets", "保障期间业务系统不中断");
  }

  JsonNode read(ResponseEntity<String> answer) throws Exception {
    return json.readTree(answer.getBody());
  }

  ProcessInstance instance(String id) {
    return processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).singleResult();
  }

  void completeAs(String user, String group, String processInstanceId, String key, Object... kv) {
    Task t = processEngine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(key).taskCandidateUser(user).singleResult();
    assertThat(t).as(key + " for " + user).isNotNull();
    processEngine.getIdentityService().setAuthentication(user, List.of(group));
    try {
      processEngine.getTaskService().complete(t.getId(), map(kv));
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
  }

  List<Job> shiftTimers(String processInstanceId) {
    return processEngine.getManagementService().createJobQuery().processInstanceId(processInstanceId)
        .activityId("Timer_ShiftStart").orderByJobDuedate().asc().list();
  }

  void run(Job j) {
    if (j.getDuedate().toInstant().isAfter(now)) {
      setClock(j.getDuedate().toInstant().plusSeconds(1));
    }
    processEngine.getManagementService().executeJob(j.getId());
  }

  static Object rota(String... rows) {
    StringBuilder s = new StringBuilder("[");
    for (int i = 0; i < rows.length; i += 3) {
      s.append(i == 0 ? "" : ",").append("{\"startsAt\":\"").append(rows[i]).append("\",\"endsAt\":\"")
          .append(rows[i + 1]).append("\",\"watchers\":\"").append(rows[i + 2])
          .append("\",\"contact\":\"13800000000\"}");
    }
    return SpinValues.jsonValue(s.append(']').toString()).create();
  }

  @Clause("P3 5.2.3")
  @Clause("P6 7.3.3.1")
  @Clause("P6 7.3.3.2")
  @Clause("P6 7.3.3.3 a")
  @Clause("P6 7.3.3.3 b")
  @Clause("P6 7.3.3.3 c")
  @Clause("P6 7.3.3.4")
  @Clause("P3 附录 D.1 第 13 项")
  @Test
  void aHolidayIsWatchedAroundTheClockAndSummarisedWithTheEmergenciesOfItsScope() throws Exception {
    setClock(china("2042-09-20T09:00:00"));
    Instant from = china("2042-09-30T20:00:00");
    Instant to = china("2042-10-01T08:00:00");
    ResponseEntity<String> answer = post("desk1", "/api/assurances", request("2042 年国庆保障", from, to,
        List.of("JTJ-TOCC")));
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(201);
    String pid = read(answer).get("processInstanceId").asText();
    String no = read(answer).get("assuranceNo").asText();
    assertThat(no).startsWith("BZ20420920-");
    ProcessInstance pi = instance(pid);
    assertThat(pi).isWaitingAt("Task_ConfirmNeed");
    assertThat(pi.getBusinessKey()).isEqualTo(no);
    Task confirm = processEngine.getTaskService().createTaskQuery().processInstanceId(pid).singleResult();
    assertThat(confirm.getName()).contains(no, "2042 年国庆保障");

    completeAs("mgmt1", "management", pid, "Task_ConfirmNeed", "needDecision", "CONFIRMED", "manner", "BOTH",
        "targets", "核心系统不中断，重大事件 5 分钟内响应");
    assertThatThrownBy(() -> completeAs("manager1", "ops-manager", pid, "Task_WritePlan", "planText", "方案",
        "rota", rota(form(from), form(from.plusSeconds(5 * 3600)), "engineer1",
            form(from.plusSeconds(6 * 3600)), form(to), "operator1")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("值守有空档")
        .hasMessageContaining("2042-10-01 01:00 至 2042-10-01 02:00");
    assertThatThrownBy(() -> completeAs("manager1", "ops-manager", pid, "Task_WritePlan", "planText", "方案",
        "rota", rota(form(from.minusSeconds(3600)), form(to), "nobody")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("用户不存在: nobody")
        .hasMessageContaining("一个班次最长 12 小时");
    assertThat(assurances.shifts(assurances.findByProcessInstance(pid).orElseThrow().id())).isEmpty();
    Instant middle = from.plusSeconds(6 * 3600);
    completeAs("manager1", "ops-manager", pid, "Task_WritePlan", "planText", "双人值守，节前完成全面巡检和备份",
        "rota", rota(form(from), form(middle), "engineer1", form(middle), form(to), "operator1"),
        "reserveResources", "预留 20 台云主机", "responseFactor", 0.5, "applicationFactor", 0.6);
    completeAs("mgmt1", "management", pid, "Task_ApprovePlan", "planDecision", "APPROVED");
    Assurance a = assurances.findByProcessInstance(pid).orElseThrow();
    assertThat(a.status()).isEqualTo("SCHEDULED");
    assertThat(a.applicationFactor()).isEqualByComparingTo(new BigDecimal("0.6"));
    assertThat(notifications.search("engineer1", null, no, 10)).anyMatch(n -> n.subject().contains("保障方案已批准"));
    assertThat(jdbc.sql("SELECT business_system_code FROM rv_assurance_active WHERE assurance_no = ? "
        + "AND period_from = ? AND response_factor = 0.5 AND application_factor = 0.6").param(no)
        .param(java.sql.Timestamp.from(from)).query(String.class).list())
        .as("published to the emergency and application rooms").containsExactly("JTJ-TOCC");

    fire(pi, "Timer_WaitForPeriodStart");
    assertThat(assurances.get(a.id()).status()).isEqualTo("ACTIVE");
    run(shiftTimers(pid).get(0));
    Task first = processEngine.getTaskService().createTaskQuery().processInstanceId(pid)
        .taskDefinitionKey("Task_RecordStandby").taskCandidateUser("engineer1").singleResult();
    assertThat(first.getDueDate().toInstant()).isEqualTo(middle);
    assertThat(processEngine.getTaskService().createTaskQuery().processInstanceId(pid)
        .taskDefinitionKey("Task_RecordStandby").taskCandidateUser("operator1").count()).isZero();
    // an interruption of a covered system during the watch, and one of a system outside the scope
    setClock(china("2042-09-30T21:00:00"));
    String covered = emergency("JTJ-TOCC");
    String outside = emergency("WJW-HIS");
    completeAs("engineer1", "ops-engineer", pid, "Task_RecordStandby", "situation", "EVENTS",
        "standbyNote", "21:00 交通调度平台中断，已启动应急响应 " + covered, "handover", "跟踪恢复情况");

    run(shiftTimers(pid).get(0));
    assertThat(job(pi, "Timer_StandbyMissing").getDuedate().toInstant()).isEqualTo(to.plusSeconds(3600));
    fire(pi, "Timer_StandbyMissing");
    assertThat(notifications.search("operator1", null, no, 10)).anyMatch(n -> n.subject().contains("值守记录未填写"));
    completeAs("operator1", "ops-operator", pid, "Task_RecordStandby", "situation", "NORMAL",
        "standbyNote", "后半夜运行平稳");
    fire(pi, "Timer_WaitForPeriodEnd");
    assertThat(pi).isWaitingAt("Task_WriteSummary");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM rv_assurance_active WHERE assurance_no = ?").param(no)
        .query(Long.class).single()).as("over: no longer published").isZero();

    completeAs("manager1", "ops-manager", pid, "Task_WriteSummary", "summary", "保障目标基本达成",
        "issues", "调度平台中断一次", "improvements", "节前增加负载均衡检查");
    long v1 = ((Number) processEngine.getRuntimeService().getVariable(pid, "reportId")).longValue();
    Docx doc = new Docx(archive.content(v1));
    assertThat(doc.leftTags()).isEmpty();
    assertThat(doc.text()).contains("重要保障总结报告", "2042 年国庆保障（重要节假日）", "现场值守与远程值守结合",
        "交通运行监测调度平台", covered, "经提醒后补填", "保障目标基本达成", "节前增加负载均衡检查", "资源申请办理时限 × 0.6")
        .doesNotContain(outside, "JTJ-TOCC");
    assertThat(doc.table("班次")).hasSize(2);
    Docx.Chart chart = doc.charts().get(0);
    assertThat(chart.categories()).containsExactly("9/30", "10/1");
    assertThat(chart.series().get("应急事件")).containsExactly(1.0, 0.0);

    completeAs("mgmt1", "management", pid, "Task_ConfirmSummary", "summaryDecision", "RETURNED",
        "confirmComment", "补充中断原因");
    completeAs("manager1", "ops-manager", pid, "Task_WriteSummary", "summary", "保障目标基本达成；中断原因为电源故障");
    long v2 = ((Number) processEngine.getRuntimeService().getVariable(pid, "reportId")).longValue();
    assertThat(archive.get(v2).version()).isEqualTo(2);
    completeAs("mgmt1", "management", pid, "Task_ConfirmSummary", "summaryDecision", "CONFIRMED");
    assertThat(pi).isEnded();
    assertThat(assurances.get(a.id()).status()).isEqualTo("CLOSED");
  }

  String emergency(String system) {
    ProcessInstance e = processEngine.getRuntimeService().startProcessInstanceByKey("emergency-response",
        map("businessSystemCode", system, "category", "INTERRUPTION", "description", "系统首页无法打开",
            "source", "MONITORING", "detectedAt", Date.from(now)));
    return processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(e.getId())
        .singleResult().getBusinessKey();
  }

  @Test
  void theTasklistStartFormStartsItAndTheConfirmationShowsTheCaseInWords() throws Exception {
    setClock(china("2042-06-01T09:00:00"));
    Map<String, Object> variables = Map.of("eventName", Map.of("value", "端午保障"), "kind", Map.of("value", "HOLIDAY"),
        "periodFrom", Map.of("value", "2042-06-20T00:00+08:00"), "periodTo", Map.of("value", "2042-06-23T00:00+08:00"),
        "systemCodes", Map.of("value", "JTJ-TOCC, WJW-HIS"), "targets", Map.of("value", "不中断"));
    ResponseEntity<String> started = post("desk1", "/engine-rest/process-definition/key/assurance/submit-form",
        Map.of("variables", variables));
    assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(200);
    String pid = read(started).get("id").asText();
    Task confirm = processEngine.getTaskService().createTaskQuery().processInstanceId(pid).singleResult();
    assertThat(get("mgmt1", "/engine-rest/task/" + confirm.getId() + "/deployed-form").getBody())
        .contains("\"id\": \"assurance-confirm\"", "确认保障需求");
    JsonNode form = read(get("mgmt1", "/engine-rest/task/" + confirm.getId() + "/form-variables"));
    assertThat(form.get("caseSummary").get("value").asText()).contains("端午保障（重要节假日）",
        "2042-06-20 00:00 至 2042-06-23 00:00", "交通运行监测调度平台", "全民健康信息平台").doesNotContain("JTJ-TOCC");
    assertThat(form.get("periodFrom").get("value").asText()).isEqualTo("2042-06-20T00:00+08:00");
    ResponseEntity<String> bad = post("desk1", "/engine-rest/process-definition/key/assurance/submit-form",
        Map.of("variables", Map.of("eventName", Map.of("value", "端午保障"), "kind", Map.of("value", "HOLIDAY"),
            "periodFrom", Map.of("value", "2042-06-20T00:00+08:00"),
            "periodTo", Map.of("value", "2042-06-19T00:00+08:00"),
            "systemCodes", Map.of("value", "JTJ-TOCC"), "targets", Map.of("value", "不中断"))));
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat(bad.getBody()).contains("periodTo", "保障结束时间须晚于开始时间");
    processEngine.getRuntimeService().deleteProcessInstance(pid, "test", true, true);
  }

  @Clause("P6 7.3.3.1")
  @Test
  void unitsSeeTheAssurancesOfTheirSystemsAndBadRequestsNameTheirField() throws Exception {
    setClock(china("2042-03-01T09:00:00"));
    Instant from = china("2042-04-04T00:00:00");
    Instant to = china("2042-04-07T00:00:00");
    assertThat(post("jtj1", "/api/assurances", request("清明保障", from, to, List.of("JTJ-OA")))
        .getStatusCode().value()).isEqualTo(403);
    ResponseEntity<String> bad = post("manager1", "/api/assurances", map("eventName", "清明保障", "kind", "PARTY",
        "periodFrom", form(to), "periodTo", form(from), "systemCodes", List.of("NO-SUCH"), "targets", "不中断"));
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat(bad.getBody()).contains("kind", "periodTo", "保障结束时间须晚于开始时间", "systemCodes", "业务系统不存在: NO-SUCH");

    ResponseEntity<String> ok = post("mgmt1", "/api/assurances", map("eventName", "清明保障", "kind", "HOLIDAY",
        "periodFrom", form(from), "periodTo", form(to), "unitCodes", List.of("JTJ"), "targets", "不中断"));
    assertThat(ok.getStatusCode().value()).as(ok.getBody()).isEqualTo(201);
    String no = read(ok).get("assuranceNo").asText();
    String pid = read(ok).get("processInstanceId").asText();
    JsonNode detail = read(get("jtj1", "/api/assurances/" + no));
    assertThat(detail.get("scope").findValuesAsText("businessSystemCode")).contains("JTJ-TOCC", "JTJ-OA");
    assertThat(get("jtj1", "/api/assurances").getBody()).contains(no);
    assertThat(get("wjw1", "/api/assurances").getBody()).doesNotContain(no);
    assertThat(get("wjw1", "/api/assurances/" + no).getStatusCode().value()).isEqualTo(404);

    completeAs("mgmt1", "management", pid, "Task_ConfirmNeed", "needDecision", "REJECTED",
        "needComment", "由单位自行值守");
    assertThat((Object) instance(pid)).isNull();
    Assurance a = assurances.findByProcessInstance(pid).orElseThrow();
    assertThat(a.status()).isEqualTo("REJECTED");
    assertThat(a.closedAt()).isNotNull();
  }
}
