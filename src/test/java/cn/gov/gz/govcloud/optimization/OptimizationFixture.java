package cn.gov.gz.govcloud.optimization;

import static org.assertj.core.api.Assertions.assertThat;
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
import cn.gov.gz.govcloud.support.WebTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/** The optimisation tests' fixture: units, ledger resources, monitoring days, the review's tasks, and the clock. */
abstract class OptimizationFixture extends WebTest {

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
}
