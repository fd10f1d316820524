package cn.gov.gz.govcloud.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.drill.ContingencyPlan;
import cn.gov.gz.govcloud.drill.PlanInput;
import cn.gov.gz.govcloud.drill.PlanService;
import cn.gov.gz.govcloud.inspection.InspectionService;
import cn.gov.gz.govcloud.kpi.ServiceReport;
import cn.gov.gz.govcloud.ledger.LedgerEntry;
import cn.gov.gz.govcloud.ledger.LedgerService;
import cn.gov.gz.govcloud.ledger.ResourceType;
import cn.gov.gz.govcloud.monitoring.MonitoringReport;
import cn.gov.gz.govcloud.optimization.OptimizationService;
import cn.gov.gz.govcloud.optimization.Review;
import cn.gov.gz.govcloud.support.Docx;
import cn.gov.gz.govcloud.support.ProcessTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Base of the document tests: each template rendered from a real run of its process (or service) over a few days of
 * data, made once per JVM and kept in {@link #MADE} and in {@code target/documents/}. Periods are in 2038, which no
 * other test uses.
 */
abstract class DocumentsTestSupport extends ProcessTest {

  static final Path OUT = Path.of("target", "documents");
  static final LocalDate FROM = LocalDate.parse("2038-03-01");
  static final LocalDate TO = LocalDate.parse("2038-03-31");
  /** Documents made once per run, by name: several tests read the same ones. */
  static final Map<String, byte[]> MADE = new ConcurrentHashMap<>();
  /** When each of them was archived (other tests archive documents of the same kinds, at other clocks). */
  static final Map<String, Instant> ARCHIVED_AT = new ConcurrentHashMap<>();

  @Autowired ServiceReport serviceReport;
  @Autowired MonitoringReport monitoringReport;
  @Autowired ReportArchive archive;
  @Autowired ReportProperties properties;
  @Autowired LedgerService ledger;
  @Autowired OptimizationService optimization;
  @Autowired InspectionService inspections;
  @Autowired PlanService plans;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;

  // ------------------------------------------------------------------ the runs

  ProcessInstance emergency(String system, String category, Instant detected) {
    setClock(detected);
    return processEngine.getRuntimeService().startProcessInstanceByKey("emergency-response",
        map("businessSystemCode", system, "category", category, "description", "系统首页无法打开", "source", "MONITORING",
            "detectedAt", java.util.Date.from(detected)));
  }

  void complete(String processInstanceId, String key, Object... kv) {
    Task t = processEngine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(key).singleResult();
    assertThat(t).as(key).isNotNull();
    processEngine.getTaskService().complete(t.getId(), map(kv));
  }

  /** As the given user (so that the documents name who did it). */
  void completeAs(String user, String group, String processInstanceId, String key, Object... kv) {
    processEngine.getIdentityService().setAuthentication(user, List.of(group));
    try {
      complete(processInstanceId, key, kv);
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
  }

  long variable(String processInstanceId, String name) {
    return ((Number) processEngine.getRuntimeService().getVariable(processInstanceId, name)).longValue();
  }

  /**
   * March 2038: five emergencies (two responded in time, one late, one never responded and past its deadline, one
   * just received), five work orders of four types with four survey answers; the service report at 23:59 on the last
   * day; and the emergency response report of the first case, before and after its plan review.
   */
  synchronized void runMarch() {
    if (MADE.containsKey("service-report")) {
      return;
    }
    ProcessInstance a = emergency("JTJ-TOCC", "INTERRUPTION", china("2038-03-03T09:00:00"));
    setClock(now.plusSeconds(120));
    completeAs("engineer1", Groups.OPS_ENGINEER, a.getId(), "Task_RespondEmergency", "firstAssessment", "负载均衡故障");
    setClock(now.plus(Duration.ofMinutes(28)));
    completeAs("engineer1", Groups.OPS_ENGINEER, a.getId(), "Task_HandleEmergency", "actionType", "RECOVER",
        "actionNote", "切换负载均衡至备用节点", "handlingOutcome", "RECOVERED", "cause", "负载均衡主节点电源故障",
        "result", "30 分钟内恢复，未丢失数据");
    setClock(now.plus(Duration.ofMinutes(10)));
    complete(a.getId(), "Task_VerifyRecovery", "verifyDecision", "CONFIRMED");
    MADE.put("emergency-report-v1", archive.content(variable(a.getId(), "reportId")));
    setClock(now.plus(Duration.ofHours(3)));
    completeAs("manager1", Groups.OPS_MANAGER, a.getId(), "Task_ImprovePlan", "planDecision", "NO_CHANGE",
        "planChanges", "负载均衡双电源改造纳入季度巡检项；备用节点切换演练每半年一次");
    MADE.put("emergency-response-report", archive.content(
        ((Number) processEngine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(a.getId())
            .variableName("reportId").singleResult().getValue()).longValue()));

    ProcessInstance b = emergency("WJW-HIS", "INTERRUPTION", china("2038-03-10T10:00:00"));
    setClock(now.plus(Duration.ofMinutes(8)));
    complete(b.getId(), "Task_RespondEmergency", "firstAssessment", "数据库主库宕机");
    ProcessInstance c = emergency("JTJ-OA", "DEGRADATION", china("2038-03-17T10:00:00"));
    setClock(now.plus(Duration.ofMinutes(3)));
    complete(c.getId(), "Task_RespondEmergency", "firstAssessment", "公文检索缓慢");
    emergency("WJW-WEB", "INTERRUPTION", china("2038-03-24T10:00:00"));

    setClock(china("2038-03-12T09:00:00"));
    String[][] orders = {{"FAULT", "JTJ-TOCC", "5"}, {"FAULT", "WJW-HIS", "4"}, {"CONSULTATION", "JTJ-OA", "5"},
        {"COMPLAINT", "WJW-WEB", "2"}, {"SERVICE_REQUEST", "JTJ-OA", null}};
    for (String[] o : orders) {
      var r = post("desk1", "/api/work-orders", map("unitCode", o[1].startsWith("JTJ") ? "JTJ" : "WJW",
          "businessSystemCode", o[1], "contactName", "值班员", "contactPhone", "020-83330001", "type", o[0],
          "priority", "MEDIUM", "channel", "HOTLINE", "title", "测试工单 " + o[0], "description", "文档测试"));
      assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.CREATED);
      if (o[2] != null) {
        String orderNo = read(r.getBody()).get("orderNo").asText();
        // the unit's answer to the return visit, as the survey task records it
        jdbc.sql("UPDATE work_order SET satisfaction_score = ? WHERE order_no = ?").params(Integer.valueOf(o[2]),
            orderNo).update();
      }
    }
    emergency("JTJ-TOCC", "INTERRUPTION", china("2038-03-31T23:58:00"));
    setClock(china("2038-03-31T23:59:00"));
    ReportDocument d = serviceReport.generate(FROM, TO, "本月运行总体平稳；一起应急事件响应超时，已约谈值班组并调整排班。", null,
        "manager1");
    MADE.put("service-report", archive.content(d.id()));
  }

  /** 19 May 2038: a day of hourly samples for an idle VM and a busy physical server; the report with an analysis. */
  synchronized void runMay() {
    if (MADE.containsKey("monitoring-report")) {
      return;
    }
    setClock(china("2038-05-01T09:00:00"));
    String p = "DOC" + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
    ledger.add(List.of(
        new LedgerEntry(p + "-VM", "JTJ", "JTJ-TOCC", null, null, ResourceType.VM, 8, 32, new BigDecimal("0.5"),
            "麒麟 V10", null, null, "A01", "10.20.30.41"),
        new LedgerEntry(p + "-PM", "WJW", "WJW-HIS", null, null, ResourceType.PHYSICAL, 64, 256, new BigDecimal("2"),
            "麒麟 V10", "华为", "TaiShan 200", "B03", "10.20.30.42")), "test");
    setClock(china("2038-05-20T09:00:00"));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int h = 0; h < 24; h++) {
      Instant at = china("2038-05-19T00:30:00").plus(Duration.ofHours(h));
      rows.add(sample(p + "-VM", at, 5, 8, 50));
      rows.add(sample(p + "-PM", at, 60, 70, 95));
    }
    var r = post("operator1", "/api/monitoring/samples", rows);
    assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
    Instant from = china("2038-05-19T00:00:00");
    ReportDocument d = monitoringReport.generate(from, from.plus(Duration.ofDays(1)),
        "存储利用率超过 90% 的物理服务器已提交扩容申请；闲置云主机列入下月优化评审。",
        new Caller("manager1", List.of(Groups.OPS_MANAGER)));
    MADE.put("monitoring-report", archive.content(d.id()));

    setClock(china("2038-06-01T09:00:00"));
    ProcessInstance review = processEngine.getRuntimeService().startProcessInstanceByKey("optimization-review",
        map("periodFrom", "2038-05-01", "periodTo", "2038-05-31"));
    Review rv = optimization.findByProcessInstance(review.getId()).orElseThrow();
    MADE.put("optimization-statistics-report", archive.content(rv.statisticsReportId()));
    MADE.put("optimization-efficiency-report", archive.content(rv.efficiencyReportId()));
  }

  static Map<String, Object> sample(String id, Instant at, double cpu, double memory, double storage) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("resourceId", id);
    m.put("sampledAt", at.toString());
    m.put("cpuPct", cpu);
    m.put("memoryPct", memory);
    m.put("storagePct", storage);
    m.put("powerState", "ON");
    m.put("syncedAt", at.minus(Duration.ofMinutes(5)).toString());
    return m;
  }

  /** July 2038: a special inspection of the main machine room, everything normal. */
  synchronized void runInspection() throws Exception {
    if (MADE.containsKey("inspection-report")) {
      return;
    }
    ProcessInstance pi = inspectRoom("2038-07-06T10:00:00", "雷雨季节前机房专项检查", "2038-07-07T11:30:00", Map.of());
    MADE.put("inspection-report", archive.content(inspections.findByProcessInstance(pi.getId()).orElseThrow()
        .reportId()));
  }

  /**
   * September 2038: a special inspection that finds a UPS alarm and worn lighting. The report goes out at once with
   * the two work orders; the UPS order is done, the lighting carried over at the due date: the addendum says so.
   */
  synchronized void runInspectionAddendum() throws Exception {
    if (MADE.containsKey("inspection-addendum")) {
      return;
    }
    ProcessInstance pi = inspectRoom("2038-09-06T10:00:00", "UPS 告警后机房专项检查", "2038-09-07T11:30:00",
        Map.of("不间断电源（UPS）", "UPS 2 号机组电池告警", "照明", "3 排灯管损坏"));
    var runtime = processEngine.getRuntimeService();
    List<ProcessInstance> orders = runtime.createProcessInstanceQuery().superProcessInstanceId(pi.getId())
        .orderByProcessInstanceId().asc().list();
    MADE.put("inspection-report-with-findings", archive.content(inspections.findByProcessInstance(pi.getId())
        .orElseThrow().reportId()));
    ProcessInstance ups = orders.stream().filter(o -> String.valueOf(runtime.getVariable(o.getId(), "title"))
        .contains("UPS")).findFirst().orElseThrow();
    setClock(china("2038-09-10T15:00:00"));
    complete(ups.getId(), "Task_ClassifyWorkOrder");
    complete(ups.getId(), "Task_DispatchWorkOrder", "handlerGroup", "ops-engineer", "dispatchNote", "请更换电池");
    completeAs("engineer1", Groups.OPS_ENGINEER, ups.getId(), "Task_HandleWorkOrder", "progressNote",
        "已更换 2 号机组电池", "handlingOutcome", "RESOLVED");
    complete(ups.getId(), "Task_ConfirmResolution", "resolutionDecision", "CONFIRMED");
    complete(ups.getId(), "Task_AnswerSurvey", "satisfactionScore", 5L);
    Job due = processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId())
        .activityId("Timer_FollowUpDue").singleResult();
    setClock(due.getDuedate().toInstant().plusSeconds(1));
    processEngine.getManagementService().executeJob(due.getId());
    completeAs("manager1", Groups.OPS_MANAGER, pi.getId(), "Task_ReviewOverdueFindings", "overdueDecision",
        "CARRY_OVER", "overdueComment", "灯管备件到货延迟，列入下季度巡检");
    long addendumId = inspections.findByProcessInstance(pi.getId()).orElseThrow().addendumId();
    ARCHIVED_AT.put("inspection-addendum", archive.get(addendumId).createdAt());
    MADE.put("inspection-addendum", archive.content(addendumId));
    runtime.deleteProcessInstance(pi.getId(), "document made");
  }

  /**
   * A special inspection of the main machine room: planned, confirmed by management, access granted, the checklist
   * answered normal except the given items (item → remark), the report written by the system.
   */
  private ProcessInstance inspectRoom(String start, String reason, String checkedAt, Map<String, String> abnormal)
      throws Exception {
    setClock(china(start));
    ProcessInstance pi = processEngine.getRuntimeService().startProcessInstanceByKey("inspection",
        map("inspectionKind", "SPECIAL", "scopeRooms", "GZ-DC1", "reason", reason));
    completeAs("manager1", Groups.OPS_MANAGER, pi.getId(), "Task_PlanInspection", "dueDate",
        start.substring(0, 8) + "20", "roomInspector", "engineer1", "resourceInspector", "operator1");
    completeAs("mgmt1", Groups.MANAGEMENT, pi.getId(), "Task_ConfirmRequirements", "requirementsDecision", "CONFIRM");
    completeAs("engineer1", Groups.OPS_ENGINEER, pi.getId(), "Task_RequestRoomAccess",
        "accessAt", start.substring(0, 8) + "07T10:00+08:00", "accessNote", "赵工，专项巡检");
    completeAs("manager1", Groups.OPS_MANAGER, pi.getId(), "Task_ApproveRoomAccess", "accessDecision", "APPROVE");
    setClock(china(checkedAt));
    Task checklist = processEngine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("Task_RoomChecklist").singleResult();
    List<Map<String, Object>> lines = json.readValue(processEngine.getTaskService().getVariable(checklist.getId(),
        "checklist").toString(), new com.fasterxml.jackson.core.type.TypeReference<List<Map<String, Object>>>() {});
    for (Map<String, Object> l : lines) {
      if (!Boolean.TRUE.equals(l.get("automatic"))) {
        String remark = abnormal.get(String.valueOf(l.get("item")));
        l.put("result", remark == null ? "NORMAL" : "ABNORMAL");
        l.put("severity", remark == null ? null : "GENERAL");
        l.put("remark", remark);
      }
    }
    completeAs("engineer1", Groups.OPS_ENGINEER, pi.getId(), "Task_RoomChecklist", "checklist",
        SpinValues.jsonValue(json.writeValueAsString(lines)).create());
    // the report is the system's own step, right after the checks (the job executor's part)
    processEngine.getManagementService().executeJob(processEngine.getManagementService().createJobQuery()
        .processInstanceId(pi.getId()).activityId("ServiceTask_WriteReport").singleResult().getId());
    return pi;
  }

  /** August 2038: a tabletop drill with two stages, one over its target, and one improvement. */
  synchronized void runDrill() {
    if (MADE.containsKey("drill-report")) {
      return;
    }
    setClock(china("2038-08-02T09:00:00"));
    ContingencyPlan plan = plans.create(new PlanInput("全民健康信息平台数据级灾备预案", "DATA_DR", "WJW-HIS", "manager1", null,
        "全民健康信息平台", "主库损坏导致数据丢失", null, null, null, "1. 接报；2. 切换；3. 恢复", "按备份恢复",
        List.of(new ContingencyPlan.StageTarget("切换至灾备", 30), new ContingencyPlan.StageTarget("数据恢复", 60)),
        null, null, null), "manager1");
    ProcessInstance pi = processEngine.getRuntimeService().startProcessInstanceByKey("emergency-drill",
        map("planNo", plan.planNo()));
    Instant at = china("2038-08-05T09:00:00");
    completeAs("manager1", Groups.OPS_MANAGER, pi.getId(), "Task_PlanDrill", "purpose", "检验数据恢复流程",
        "drillAt", OffsetDateTime.ofInstant(at, ZoneOffset.ofHours(8)).toString(), "participantUsers", "engineer1",
        "scenarioType", "TABLETOP", "scenario", "主库存储损坏，从备份恢复", "steps", "切换至灾备\n数据恢复");
    completeAs("engineer1", Groups.OPS_ENGINEER, pi.getId(), "Task_ConfirmTraining", "trainingConfirmed", true);
    fire(pi, "Timer_WaitForDrillDate");
    completeAs("manager1", Groups.OPS_MANAGER, pi.getId(), "Task_RecordDrillRun", "stageRecords",
        SpinValues.jsonValue("[{\"stage\":\"切换至灾备\",\"startedAt\":\"2038-08-05T09:10+08:00\",\"endedAt\":"
            + "\"2038-08-05T09:35+08:00\"},{\"stage\":\"数据恢复\",\"startedAt\":\"2038-08-05T09:35+08:00\","
            + "\"endedAt\":\"2038-08-05T10:50+08:00\"}]").create(), "drillResult", "PARTIAL",
        "drillSummary", "切换达标，数据恢复超时");
    completeAs("engineer1", Groups.OPS_ENGINEER, pi.getId(), "Task_GiveFeedback", "observations", "切换顺利",
        "problems", "备份校验耗时长", "suggestions", "演练前增加备份校验");
    long reportId = variable(pi.getId(), "reportId");
    ARCHIVED_AT.put("drill-report", archive.get(reportId).createdAt());
    MADE.put("drill-report", archive.content(reportId));
  }

  JsonNode read(String body) {
    try {
      return json.readTree(body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  // ------------------------------------------------------------------ what every document must be

  static void save(String name, byte[] docx) throws Exception {
    Files.createDirectories(OUT);
    Files.write(OUT.resolve(name + ".docx"), docx);
  }

  /** No tag anywhere, the cover and header with the issuer, version and time, charts titled and given data. */
  void common(String name, Docx doc, String generatedAt) throws Exception {
    save(name, doc.bytes());
    assertThat(doc.leftTags()).as(name + ": template tags left").isEmpty();
    assertThat(doc.text()).as(name).contains(properties.issuer(), "北京时间", generatedAt, "第 ");
    assertThat(doc.headersAndFooters()).as(name + " header and footer").contains(properties.issuer(), "版",
        "生成时间：" + generatedAt + "（北京时间）");
    for (Docx.Chart c : doc.charts()) {
      assertThat(c.title()).as(name + " chart title").isNotBlank().doesNotContain("{{");
      assertThat(c.workbookCategories()).as(name + " " + c.title() + ": Word's 编辑数据 shows the same categories")
          .isEqualTo(c.categories());
      assertThat(c.workbookSeries()).as(name + " " + c.title() + ": and the same values").isEqualTo(c.series());
    }
    assertThat(doc.parts().get("word/document.xml")).as(name + ": a chart's alt text is its title")
        .doesNotContain("descr=\"{{");
  }

  static List<Double> doubles(Number... values) {
    List<Double> out = new ArrayList<>();
    for (Number n : values) {
      out.add(n == null ? null : n.doubleValue());
    }
    return out;
  }

  static double percent(String cell) {
    return cell.equals("—") ? 0 : Double.parseDouble(cell.replace("%", "").strip());
  }

  long count(String sql, Object... params) {
    return jdbc.sql(sql).params(params).query(Long.class).single();
  }

  static Timestamp ts(LocalDate d) {
    return Timestamp.from(d.atStartOfDay(CHINA).toInstant());
  }

}
