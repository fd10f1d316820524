package cn.gov.gz.govcloud.optimization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.ProcessEngineTests.assertThat;

import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.ledger.LedgerEntry;
import cn.gov.gz.govcloud.ledger.LedgerResource;
import cn.gov.gz.govcloud.ledger.LedgerService;
import cn.gov.gz.govcloud.ledger.ResourceType;
import cn.gov.gz.govcloud.organization.OrganizationService;
import cn.gov.gz.govcloud.organization.Unit;
import cn.gov.gz.govcloud.report.ReportArchive;
import cn.gov.gz.govcloud.support.Clause;
import cn.gov.gz.govcloud.support.WebTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * processes/optimization-review.bpmn from the monthly timer to an executed scale-down with the ledger updated, a unit
 * objection, rejected candidates, the follow-up in the next review, and the optimisation REST API. Time is moved with
 * the engine clock; timers are executed as the job executor would.
 */
class OptimizationProcessTest extends WebTest {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  static final Caller ADMIN = new Caller("admin", List.of(Groups.ADMIN));

  @Autowired
  OptimizationService service;

  @Autowired
  LedgerService ledger;

  @Autowired
  OrganizationService organization;

  @Autowired
  ReportArchive archive;

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  ObjectMapper json;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static void clock(String chinaLocal) {
    ClockUtil.setCurrentTime(java.util.Date.from(LocalDateTime.parse(chinaLocal).atZone(CHINA).toInstant()));
  }

  String newUnit() {
    String code = "O" + UUID.randomUUID().toString().replace("-", "").substring(0, 7).toUpperCase();
    organization.registerUnits(List.of(new Unit(code, "优化测试单位" + code, null, null, null)), ADMIN, false);
    return code;
  }

  void vm(String id, String unit, int vcpu, int memoryGb, String diskTb) {
    ledger.add(List.of(new LedgerEntry(id, unit, null, null, null, ResourceType.VM, vcpu, memoryGb,
        diskTb == null ? null : new BigDecimal(diskTb), "麒麟 V10", null, null, "A01", null)), "test");
  }

  /** One row per day of monitoring_daily, as the roll-up writes it: 288 samples a day at the given averages. */
  void daily(String resourceId, LocalDate from, LocalDate to, double cpu, double mem, double storage, boolean off) {
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      jdbc.update("INSERT INTO monitoring_daily (resource_id, sample_day, sample_count, cpu_sum, cpu_count, cpu_max, "
              + "cpu_min, memory_sum, memory_count, memory_max, memory_min, storage_sum, storage_count, storage_max, "
              + "storage_min, sync_count, power_off_count, last_sampled_at, last_power_on) "
              + "VALUES (?, ?, 288, ?, 288, ?, ?, ?, 288, ?, ?, ?, 288, ?, ?, 0, ?, ?, ?)",
          resourceId, Date.valueOf(d), cpu * 288, cpu + 1, Math.max(0, cpu - 1), mem * 288, mem + 1,
          Math.max(0, mem - 1), storage * 288, storage + 1, Math.max(0, storage - 1), off ? 288 : 0,
          Timestamp.from(d.atTime(23, 55).atZone(CHINA).toInstant()), !off);
    }
  }

  ProcessInstance reviewOf(ProcessInstance caller) {
    return processEngine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(caller.getId())
        .singleResult();
  }

  long reviewId(ProcessInstance pi) {
    return ((Number) processEngine.getRuntimeService().getVariable(pi.getId(), "reviewId")).longValue();
  }

  Candidate candidate(long reviewId, String resourceId) {
    return service.candidates(reviewId, null, null, null, null, 100_000).stream()
        .filter(c -> c.resourceId().equals(resourceId)).findFirst().orElseThrow();
  }

  Task task(ProcessInstance pi, String key) {
    List<Task> list = processEngine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(key).list();
    assertThat(list).as(key).hasSize(1);
    return list.get(0);
  }

  void complete(Task t, Object... kv) {
    processEngine.getTaskService().complete(t.getId(), map(kv));
  }

  LedgerResource inLedger(String resourceId) {
    return ledger.search(ADMIN, null, null, null, null, null, 100_000).stream()
        .filter(r -> r.resourceId().equals(resourceId)).findFirst().orElseThrow();
  }

  static String text(byte[] docx) throws Exception {
    try (var doc = new XWPFDocument(new ByteArrayInputStream(docx)); var ex = new XWPFWordExtractor(doc)) {
      return ex.getText();
    }
  }

  /** Accepts the given candidates and rejects every other one, over REST, and ends the review task. */
  void acceptOnly(long reviewId, List<Long> ids) {
    List<Map<String, Object>> decisions = ids.stream().map(id -> map("candidateId", id, "decision", "ACCEPT")).toList();
    var answer = post("mgmt1", "/api/optimization/reviews/" + reviewId + "/decisions",
        map("decisions", decisions, "all", "REJECT", "reason", "不属于本次试点单位", "complete", true));
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(answer.getBody()).contains("\"completed\":true");
  }

  @Clause("P3 5.4.2.3")
  @Clause("GB 8.2.4 b")
  @Clause("P6 7.5.2.1")
  @Clause("P6 7.5.2.2")
  @Clause("P6 7.5.2.3")
  @Clause("P6 7.5.2.4")
  @Clause("P6 7.5.3.1")
  @Clause("P6 7.5.3.2")
  @Clause("P6 7.5.3.3")
  @Clause("P6 7.5.3.4")
  @Clause("P6 7.5.4.1")
  @Clause("P6 7.5.4.2")
  @Clause("P6 7.5.4.3")
  @Clause("P6 7.5.4.4")
  @Clause("P3 5.4.2.2")
  @Clause("P3 5.4.3.1")
  @Clause("P3 5.4.3.2")
  @Clause("P3 5.4.4.1")
  @Clause("P6 7.2.2.4")
  @Clause("P6 5.1.2 b")
  @Clause("P3 附录 C.1 第 1 项")
  @Test
  void fromTheMonthlyTimerToAnExecutedScaleDownWithTheLedgerUpdated() throws Exception {
    String unit = newUnit();
    clock("2031-01-10T10:00:00");
    vm(unit + "-IDLE", unit, 8, 32, "0.5");
    vm(unit + "-BUSY", unit, 4, 16, "0.5");
    daily(unit + "-IDLE", LocalDate.parse("2031-02-01"), LocalDate.parse("2031-02-28"), 3, 5, 50, false);
    daily(unit + "-BUSY", LocalDate.parse("2031-02-01"), LocalDate.parse("2031-02-28"), 45, 60, 50, false);

    clock("2031-03-01T08:00:01");
    String scheduleId = processEngine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("optimization-review-schedule").latestVersion().singleResult().getId();
    Job timer = processEngine.getManagementService().createJobQuery().processDefinitionId(scheduleId).timers()
        .singleResult();
    assertThat(timer).as("one monthly timer start").isNotNull();
    processEngine.getManagementService().executeJob(timer.getId());
    ProcessInstance schedule = processEngine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionId(scheduleId).orderByProcessInstanceId().desc().list().get(0);
    ProcessInstance pi = reviewOf(schedule);
    assertThat(pi).isWaitingAt("Task_ReviewCandidates");
    assertThat(pi).hasPassed("ServiceTask_Statistics", "ServiceTask_Efficiency", "ServiceTask_ClassifyCandidates",
        "ServiceTask_WriteReports");
    long id = reviewId(pi);
    Review review = service.get(id);
    assertThat(review.periodFrom()).isEqualTo(LocalDate.parse("2031-02-01"));
    assertThat(review.periodTo()).isEqualTo(LocalDate.parse("2031-02-28"));
    assertThat(review.status()).isEqualTo(Review.Status.IN_REVIEW);

    Candidate idle = candidate(id, unit + "-IDLE");
    assertThat(idle.action()).isEqualTo("SCALE_DOWN");
    assertThat(idle.evidence()).contains("有监控数据 28 天", "CPU 平均 3%", "内存平均 5%");
    assertThat(idle.proposedVcpu()).isEqualTo(4);
    assertThat(idle.proposedMemoryGb()).isEqualTo(16);
    assertThat(idle.estimatedSaving()).isEqualByComparingTo("560.00"); // 4 vCPU × 60 + 16 GB × 20 per month
    assertThat(service.candidates(id, unit, null, null, null, 100)).extracting(Candidate::resourceId)
        .containsExactly(unit + "-IDLE");

    try (var doc = new XWPFDocument(new ByteArrayInputStream(archive.content(review.statisticsReportId())))) {
      assertThat(doc.getCharts()).as("utilisation distribution and by type").hasSize(2);
    }
    try (var doc = new XWPFDocument(new ByteArrayInputStream(archive.content(review.efficiencyReportId())))) {
      assertThat(doc.getCharts()).as("cost by unit and top idle resources").hasSize(2);
    }
    assertThat(text(archive.content(review.efficiencyReportId()))).contains("政务云资源使用效能分析报告",
        "同类业务系统利用率比较", unit + "-IDLE").doesNotContain("{{");
    assertThat(text(archive.content(review.statisticsReportId()))).contains("政务云资源使用统计报告", "按资源类型统计")
        .doesNotContain("{{");

    // the reporting view the dashboard reads counts every unit's cost, idle resources and utilisation as the reports do
    java.util.Map<String, OptimizationReports.Agg> agg = new java.util.HashMap<>();
    service.usage(id).forEach(u -> agg.computeIfAbsent(u.unitCode(), k -> new OptimizationReports.Agg()).add(u));
    java.util.List<String> units = jdbc.query("SELECT unit_code, COUNT(*), SUM(cost), SUM(idle), SUM(idle_cost), "
        + "SUM(used_vcpu), SUM(measured_vcpu) FROM rv_optimization_usage WHERE review_id = ? GROUP BY unit_code",
        (rs, i) -> {
          OptimizationReports.Agg a = agg.get(rs.getString(1));
          assertThat(rs.getInt(2)).isEqualTo(a.resources);
          assertThat(rs.getBigDecimal(3)).isEqualByComparingTo(a.cost);
          assertThat(rs.getInt(4)).isEqualTo(a.idle);
          assertThat(rs.getBigDecimal(5)).isEqualByComparingTo(a.idleCost);
          assertThat(rs.getDouble(6)).isCloseTo(a.usedVcpu, org.assertj.core.data.Offset.offset(1e-6));
          assertThat(rs.getLong(7)).isEqualTo(a.vcpuMeasured);
          return rs.getString(1);
        }, id);
    assertThat(units).containsExactlyInAnyOrderElementsOf(agg.keySet());
    assertThat(agg.get(unit).idle).isEqualTo(1);

    // unit users see their own unit's candidates only
    JsonNode jtj = json.readTree(get("jtj1", "/api/optimization/reviews/" + id + "/candidates").getBody());
    assertThat(jtj).allMatch(c -> "JTJ".equals(c.get("unitCode").asText()));
    assertThat(get("jtj1", "/api/optimization/reviews/" + id + "/candidates?unitCode=" + unit).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(json.readTree(get("mgmt1", "/api/optimization/reviews/" + id + "/candidates?unitCode=" + unit)
        .getBody())).hasSize(1);

    // a unit user may not decide; management decides hundreds at once over REST
    assertThat(post("jtj1", "/api/optimization/reviews/" + id + "/decisions", map("all", "ACCEPT")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    var bad = post("mgmt1", "/api/optimization/reviews/" + id + "/decisions",
        map("decisions", List.of(map("candidateId", idle.id(), "decision", "MAYBE"))));
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody()).contains("\"field\":\"decision\"");
    acceptOnly(id, List.of(idle.id()));

    assertThat(pi).isWaitingAt("Task_UnitConfirm");
    Task confirm = task(pi, "Task_UnitConfirm");
    assertThat(processEngine.getTaskService().createTaskQuery().taskId(confirm.getId())
        .taskCandidateGroup(Groups.unitGroup(unit)).count()).isEqualTo(1);
    assertThat((String) processEngine.getTaskService().getVariable(confirm.getId(), "unitSummary"))
        .contains(unit + "-IDLE", "vCPU 8→4");

    // the unit does not answer: reminded after two days
    Job reminder = processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId())
        .activityId("Timer_UnitReminder").singleResult();
    ClockUtil.setCurrentTime(java.util.Date.from(reminder.getDuedate().toInstant().plusSeconds(1)));
    processEngine.getManagementService().executeJob(reminder.getId());
    assertThat(service.events(id, ADMIN)).anyMatch(e -> "REMINDED".equals(e.get("kind")) && unit.equals(e.get("unitCode")));
    assertThat(pi).isWaitingAt("Task_UnitConfirm");

    complete(task(pi, "Task_UnitConfirm"), "unitDecision", "CONFIRM", "unitComment", "同意缩容");
    Task execute = task(pi, "Task_ExecuteActions");
    JsonNode items = json.readTree(processEngine.getTaskService().getVariable(execute.getId(), "executionItems")
        .toString());
    assertThat(items).hasSize(1);
    assertThat(items.get(0).get("vcpu").asInt()).isEqualTo(4);
    complete(execute, "executionItems", items.toString());

    assertThat(pi).isEnded();
    LedgerResource after = inLedger(unit + "-IDLE");
    assertThat(after.vcpu()).isEqualTo(4);
    assertThat(after.memoryGb()).isEqualTo(16);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_history WHERE resource_id = ? AND change LIKE ?",
        Long.class, unit + "-IDLE", "规格调整%" + review.reviewNo() + "%")).isEqualTo(1);
    Candidate done = candidate(id, unit + "-IDLE");
    assertThat(done.unitStatus()).isEqualTo("EXECUTED");
    assertThat(done.realisedSaving()).isEqualByComparingTo("560.00");
    assertThat(service.get(id).status()).isEqualTo(Review.Status.CLOSED);
    assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(schedule.getId())
        .count()).as("the schedule instance ends with its review").isZero();

    // follow-up (P6 7.5.4.4): the next review shows what was done last time and what it saves
    clock("2031-04-02T09:00:00");
    ProcessInstance next = processEngine.getRuntimeService().startProcessInstanceByKey("optimization-review",
        map("periodFrom", "2031-03-01", "periodTo", "2031-03-31"));
    long nextId = reviewId(next);
    assertThat(service.get(nextId).previousReviewId()).isEqualTo(id);
    String stats = text(archive.content(service.get(nextId).statisticsReportId()));
    assertThat(stats).contains("上期评审 " + review.reviewNo(), "已执行 1 项", "实际每月节约 560.00 元",
        unit + "-IDLE");
    assertThat((String) processEngine.getRuntimeService().getVariable(next.getId(), "reviewSummary"))
        .contains("上期评审 " + review.reviewNo());
    processEngine.getRuntimeService().deleteProcessInstance(next.getId(), "test done");
  }

  @Clause("P6 7.5.4.1")
  @Clause("P6 7.5.4.2")
  @Test
  void aUnitObjectsManagementMaintainsThenWithdraws() {
    String unit = newUnit();
    clock("2032-04-10T10:00:00");
    vm(unit + "-VM", unit, 16, 64, null);
    daily(unit + "-VM", LocalDate.parse("2032-05-01"), LocalDate.parse("2032-05-31"), 2, 4, 0, false);
    clock("2032-06-03T09:00:00");
    ProcessInstance pi = processEngine.getRuntimeService().startProcessInstanceByKey("optimization-review",
        map("periodFrom", "2032-05-01", "periodTo", "2032-05-31"));
    long id = reviewId(pi);
    Candidate c = candidate(id, unit + "-VM");
    assertThat(c.action()).isEqualTo("SCALE_DOWN");
    acceptOnly(id, List.of(c.id()));

    Task confirm = task(pi, "Task_UnitConfirm");
    assertThatThrownBy(() -> complete(confirm, "unitDecision", "OBJECT"))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("unitComment");
    complete(task(pi, "Task_UnitConfirm"), "unitDecision", "OBJECT", "unitComment", "月底有业务高峰，需保留现有规格");
    Task objection = task(pi, "Task_HandleObjection");
    assertThat(processEngine.getTaskService().createTaskQuery().taskId(objection.getId())
        .taskCandidateGroup(Groups.MANAGEMENT).count()).isEqualTo(1);
    assertThat(candidate(id, unit + "-VM").unitStatus()).isEqualTo("OBJECTED");
    complete(objection, "objectionDecision", "MAINTAIN", "managementComment", "高峰期仅 3 天，请评估弹性扩容");

    Task again = task(pi, "Task_UnitConfirm");
    assertThat(processEngine.getTaskService().getVariable(again.getId(), "managementComment"))
        .isEqualTo("高峰期仅 3 天，请评估弹性扩容");
    complete(again, "unitDecision", "OBJECT", "unitComment", "弹性扩容尚未开通，仍需保留");
    complete(task(pi, "Task_HandleObjection"), "objectionDecision", "WITHDRAW", "managementComment", "同意保留，下期复核");

    assertThat(pi).isEnded();
    assertThat(pi).hasPassed("EndEvent_Withdrawn").hasNotPassed("Task_ExecuteActions");
    assertThat(candidate(id, unit + "-VM").unitStatus()).isEqualTo("WITHDRAWN");
    assertThat(inLedger(unit + "-VM").vcpu()).as("ledger unchanged").isEqualTo(16);
    assertThat(service.events(id, new Caller("x", List.of(Groups.unitGroup(unit))))).extracting(e -> e.get("kind"))
        .containsSubsequence("OBJECTED", "MAINTAINED", "OBJECTED", "WITHDRAWN")
        .allMatch(k -> true);
    assertThat(service.events(id, new Caller("x", List.of(Groups.unitGroup(unit)))))
        .allMatch(e -> unit.equals(e.get("unitCode")), "a unit sees only its own unit's events");
  }

  @Clause("P6 7.5.4.1")
  @Clause("P3 附录 C.1 第 19 项")
  @Test
  void rejectedCandidatesEndTheReviewWithoutTouchingTheLedger() {
    String unit = newUnit();
    clock("2033-04-10T10:00:00");
    vm(unit + "-OFF", unit, 4, 8, null);
    daily(unit + "-OFF", LocalDate.parse("2033-05-01"), LocalDate.parse("2033-05-31"), 0, 0, 0, true);
    clock("2033-06-02T09:00:00");
    ProcessInstance pi = processEngine.getRuntimeService().startProcessInstanceByKey("optimization-review",
        map("periodFrom", "2033-05-01", "periodTo", "2033-05-31"));
    long id = reviewId(pi);
    Candidate off = candidate(id, unit + "-OFF");
    assertThat(off.action()).isEqualTo("REVOKE");
    assertThat(off.evidence()).contains("最长连续关机 31 天");
    assertThat(off.estimatedSaving()).isEqualByComparingTo("400.00"); // 4 × 60 + 8 × 20

    Task review = task(pi, "Task_ReviewCandidates");
    assertThatThrownBy(() -> complete(review, "bulkDecision", "PER_ROW", "candidates", "[]"))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("bulkDecision");
    assertThatThrownBy(() -> complete(review, "bulkDecision", "REJECT_ALL", "candidates", "[]"))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("reason");
    String row = "[{\"candidateId\":" + off.id() + ",\"decision\":\"REJECT\",\"decisionReason\":\"灾备机，按规定保持关机\"}]";
    complete(task(pi, "Task_ReviewCandidates"), "candidates", row, "bulkDecision", "REJECT_ALL",
        "reviewReason", "本期暂不调整");

    assertThat(pi).isEnded();
    assertThat(pi).hasPassed("ServiceTask_CloseReview").hasNotPassed("Task_UnitConfirm");
    Candidate rejected = candidate(id, unit + "-OFF");
    assertThat(rejected.decision()).isEqualTo("REJECTED");
    assertThat(rejected.decisionReason()).isEqualTo("灾备机，按规定保持关机");
    assertThat(inLedger(unit + "-OFF").state()).isNotEqualTo(LedgerResource.State.RELEASED);
    assertThat(service.get(id).status()).isEqualTo(Review.Status.CLOSED);
  }

  @Clause("P6 5.1.2 b")
  @Clause("P3 5.4.3.1")
  @Clause("P3 附录 D.1 第 17 项")
  @Test
  void priceListSettlementAndUnitIsolationOverRest() throws Exception {
    var bad = post("mgmt1", "/api/optimization/prices", map("resourceType", "VM", "specUnit", "VCPU", "price", -1,
        "per", "MONTH"));
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody()).contains("\"field\":\"price\"", "\"field\":\"validFrom\"");
    assertThat(post("jtj1", "/api/optimization/prices", map("resourceType", "VM", "specUnit", "VCPU", "price", 1,
        "per", "MONTH", "validFrom", "2040-01-01")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    var overlap = post("mgmt1", "/api/optimization/prices", map("resourceType", "VM", "specUnit", "VCPU",
        "price", 55, "per", "MONTH", "validFrom", "2019-06-01", "validTo", "2020-06-30"));
    assertThat(overlap.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(overlap.getBody()).contains("\"field\":\"validFrom\"");

    assertThat(get("mgmt1", "/api/optimization/settlement?from=2031-02-01").getBody()).contains("\"field\":\"to\"");
    assertThat(get("jtj1", "/api/optimization/settlement?from=2031-02-01&to=2031-02-28&unitCode=WJW")
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    String unit = newUnit();
    clock("2034-01-01T00:00:00");
    vm(unit + "-BILL", unit, 2, 4, "1");
    clock("2034-03-05T09:00:00");
    var bill = json.readTree(get("mgmt1", "/api/optimization/settlement?from=2034-02-01&to=2034-02-28&unitCode="
        + unit).getBody());
    // February: a full month of 2 vCPU × 60 + 4 GB × 20 + 1 TB × 300
    assertThat(bill.get("total").decimalValue()).isEqualByComparingTo("500.00");
    assertThat(json.readTree(get("jtj1", "/api/optimization/settlement?from=2034-02-01&to=2034-02-28").getBody())
        .get("groups")).allMatch(g -> "JTJ".equals(g.get("unitCode").asText()));

    var headers = basicAuth("mgmt1");
    var xlsx = rest.exchange("/api/optimization/settlement/export?from=2034-02-01&to=2034-02-28&unitCode=" + unit,
        HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
    assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
    try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
      var summary = book.getSheet("结算汇总");
      assertThat(summary.getRow(0).getCell(0).getStringCellValue()).isEqualTo("政务云资源结算单（汇总）");
      assertThat(summary.getRow(1).getCell(0).getStringCellValue())
          .contains("结算周期：2034-02-01 至 2034-02-28", "优化测试单位" + unit, "编制单位", "北京时间");
      assertThat(summary.getRow(3).getCell(7).getStringCellValue()).isEqualTo("费用（元）");
      assertThat(summary.getRow(4).getCell(0).getStringCellValue()).as("the unit's name").isEqualTo("优化测试单位" + unit);
      assertThat(summary.getRow(4).getCell(7).getNumericCellValue()).isEqualTo(500.0);
      assertThat(summary.getRow(4).getCell(7).getCellStyle().getDataFormatString()).as("元, two decimals")
          .isEqualTo("#,##0.00");
      assertThat(summary.getRow(5).getCell(0).getStringCellValue()).isEqualTo("合计");
      assertThat(summary.getRow(5).getCell(7).getCellFormula()).isEqualTo("SUM(H5:H5)");
      assertThat(summary.getRow(5).getCell(7).getNumericCellValue()).as("and its result stored").isEqualTo(500.0);
      assertThat(summary.getPrintSetup().getLandscape()).isTrue();
      assertThat(summary.getPaneInformation().isFreezePane()).isTrue();
      var detail = book.getSheet("资源明细");
      assertThat(detail.getRow(4).getCell(0).getStringCellValue()).isEqualTo(unit + "-BILL");
      assertThat(detail.getRow(4).getCell(3).getStringCellValue()).isEqualTo("云主机");
      assertThat(detail.getRow(4).getCell(7).getLocalDateTimeCellValue().toLocalDate())
          .isEqualTo(LocalDate.parse("2034-02-01"));
      assertThat(detail.getRow(4).getCell(10).getNumericCellValue()).isEqualTo(500.0);
    }
  }
}
