package cn.gov.gz.govcloud.emergency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.ProcessEngineTests.assertThat;

import cn.gov.gz.govcloud.engine.CityTime;
import cn.gov.gz.govcloud.notification.NotificationService;
import cn.gov.gz.govcloud.support.Clause;
import cn.gov.gz.govcloud.support.ProcessTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The recovery clock of processes/emergency-response.bpmn (GB/T 34077.3 5.3.6): from the system's service level
 * (decision service-level-targets: level 1 two hours, level 2 four, level 3 eight working hours, level 4 twenty-four),
 * escalated when missed, kept across a reopening and taken over from the work order the case came from.
 */
class EmergencyRecoveryTest extends ProcessTest {

  @Autowired
  EmergencyService emergencies;

  @Autowired
  EmergencyView views;

  @Autowired
  NotificationService notifications;

  ProcessInstance report(String system, Instant detected, Map<String, Object> extra) {
    Map<String, Object> v = new HashMap<>();
    v.put("businessSystemCode", system);
    v.put("category", "INTERRUPTION");
    v.put("description", "业务系统无法访问");
    v.put("source", "MONITORING");
    v.put("detectedAt", Date.from(detected));
    v.putAll(extra);
    return processEngine.getRuntimeService().startProcessInstanceByKey("emergency-response", v);
  }

  Emergency emergency(ProcessInstance pi) {
    return emergencies.findByProcessInstance(pi.getId()).orElseThrow();
  }

  void complete(ProcessInstance pi, String key, Object... kv) {
    Task t = processEngine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key)
        .singleResult();
    assertThat(t).as(key).isNotNull();
    processEngine.getTaskService().complete(t.getId(), map(kv));
  }

  List<String> subjects(String user, Emergency e) {
    return notifications.search(user, null, e.emergencyNo(), 100).stream().map(n -> n.subject()).toList();
  }

  List<EmergencyEvent> events(Emergency e, String kind) {
    return emergencies.events(e.id()).stream().filter(ev -> ev.kind().equals(kind)).toList();
  }

  @Clause("GB 5.3.6")
  @Test
  void aMissedRecoveryDeadlineIsEscalatedToTheChainTheStakeholdersAndTheUnit() {
    Instant detected = now.minusSeconds(60);
    ProcessInstance pi = report("JTJ-TOCC", detected, Map.of()); // service level 1: two hours
    Emergency e = emergency(pi);
    assertThat(e.recoveryDueAt()).isEqualTo(detected.plus(Duration.ofHours(2)));
    assertThat(job(pi, "Timer_RecoveryDeadline").getDuedate().toInstant()).isEqualTo(e.recoveryDueAt());
    assertThat(views.summary(e)).contains("恢复时限").contains("前恢复业务");
    complete(pi, "Task_RespondEmergency", "firstAssessment", "核心交换机故障");

    fire(pi, "Timer_RecoveryDeadline");
    assertThat(pi).hasPassed("ServiceTask_EscalateRecovery", "EndEvent_RecoveryEscalated")
        .isWaitingAt("Task_HandleEmergency");
    assertThat(events(e, "RECOVERY_OVERDUE")).hasSize(1).first().satisfies(ev -> {
      assertThat(ev.onTime()).isFalse();
      assertThat(ev.dueAt()).isEqualTo(e.recoveryDueAt());
    });
    assertThat(subjects("manager1", e)).anyMatch(s -> s.contains("恢复超时"));
    assertThat(subjects("mgmt1", e)).anyMatch(s -> s.contains("恢复超时"));
    assertThat(subjects("jtj1", e)).as("the unit is told").anyMatch(s -> s.contains("恢复超时"));

    complete(pi, "Task_HandleEmergency", "actionType", "RECOVER", "actionNote", "切换备用链路", "handlingOutcome",
        "RECOVERED", "cause", "交换机板卡故障", "result", "业务恢复");
    assertThat(job(pi, "Timer_RecoveryDeadline")).as("no clock once recovered").isNull();
    assertThat(events(e, "RECOVERY")).singleElement().satisfies(ev -> assertThat(ev.onTime()).isFalse());
    assertThat(views.summary(emergency(pi))).contains("超时恢复");
  }

  @Clause("GB 5.3.6")
  @Test
  void recoveredInTimeNothingIsEscalatedAndAReopenedCaseKeepsItsDeadline() {
    ProcessInstance pi = report("WJW-HIS", now, Map.of()); // service level 2: four hours
    Emergency e = emergency(pi);
    assertThat(e.recoveryDueAt()).isEqualTo(now.plus(Duration.ofHours(4)));
    complete(pi, "Task_RespondEmergency", "firstAssessment", "挂号服务不可用");
    setClock(now.plus(Duration.ofHours(1)));
    complete(pi, "Task_HandleEmergency", "actionNote", "重启服务", "handlingOutcome", "RECOVERED");
    assertThat(events(e, "RECOVERY")).singleElement().satisfies(ev -> assertThat(ev.onTime()).isTrue());
    assertThat(events(e, "RECOVERY_OVERDUE")).isEmpty();

    complete(pi, "Task_VerifyRecovery", "verifyDecision", "REOPEN", "verifyComment", "仍有部分科室无法挂号");
    assertThat(emergency(pi).recoveryDueAt()).as("the same fault, the same deadline").isEqualTo(e.recoveryDueAt());
    assertThat(job(pi, "Timer_RecoveryDeadline").getDuedate().toInstant()).isEqualTo(e.recoveryDueAt());
  }

  @Clause("GB 5.3.6")
  @Test
  void aCaseHandedOverFromAWorkOrderKeepsTheWorkOrdersEarlierDeadline() {
    Instant workOrderDue = now.plus(Duration.ofMinutes(50));
    ProcessInstance pi = report("WJW-WEB", now, Map.of("workOrderRecoveryDue", Date.from(workOrderDue)));
    assertThat(emergency(pi).recoveryDueAt()).as("earlier than the 24 hours of level 4").isEqualTo(workOrderDue);
    assertThat(job(pi, "Timer_RecoveryDeadline").getDuedate().toInstant()).isEqualTo(workOrderDue);
  }

  @Clause("GB 5.3.6")
  @Test
  void fiveByEightServiceCountsTheRecoveryClockInWorkingTime() {
    // Friday 17:00 in Guangzhou, level 3 (5×8): eight working hours, the weekend not counted
    setClock(china("2026-03-06T17:00:00"));
    ProcessInstance pi = report("JTJ-OA", china("2026-03-06T17:00:00"), Map.of("category", "DEGRADATION"));
    Emergency e = emergency(pi);
    assertThat(e.serviceHours()).isEqualTo("5x8");
    // Friday 17:00–18:00 is one hour, Monday 08:30–12:00 three and a half, 14:00–17:30 the last three and a half
    assertThat(e.recoveryDueAt()).isEqualTo(china("2026-03-09T17:30:00"));
  }

  @Clause("GB 5.3.6")
  @Test
  void staffOnSiteAreMeasuredAgainstTheLevelsOnSiteTimeAndLevelOneIsResident() {
    ProcessInstance pi = report("WJW-HIS", now, Map.of()); // service level 2: on site within two hours
    Emergency e = emergency(pi);
    assertThat(views.summary(e)).contains("人员到场").contains("须在 " + CityTime.minute(now.plus(Duration.ofHours(2))));
    complete(pi, "Task_RespondEmergency", "firstAssessment", "机房存储控制器告警");
    complete(pi, "Task_HandleEmergency", "actionType", "REMOTE", "actionNote", "远程排查", "handlingOutcome",
        "IN_PROGRESS");
    assertThat(events(e, "ON_SITE")).as("remote work is not presence").isEmpty();
    setClock(now.plus(Duration.ofHours(3)));
    complete(pi, "Task_HandleEmergency", "actionType", "ON_SITE", "actionNote", "工程师到达机房", "handlingOutcome",
        "IN_PROGRESS");
    complete(pi, "Task_HandleEmergency", "actionType", "STANDBY", "actionNote", "现场值守", "handlingOutcome",
        "IN_PROGRESS");
    assertThat(events(e, "ON_SITE")).as("the first arrival counts").singleElement().satisfies(ev -> {
      assertThat(ev.onTime()).isFalse();
      assertThat(ev.dueAt()).isEqualTo(e.detectedAt().plus(Duration.ofHours(2)));
    });
    assertThat(views.summary(emergency(pi))).contains("到场（时限").contains("超时");

    ProcessInstance core = report("JTJ-TOCC", now, Map.of()); // service level 1: staff resident, no deadline
    assertThat(views.summary(emergency(core))).contains("人员常驻现场");
  }
}
