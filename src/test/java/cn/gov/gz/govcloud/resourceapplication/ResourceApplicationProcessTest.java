package cn.gov.gz.govcloud.resourceapplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.ProcessEngineTests.assertThat;

import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.ledger.InventoryRow;
import cn.gov.gz.govcloud.ledger.LedgerResource;
import cn.gov.gz.govcloud.ledger.LedgerService;
import cn.gov.gz.govcloud.ledger.Reconciliation;
import cn.gov.gz.govcloud.notification.NotificationService;
import cn.gov.gz.govcloud.resourceapplication.ResourceApplication.Status;
import cn.gov.gz.govcloud.support.Clause;
import cn.gov.gz.govcloud.support.WebTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of processes/resource-application-review.bpmn. */
class ResourceApplicationProcessTest extends WebTest {

  static final Caller ADMIN = new Caller("admin", List.of(Groups.ADMIN));

  @Autowired
  ResourceApplicationService applications;

  @Autowired
  LedgerService ledger;

  @Autowired
  Reconciliation reconciliation;

  @Autowired
  NotificationService notifications;

  @Autowired
  cn.gov.gz.govcloud.organization.OrganizationService organization;

  /** A unit of its own with one business system, so that no other test's ledger data (idle VMs) applies. */
  String[] freshUnit() {
    String code = "U" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    organization.registerUnits(List.of(new cn.gov.gz.govcloud.organization.Unit(code, "测试单位" + code, null, null,
        null)), ADMIN, false);
    organization.registerSystems(List.of(new cn.gov.gz.govcloud.organization.BusinessSystem(code + "-SYS",
        "测试系统", code, cn.gov.gz.govcloud.organization.BusinessSystem.Importance.GENERAL, 3)), ADMIN, false);
    return new String[] {code, code + "-SYS"};
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static String vmLine(int vcpu, int memory, String os, int quantity) {
    return "{\"type\":\"VM\",\"vcpu\":" + vcpu + ",\"memoryGb\":" + memory
        + (os == null ? "" : ",\"os\":\"" + os + "\"") + ",\"quantity\":" + quantity + "}";
  }

  ProcessInstance apply(String unit, String system, String urgency, String... lines) {
    Map<String, Object> v = new HashMap<>();
    v.put("unitCode", unit);
    v.put("businessSystemCode", system);
    v.put("purpose", "扩容以支撑业务高峰");
    v.put("urgency", urgency);
    v.put("lines", "[" + String.join(",", lines) + "]");
    return processEngine.getRuntimeService().startProcessInstanceByKey("resource-application-review", v);
  }

  Task task(ProcessInstance pi, String key) {
    return processEngine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key)
        .singleResult();
  }

  void complete(ProcessInstance pi, String key, Object... kv) {
    Task t = task(pi, key);
    assertThat(t).as(key).isNotNull();
    processEngine.getTaskService().complete(t.getId(), map(kv));
  }

  ResourceApplication application(ProcessInstance pi) {
    return applications.findByProcessInstance(pi.getId()).orElseThrow();
  }

  void fire(ProcessInstance pi, String activityId) {
    Job job = processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId())
        .activityId(activityId).singleResult();
    ClockUtil.setCurrentTime(new Date(job.getDuedate().getTime() + 1000));
    processEngine.getManagementService().executeJob(job.getId());
  }

  static String id() {
    return "vm-" + UUID.randomUUID().toString().substring(0, 12);
  }

  void deliverAndConfirm(ProcessInstance pi, String... resourceIds) {
    StringBuilder deliveries = new StringBuilder("[");
    for (int i = 0; i < resourceIds.length; i++) {
      deliveries.append(i == 0 ? "" : ",").append("{\"lineNo\":1,\"resourceId\":\"").append(resourceIds[i])
          .append("\",\"ip\":\"10.1.2.").append(10 + i).append("\",\"location\":\"A01-03\"}");
    }
    complete(pi, "Task_DeliverResources", "deliveries", deliveries.append("]").toString());
    complete(pi, "Task_ConfirmReceipt", "receiptDecision", "CONFIRMED");
  }

  @Clause("P6 7.2.2.2")
  @Clause("P6 7.2.2.3")
  @Clause("P6 7.2.2.4")
  @Clause("P3 5.1.2.3")
  @Clause("P3 5.2.2.1")
  @Clause("P3 附录 D.1 第 16 项")
  @Test
  void aCleanApplicationIsReviewedApprovedDeliveredAndEntersTheLedger() {
    String[] unit = freshUnit();
    ProcessInstance pi = apply(unit[0], unit[1], "NORMAL", vmLine(8, 16, "麒麟 V10", 2));
    assertThat(pi).isWaitingAt("Task_TechnicalReview");
    assertThat(task(pi, "Task_TechnicalReview").getDueDate()).isNotNull();
    complete(pi, "Task_TechnicalReview", "reviewDecision", "APPROVE");
    assertThat(task(pi, "Task_ManagementApproval")).isNotNull();
    complete(pi, "Task_ManagementApproval", "approvalDecision", "APPROVE");
    assertThat(application(pi).status()).isEqualTo(Status.APPROVED);
    assertThat(task(pi, "Task_DeliverResources")).hasCandidateGroup("ops-operator");

    String a = id();
    String b = id();
    assertThatThrownBy(() -> complete(pi, "Task_DeliverResources", "deliveries",
        "[{\"lineNo\":1,\"resourceId\":\"" + a + "\"}]")).as("half a delivery is refused")
        .hasMessageContaining("申请 2，登记交付 1");
    assertThat(pi).isWaitingAt("Task_DeliverResources");

    deliverAndConfirm(pi, a, b);
    assertThat(pi).isEnded().hasPassed("EndEvent_Delivered");
    assertThat(application(pi).status()).isEqualTo(Status.DELIVERED);
    List<LedgerResource> entered = ledger.search(ADMIN, null, null, null, null, application(pi).id(), 10);
    assertThat(entered).extracting(LedgerResource::resourceId).containsExactlyInAnyOrder(a, b);
    assertThat(entered).allSatisfy(r -> {
      assertThat(r.unitCode()).isEqualTo(unit[0]);
      assertThat(r.businessSystemCode()).isEqualTo(unit[1]);
      assertThat(r.vcpu()).isEqualTo(8);
      assertThat(r.location()).isEqualTo("A01-03");
    });
    assertThat(processEngine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("outcome").singleResult().getValue()).isEqualTo("DELIVERED");
  }

  @Clause("P6 7.2.2.2")
  @Clause("P6 7.2.2.5")
  @Clause("P6 7.2.2.6")
  @Clause("P3 5.1.2.1")
  @Test
  void problemsGoBackToTheUnitUntilCorrected() {
    ProcessInstance pi = apply("WJW", "WJW-HIS", "NORMAL", vmLine(128, 16, null, 1),
        "{\"type\":\"PHYSICAL\",\"quantity\":1}");
    assertThat(pi).isWaitingAt("Task_CorrectApplication");
    assertThat(task(pi, "Task_CorrectApplication")).hasCandidateGroup("unit-WJW");
    String problems = (String) processEngine.getRuntimeService().getVariable(pi.getId(), "problemsText");
    assertThat(problems).contains("第 1 行").contains("64 核").contains("操作系统").contains("第 2 行")
        .contains("品牌和型号");
    assertThat(application(pi).status()).isEqualTo(Status.NEEDS_CORRECTION);

    complete(pi, "Task_CorrectApplication", "lines", "[" + vmLine(32, 64, "统信 UOS", 1)
        + ",{\"type\":\"PHYSICAL\",\"vcpu\":64,\"memoryGb\":256,\"brand\":\"华为\",\"model\":\"TaiShan 200\",\"quantity\":1}]");
    assertThat(pi).isWaitingAt("Task_TechnicalReview");
    assertThat(application(pi).lines()).hasSize(2);
    assertThat(applications.events(application(pi).id())).extracting(ApplicationEvent::kind)
        .contains("CHECK", "CORRECTED");
  }

  @Clause("P6 7.2.2.5")
  @Test
  void silenceWithdrawsTheApplicationAfterFiveWorkingDays() {
    Instant wednesday = LocalDateTime.parse("2026-09-30T10:00:00").atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    ClockUtil.setCurrentTime(Date.from(wednesday));
    ProcessInstance pi = apply("JTJ", "JTJ-OA", "NORMAL", vmLine(4, 8, null, 1));
    assertThat(pi).isWaitingAt("Task_CorrectApplication");
    Instant due = LocalDateTime.parse("2026-10-13T10:00:00").atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    assertThat(task(pi, "Task_CorrectApplication").getDueDate().toInstant())
        .as("5 working days across the National Day holiday, counting the make-up Saturday").isEqualTo(due);

    fire(pi, "Timer_CorrectionReminder");
    String no = application(pi).applicationNo();
    assertThat(notifications.search("jtj1", null, no, 20)).extracting(n -> n.subject())
        .anyMatch(s -> s.contains("提醒"));
    fire(pi, "Timer_CorrectionDeadline");
    assertThat(pi).isEnded().hasPassed("EndEvent_Withdrawn");
    assertThat(application(pi).status()).isEqualTo(Status.WITHDRAWN);
    assertThat(notifications.search("jtj1", null, no, 20)).extracting(n -> n.subject())
        .anyMatch(s -> s.contains("已撤回"));
  }

  @Clause("P6 7.2.2.3")
  @Clause("P6 7.2.2.6")
  @Test
  void aRejectionNeedsAReasonAndEndsTheApplication() {
    String[] unit = freshUnit();
    ProcessInstance pi = apply(unit[0], unit[1], "NORMAL", vmLine(4, 8, "麒麟 V10", 1));
    assertThatThrownBy(() -> complete(pi, "Task_TechnicalReview", "reviewDecision", "REJECT"))
        .hasMessageContaining("reviewComment");
    complete(pi, "Task_TechnicalReview", "reviewDecision", "APPROVE");
    complete(pi, "Task_ManagementApproval", "approvalDecision", "REJECT", "approvalComment", "本年度预算已用完");
    assertThat(pi).isEnded().hasPassed("EndEvent_Rejected");
    ResourceApplication a = application(pi);
    assertThat(a.status()).isEqualTo(Status.REJECTED);
    assertThat(a.decisionReason()).contains("预算");
  }

  @Clause("P6 7.3.3.3 b")
  @Clause("P6 7.3.3.4")
  @Clause("P3 5.2.3")
  @Clause("P6 7.2.2.3")
  @Test
  void anExpeditedApplicationHasShortDueDatesAlertsTheManagersAndCanBeSentBack() {
    Instant now = Instant.parse("2026-11-27T09:55:00Z");
    ClockUtil.setCurrentTime(Date.from(now));
    ProcessInstance pi = apply("WJW", "WJW-HIS", "EXPEDITED", vmLine(16, 32, "麒麟 V10", 1));
    if (task(pi, "Task_TechnicalReview") == null) {
      complete(pi, "Task_CorrectApplication", "lines", "[" + vmLine(16, 32, "麒麟 V10", 1) + "]",
          "idleJustification", "重要保障需要");
    }
    assertThat(task(pi, "Task_TechnicalReview").getDueDate().toInstant()).isEqualTo(now.plusSeconds(4 * 3600));
    String no = application(pi).applicationNo();
    assertThat(application(pi).urgency()).as("recorded as an important-assurance application")
        .isEqualTo(ResourceApplication.Urgency.EXPEDITED);
    assertThat(notifications.search("manager1", null, no, 20)).extracting(n -> n.subject())
        .anyMatch(s -> s.contains("加急"));

    complete(pi, "Task_TechnicalReview", "reviewDecision", "APPROVE");
    complete(pi, "Task_ManagementApproval", "approvalDecision", "SEND_BACK", "approvalComment", "请补充容量测算");
    assertThat(pi).isWaitingAt("Task_CorrectApplication");
    assertThat((String) processEngine.getRuntimeService().getVariable(pi.getId(), "problemsText"))
        .contains("容量测算");
    complete(pi, "Task_CorrectApplication", "lines", "[" + vmLine(16, 32, "麒麟 V10", 1) + "]",
        "idleJustification", "重要保障需要");
    complete(pi, "Task_TechnicalReview", "reviewDecision", "APPROVE");
    complete(pi, "Task_ManagementApproval", "approvalDecision", "APPROVE");
    assertThat(task(pi, "Task_DeliverResources").getDueDate().toInstant()).isEqualTo(now.plusSeconds(24 * 3600));
    fire(pi, "Timer_DeliveryDue");
    assertThat(notifications.search("operator1", null, no, 20)).extracting(n -> n.subject())
        .anyMatch(s -> s.contains("交付已到期"));
    complete(pi, "Task_DeliverResources", "deliveries", "[{\"lineNo\":1,\"resourceId\":\"" + id() + "\"}]");
    complete(pi, "Task_ConfirmReceipt", "receiptDecision", "PROBLEM", "receiptComment", "IP 不通");
    assertThat(pi).isWaitingAt("Task_DeliverResources");
  }

  @Clause("P6 7.2.2.2")
  @Clause("P3 5.1.2.1")
  @Clause("P3 5.1.2.2")
  @Test
  void newVmsWhileTheUnitsVmsSitIdleNeedAJustification() {
    String[] fresh = freshUnit();
    String unit = fresh[0];
    ProcessInstance first = apply(unit, fresh[1], "NORMAL", vmLine(2, 4, "麒麟 V10", 1));
    complete(first, "Task_TechnicalReview", "reviewDecision", "APPROVE");
    complete(first, "Task_ManagementApproval", "approvalDecision", "APPROVE");
    String idle = id();
    deliverAndConfirm(first, idle);
    reconciliation.importAndReconcile(List.of(new InventoryRow(idle, unit, "VM", 2, 4, null, null, null, "A01-03",
        "10.1.2.10", "RUNNING", new BigDecimal("3.5"), new BigDecimal("6.0"))), "test", ADMIN);

    ProcessInstance more = apply(unit, fresh[1], "NORMAL", vmLine(2, 4, "麒麟 V10", 1));
    assertThat(more).isWaitingAt("Task_CorrectApplication");
    assertThat((String) processEngine.getRuntimeService().getVariable(more.getId(), "problemsText"))
        .contains("利用率偏低").contains("附录 C");
    complete(more, "Task_CorrectApplication", "lines", "[" + vmLine(2, 4, "麒麟 V10", 1) + "]",
        "idleJustification", "闲置主机为灾备节点，新增用于新上线的业务模块");
    assertThat(more).isWaitingAt("Task_TechnicalReview");
  }

  @Test
  void theTasklistFormsFixedLineSlotsAndDeliveryListWorkEndToEnd() {
    String[] unit = freshUnit();
    Map<String, Object> v = new HashMap<>();
    v.put("unitCode", unit[0]);
    v.put("businessSystemCode", unit[1]);
    v.put("purpose", "表单路径");
    v.put("urgency", "NORMAL");
    v.put("line1Type", "VM");
    v.put("line1Vcpu", 4L);
    v.put("line1MemoryGb", 8L);
    v.put("line1Quantity", 2L);
    v.put("addLine2", true);
    v.put("line2Type", "STORAGE");
    v.put("line2Quantity", 1L);
    v.put("line2DiskTb", 2.5);
    v.put("line3Type", "VM");
    ProcessInstance pi = processEngine.getRuntimeService().startProcessInstanceByKey("resource-application-review", v);
    assertThat(application(pi).lines()).as("slot 3 is hidden, so not a line").hasSize(2);
    assertThat(pi).isWaitingAt("Task_CorrectApplication");
    assertThat(processEngine.getRuntimeService().getVariable(pi.getId(), "line1Os")).isNull();
    assertThat(processEngine.getRuntimeService().getVariable(pi.getId(), "line2DiskTb")).isEqualTo(2.5);
    complete(pi, "Task_CorrectApplication", "line1Os", "麒麟 V10");
    complete(pi, "Task_TechnicalReview", "reviewDecision", "APPROVE");
    complete(pi, "Task_ManagementApproval", "approvalDecision", "APPROVE");
    String a = id();
    String b = id();
    String c = id();
    assertThatThrownBy(() -> complete(pi, "Task_DeliverResources", "deliveryList", "一, " + a))
        .hasMessageContaining("行号");
    complete(pi, "Task_DeliverResources", "deliveryList",
        "1, " + a + ", 10.0.0.1, A01\n1，" + b + "，10.0.0.2，A01\n\n2、" + c);
    complete(pi, "Task_ConfirmReceipt", "receiptDecision", "CONFIRMED");
    assertThat(ledger.search(ADMIN, null, null, null, null, application(pi).id(), 10))
        .extracting(LedgerResource::resourceId).containsExactlyInAnyOrder(a, b, c);
  }

  @Test
  void malformedInputStartsNothing() {
    long before = applications.search(ADMIN, null, 500).size();
    assertThatThrownBy(() -> apply("JTJ", "WJW-HIS", "NORMAL", vmLine(1, 1, "x", 1)))
        .hasMessageContaining("businessSystemCode");
    assertThatThrownBy(() -> apply("JTJ", "JTJ-OA", "NORMAL", "{\"type\":\"SPACESHIP\",\"quantity\":1}"))
        .hasMessageContaining("lines.type");
    assertThatThrownBy(() -> apply("JTJ", "JTJ-OA", "NORMAL", "{\"type\":\"VM\",\"quantity\":\"many\"}"))
        .hasMessageContaining("lines");
    assertThat(applications.search(ADMIN, null, 500)).hasSize((int) before);
  }
}
