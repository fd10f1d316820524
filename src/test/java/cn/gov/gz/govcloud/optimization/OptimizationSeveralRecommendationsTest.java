package cn.gov.gz.govcloud.optimization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.ProcessEngineTests.assertThat;

import cn.gov.gz.govcloud.ledger.LedgerResource;
import cn.gov.gz.govcloud.support.Clause;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * processes/optimization-review.bpmn with appendix-c-candidates (hit policy COLLECT) through the real models: a VM idle
 * on vCPU/memory and on its disk-array space gets two recommendations, each decided alone through the review, the
 * unit's confirmation and the execution; the ledger takes each change; the reports count each saving once.
 */
class OptimizationSeveralRecommendationsTest extends OptimizationFixture {

  @Autowired
  EfficiencyReport efficiency;

  /** A VM of 8 vCPU, 32 GB and 0.8 TB idle on all three in May of {@code year}: two recommendations. */
  ProcessInstance idleVmReview(String unit, String vm, int year) {
    clock(year + "-04-10T10:00:00");
    vm(vm, unit, 8, 32, "0.8");
    daily(vm, LocalDate.parse(year + "-05-01"), LocalDate.parse(year + "-05-31"), 3, 5, 10, false);
    clock(year + "-06-02T09:00:00");
    return processEngine.getRuntimeService().startProcessInstanceByKey("optimization-review",
        map("periodFrom", year + "-05-01", "periodTo", year + "-05-31"));
  }

  List<Candidate> of(long reviewId, String resourceId) {
    return service.candidates(reviewId, null, null, null, null, 100_000).stream()
        .filter(c -> c.resourceId().equals(resourceId)).toList();
  }

  static Candidate target(List<Candidate> list, String target) {
    return list.stream().filter(c -> target.equals(c.target())).findFirst().orElseThrow();
  }

  /** The next month's review: its statistics report says what became of this one. */
  String nextStatistics(String vm, int year) throws Exception {
    daily(vm, LocalDate.parse(year + "-06-01"), LocalDate.parse(year + "-06-30"), 45, 60, 50, false);
    clock(year + "-07-02T09:00:00");
    ProcessInstance next = processEngine.getRuntimeService().startProcessInstanceByKey("optimization-review",
        map("periodFrom", year + "-06-01", "periodTo", year + "-06-30"));
    Review review = service.findByProcessInstance(next.getId()).orElseThrow();
    String text = text(archive.content(review.statisticsReportId()));
    if (processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(next.getId()).count() > 0) {
      processEngine.getRuntimeService().deleteProcessInstance(next.getId(), "test done");
    }
    return text;
  }

  @Clause("P3 附录 C.1 第 1 项")
  @Clause("P3 附录 C.1 第 2–4 项")
  @Clause("P3 5.4.4.1")
  @Clause("P6 7.5.4.1")
  @Clause("P6 7.5.4.2")
  @Clause("P6 7.5.4.3")
  @Clause("P6 7.5.4.4")
  @Test
  void anIdleVmGetsTwoRecommendationsOneAcceptedAndExecutedOneRejected() throws Exception {
    String unit = newUnit();
    String vm = unit + "-TWO";
    ProcessInstance pi = idleVmReview(unit, vm, 2037);
    assertThat(pi).isWaitingAt("Task_ReviewCandidates").hasPassed("ServiceTask_ClassifyCandidates");
    long id = reviewId(pi);

    List<Candidate> two = of(id, vm);
    assertThat(two).extracting(c -> c.action() + "/" + c.target())
        .containsExactlyInAnyOrder("SCALE_DOWN/CPU_MEMORY", "SCALE_DOWN/STORAGE");
    Candidate cpuMemory = target(two, "CPU_MEMORY");
    Candidate storage = target(two, "STORAGE");
    assertThat(cpuMemory.proposedVcpu()).isEqualTo(4);
    assertThat(cpuMemory.proposedMemoryGb()).isEqualTo(16);
    assertThat(cpuMemory.proposedDiskTb()).as("the storage is another recommendation's").isEqualByComparingTo("0.8");
    assertThat(cpuMemory.estimatedSaving()).isEqualByComparingTo("560.00"); // 4 vCPU × 60 + 16 GB × 20
    assertThat(storage.proposedVcpu()).isEqualTo(8);
    assertThat(storage.proposedDiskTb()).isEqualByComparingTo("0.2"); // peak 11 % of 0.8 TB kept under 70 %
    assertThat(storage.estimatedSaving()).isEqualByComparingTo("180.00"); // 0.6 TB × 300
    assertThat(storage.ruleLabel()).contains("存储 < 1 TB");
    assertThat(service.get(id).candidates()).isGreaterThanOrEqualTo(2);

    // the review form lists both, told apart by what they adjust
    JsonNode rows = json.readTree(processEngine.getRuntimeService().getVariable(pi.getId(), "candidates").toString());
    assertThat(rows.findValues("action").stream().map(JsonNode::asText).filter(a -> a.startsWith("缩容")).toList())
        .contains("缩容（vCPU 与内存）：云主机 vCPU 利用率 < 8% 且内存 < 10%", "缩容（存储）：存储 < 1 TB 且利用率 < 20%");
    // the efficiency report lists the idle VM once, with both rows, and counts both savings once each
    String report = text(archive.content(service.get(id).efficiencyReportId()));
    assertThat(report).contains(vm + "\t优化测试单位" + unit + "\t云主机\t云主机 vCPU 利用率 < 8% 且内存 < 10%；存储 < 1 TB 且利用率 < 20%");
    assertThat(report.split(vm + "\t", -1)).as("one row of the top idle resources").hasSize(2);
    List<Candidate> all = service.candidates(id, null, null, null, null, Integer.MAX_VALUE);
    BigDecimal others = ReportFigures.saving(all.stream().filter(c -> !vm.equals(c.resourceId()))
        .filter(c -> !"SCALE_UP".equals(c.action())).toList());
    Map<String, Object> data = efficiency.efficiencyData(service.get(id), 1);
    assertThat(summary(data, "缩容与回收预计每月节约（元）"))
        .isEqualTo(others.add(new BigDecimal("740.00")).setScale(2).toPlainString());
    assertThat(rows(data, "actions").stream().filter(m -> "缩容".equals(m.get("action"))).findFirst().orElseThrow()
        .get("count")).as("the table by action counts the VM once").isEqualTo(String.valueOf(all.stream()
            .filter(c -> "SCALE_DOWN".equals(c.action())).map(Candidate::resourceId).distinct().count()));

    acceptOnly(id, List.of(cpuMemory.id()));
    assertThat(of(id, vm)).extracting(Candidate::target, Candidate::decision)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("CPU_MEMORY", "ACCEPTED"),
            org.assertj.core.groups.Tuple.tuple("STORAGE", "REJECTED"));

    Task confirm = task(pi, "Task_UnitConfirm");
    assertThat((String) processEngine.getTaskService().getVariable(confirm.getId(), "unitSummary"))
        .contains("对贵单位的 1 项资源提出 1 条优化建议", "缩容（vCPU 与内存）", "vCPU 8→4，内存 32→16 GB")
        .doesNotContain("存储 0.8→");
    complete(confirm, "unitDecision", "CONFIRM", "unitComment", "同意缩容 vCPU 与内存");
    Task execute = task(pi, "Task_ExecuteActions");
    JsonNode items = json.readTree(processEngine.getTaskService().getVariable(execute.getId(), "executionItems")
        .toString());
    assertThat(items).hasSize(1);
    assertThat(items.get(0).get("diskTb").isNull()).as("a CPU/memory recommendation does not touch storage").isTrue();
    complete(execute, "executionItems", items.toString());

    assertThat(pi).isEnded();
    LedgerResource after = inLedger(vm);
    assertThat(after.vcpu()).isEqualTo(4);
    assertThat(after.memoryGb()).isEqualTo(16);
    assertThat(after.diskTb()).as("the rejected storage scale-down is not executed").isEqualByComparingTo("0.8");
    assertThat(target(of(id, vm), "STORAGE").unitStatus()).isNull();
    assertThat(target(of(id, vm), "CPU_MEMORY").realisedSaving()).isEqualByComparingTo("560.00");
    assertThat(nextStatistics(vm, 2037)).contains("管理方接受 1 项", "已执行 1 项", "接受建议预计每月节约 560.00 元",
        "实际每月节约 560.00 元");
  }

  @Clause("P3 附录 C.1 第 1 项")
  @Clause("P3 附录 C.1 第 2–4 项")
  @Clause("P6 7.5.4.3")
  @Clause("P6 7.5.4.4")
  @Test
  void bothRecommendationsOfOneVmAcceptedAreExecutedWithoutUndoingEachOther() throws Exception {
    String unit = newUnit();
    String vm = unit + "-BOTH";
    ProcessInstance pi = idleVmReview(unit, vm, 2028);
    long id = reviewId(pi);
    List<Candidate> two = of(id, vm);
    assertThat(two).hasSize(2);
    acceptOnly(id, two.stream().map(Candidate::id).toList());

    Task confirm = task(pi, "Task_UnitConfirm");
    assertThat((String) processEngine.getTaskService().getVariable(confirm.getId(), "unitSummary"))
        .contains("对贵单位的 1 项资源提出 2 条优化建议", "缩容（vCPU 与内存）", "vCPU 8→4，内存 32→16 GB", "缩容（存储）",
            "存储 0.8→0.2 TB");
    // the unit takes its time: reminded once the engine clock passes the reminder
    Job reminder = processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId())
        .activityId("Timer_UnitReminder").singleResult();
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(reminder.getDuedate().toInstant()
        .plusSeconds(1)));
    processEngine.getManagementService().executeJob(reminder.getId());
    complete(task(pi, "Task_UnitConfirm"), "unitDecision", "CONFIRM");

    Task execute = task(pi, "Task_ExecuteActions");
    JsonNode items = json.readTree(processEngine.getTaskService().getVariable(execute.getId(), "executionItems")
        .toString());
    assertThat(items).hasSize(2);
    JsonNode storageRow = items.get(0).get("diskTb").isNull() ? items.get(1) : items.get(0);
    assertThat(storageRow.get("vcpu").isNull()).isTrue();
    assertThat(storageRow.get("action").asText()).isEqualTo("缩容（存储）");
    // the operators keep a little more storage than proposed; the other row as proposed
    ((com.fasterxml.jackson.databind.node.ObjectNode) storageRow).put("diskTb", 0.3);
    complete(execute, "executionItems", items.toString());

    assertThat(pi).isEnded();
    LedgerResource after = inLedger(vm);
    assertThat(after.vcpu()).as("the storage execution does not undo the vCPU scale-down").isEqualTo(4);
    assertThat(after.memoryGb()).isEqualTo(16);
    assertThat(after.diskTb()).isEqualByComparingTo("0.3");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_history WHERE resource_id = ? AND change LIKE ?",
        Long.class, vm, "规格调整%" + service.get(id).reviewNo() + "%")).as("one change each").isEqualTo(2);
    assertThat(target(of(id, vm), "CPU_MEMORY").realisedSaving()).isEqualByComparingTo("560.00");
    assertThat(target(of(id, vm), "STORAGE").realisedSaving()).isEqualByComparingTo("150.00"); // 0.5 TB × 300
    assertThat(nextStatistics(vm, 2028)).contains("管理方接受 2 项", "已执行 2 项", "接受建议预计每月节约 740.00 元",
        "实际每月节约 710.00 元", "缩容（存储）");
  }

  @Clause("P6 7.5.4.4")
  @Test
  void aRevocationSupersedesTheOtherRecommendationsOfItsResourceInTheSavings() {
    clock("2029-06-02T09:00:00");
    Review r = service.create(LocalDate.parse("2029-05-01"), LocalDate.parse("2029-05-31"), null, null, "test");
    String unit = newUnit();
    insert(r.id(), unit, "R1", "REVOKE", "ALL", "3000.00", "ACCEPTED");
    insert(r.id(), unit, "R1", "SCALE_DOWN", "STORAGE", "300.00", "ACCEPTED");
    insert(r.id(), unit, "R2", "SCALE_DOWN", "CPU_MEMORY", "560.00", "ACCEPTED");
    insert(r.id(), unit, "R2", "SCALE_DOWN", "STORAGE", "180.00", "ACCEPTED");
    insert(r.id(), unit, "R3", "REVOKE", "ALL", "400.00", "REJECTED");
    insert(r.id(), unit, "R3", "SCALE_DOWN", "STORAGE", "90.00", "ACCEPTED");
    assertThat(service.followUp(r.id()).estimatedSaving()).as("R1 once, R2 both, R3's accepted scale-down")
        .isEqualByComparingTo("3830.00");
    assertThat(ReportFigures.saving(service.candidates(r.id(), null, null, null, null, 100)))
        .as("proposed: R1 once, R2 both, R3 once").isEqualByComparingTo("4140.00");
  }

  private void insert(long reviewId, String unit, String resource, String action, String target, String saving,
      String decision) {
    jdbc.update("INSERT INTO optimization_candidate (review_id, resource_id, unit_code, type, action, target, "
        + "rule_label, evidence, monthly_cost, estimated_saving, decision, decided_at) "
        + "VALUES (?, ?, ?, 'PHYSICAL', ?, ?, '规则', '证据', 3300, ?, ?, ?)", reviewId, unit + "-" + resource, unit,
        action, target, new BigDecimal(saving), decision, new Timestamp(System.currentTimeMillis()));
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, String>> rows(Map<String, Object> data, String table) {
    return (List<Map<String, String>>) data.get(table);
  }

  static String summary(Map<String, Object> data, String item) {
    return rows(data, "summary").stream().filter(m -> item.equals(m.get("item"))).map(m -> m.get("value"))
        .findFirst().orElseThrow();
  }
}
