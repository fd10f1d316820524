package cn.gov.gz.govcloud.assurance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.ProcessEngineTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.gov.gz.govcloud.support.Clause;
import cn.gov.gz.govcloud.support.MockedProcessTest;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every path of processes/assurance.bpmn with its delegates mocked: the need not confirmed; the plan returned and
 * approved; the period with two shifts (one recorded in time, one after a reminder); the watch closed with a record
 * missing; the summary returned and confirmed. The rota's shift ids come from a mocked {@link AssuranceShifts}.
 */
class AssuranceFlowTest extends MockedProcessTest {

  static final Instant FROM = china("2026-03-20T08:00:00");
  static final Instant MIDDLE = china("2026-03-20T20:00:00");
  static final Instant TO = china("2026-03-21T08:00:00");

  @Override
  protected List<String> resources() {
    return List.of("assurance.bpmn", "assurance-start.form", "assurance-confirm.form", "assurance-plan.form",
        "assurance-approve.form", "assurance-standby.form", "assurance-summary.form",
        "assurance-summary-confirm.form");
  }

  @BeforeEach
  void rotaAndDelegates() {
    AssuranceShifts shifts = mock(AssuranceShifts.class);
    when(shifts.ids(any())).thenReturn(List.of(1L, 2L));
    Mocks.register("assuranceShifts", shifts);
    onDelegate("openShift", e -> {
      boolean first = ((Number) e.getVariable(AssuranceVariables.SHIFT_ID)).longValue() == 1L;
      Instant start = first ? FROM : MIDDLE;
      Instant end = first ? MIDDLE : TO;
      e.setVariableLocal(AssuranceVariables.SHIFT_STARTS_AT, Date.from(start));
      e.setVariableLocal(AssuranceVariables.SHIFT_ENDS_AT, Date.from(end));
      e.setVariableLocal(AssuranceVariables.SHIFT_REMIND_AT, Date.from(end.plusSeconds(3600)));
      e.setVariableLocal(AssuranceVariables.SHIFT_WATCHERS, first ? "engineer1" : "operator1,engineer2");
    });
    onDelegate("registerAssurance", e -> {
      e.setVariable(AssuranceVariables.ASSURANCE_ID, 1L);
      e.setVariable(AssuranceVariables.PERIOD_START, Date.from(FROM));
      e.setVariable(AssuranceVariables.PERIOD_END, Date.from(TO));
    });
    onDelegate("recordAssuranceNeed", e -> e.setVariable(AssuranceVariables.NEED_CONFIRMED,
        "CONFIRMED".equals(e.getVariable(AssuranceVariables.NEED_DECISION))));
    onDelegate("recordAssurancePlanDecision", e -> e.setVariable(AssuranceVariables.PLAN_APPROVED,
        "APPROVED".equals(e.getVariable(AssuranceVariables.PLAN_DECISION))));
    onDelegate("startAssurancePeriod", e -> e.setVariable(AssuranceVariables.RECORDS_CLOSED_AT,
        Date.from(TO.plusSeconds(24 * 3600))));
    onDelegate("recordAssuranceSummaryDecision", e -> e.setVariable(AssuranceVariables.SUMMARY_CONFIRMED,
        "CONFIRMED".equals(e.getVariable(AssuranceVariables.SUMMARY_DECISION))));
  }

  ProcessInstance requested() {
    ProcessInstance pi = start("assurance", "eventName", "国庆保障", "kind", "HOLIDAY");
    assertThat(pi).isWaitingAt("Task_ConfirmNeed").task().hasCandidateGroup("management");
    return pi;
  }

  /** From the request to the first shift's task: the plan returned once, then approved, the period started. */
  ProcessInstance watching() {
    ProcessInstance pi = requested();
    complete(pi, "Task_ConfirmNeed", "needDecision", "CONFIRMED", "manner", "BOTH");
    assertThat(pi).isWaitingAt("Task_WritePlan").task().hasCandidateGroup("ops-manager");
    complete(pi, "Task_WritePlan", "planText", "方案");
    assertThat(pi).isWaitingAt("Task_ApprovePlan").task().hasCandidateGroup("management");
    complete(pi, "Task_ApprovePlan", "planDecision", "RETURNED", "approvalComment", "补充备用资源");
    assertThat(pi).isWaitingAt("Task_WritePlan");
    complete(pi, "Task_WritePlan", "planText", "方案（修订）");
    complete(pi, "Task_ApprovePlan", "planDecision", "APPROVED");
    assertThat(pi).isWaitingAt("Timer_WaitForPeriodStart");
    assertThat(job(pi, "Timer_WaitForPeriodStart").getDuedate().toInstant()).isEqualTo(FROM);
    assertThat(calls("recordAssurancePlan")).isEqualTo(2);
    fire(pi, "Timer_WaitForPeriodStart");
    assertThat(calls("startAssurancePeriod")).isEqualTo(1);
    assertThat(shiftTimers(pi)).extracting(j -> j.getDuedate().toInstant()).containsExactly(FROM, MIDDLE);
    fireAt(shiftTimers(pi).get(0));
    return pi;
  }

  List<Job> shiftTimers(ProcessInstance pi) {
    return engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).activityId("Timer_ShiftStart")
        .orderByJobDuedate().asc().list();
  }

  void fireAt(Job j) {
    if (j.getDuedate().toInstant().isAfter(now)) {
      setClock(j.getDuedate().toInstant().plusSeconds(1));
    }
    engine.getManagementService().executeJob(j.getId());
  }

  Task standby(ProcessInstance pi, String user) {
    return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("Task_RecordStandby").taskCandidateUser(user).singleResult();
  }

  @Clause("P6 7.3.3.1")
  @Test
  void managementFindsNoNeedAndTheCaseEnds() {
    ProcessInstance pi = requested();
    complete(pi, "Task_ConfirmNeed", "needDecision", "REJECTED", "needComment", "由单位自行值守");
    assertThat(pi).isEnded().hasPassed("Gateway_NeedConfirmed", "EndEvent_NeedRejected")
        .hasNotPassed("Task_WritePlan");
  }

  @Clause("P6 7.3.3.2")
  @Clause("P6 7.3.3.3 a")
  @Clause("P6 7.3.3.4")
  @Test
  void eachShiftRecordsItsWatchAMissingRecordIsRemindedAndTheSummaryIsConfirmedAfterAReturn() {
    ProcessInstance pi = watching();
    Task first = standby(pi, "engineer1");
    assertThat(first).as("the first shift's task, for its watcher").isNotNull();
    assertThat(first.getDueDate().toInstant()).isEqualTo(MIDDLE);
    assertThat(shiftTimers(pi)).hasSize(1);
    engine.getTaskService().complete(first.getId(), map("situation", "NORMAL", "standbyNote", "巡查正常"));
    assertThat(calls("recordStandby")).isEqualTo(1);

    fireAt(shiftTimers(pi).get(0));
    assertThat(standby(pi, "operator1")).as("the second shift: both watchers are candidates").isNotNull();
    assertThat(standby(pi, "engineer2")).isNotNull();
    Job reminder = job(pi, "Timer_StandbyMissing");
    assertThat(reminder.getDuedate().toInstant()).isEqualTo(TO.plusSeconds(3600));
    fire(pi, "Timer_StandbyMissing");
    assertThat(calls("remindStandby")).isEqualTo(1);
    Task late = standby(pi, "operator1");
    assertThat(late).as("the reminder leaves the task open").isNotNull();
    engine.getTaskService().complete(late.getId(), map("situation", "EVENTS", "standbyNote", "处置一起中断"));

    assertThat(pi).as("the period is already over: the end timer is due").isWaitingAt("Timer_WaitForPeriodEnd");
    fire(pi, "Timer_WaitForPeriodEnd");
    assertThat(calls("endAssurancePeriod")).isEqualTo(1);
    assertThat(pi).isWaitingAt("Task_WriteSummary").task().hasCandidateGroup("ops-manager");
    complete(pi, "Task_WriteSummary", "summary", "平稳");
    assertThat(pi).isWaitingAt("Task_ConfirmSummary").task().hasCandidateGroup("management");
    complete(pi, "Task_ConfirmSummary", "summaryDecision", "RETURNED", "confirmComment", "补充事件分析");
    assertThat(pi).isWaitingAt("Task_WriteSummary");
    complete(pi, "Task_WriteSummary", "summary", "平稳，已补充");
    complete(pi, "Task_ConfirmSummary", "summaryDecision", "CONFIRMED");
    assertThat(calls("generateAssuranceReport")).as("a returned summary is reported again").isEqualTo(2);
    assertThat(pi).isEnded().hasPassed("Gateway_JoinWatch", "Gateway_SummaryConfirmed", "EndEvent_AssuranceClosed")
        .hasNotPassed("ServiceTask_CloseWatch");
    assertThat(calls("closeWatch")).isZero();
  }

  @Clause("P6 7.3.3.4")
  @Test
  void theWatchClosesADayAfterThePeriodWithARecordMissing() {
    ProcessInstance pi = watching();
    fireAt(shiftTimers(pi).get(0));
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("Task_RecordStandby").count()).isEqualTo(2);
    Job closing = job(pi, "Timer_RecordsClosed");
    assertThat(closing.getDuedate().toInstant()).isEqualTo(TO.plusSeconds(24 * 3600));
    fire(pi, "Timer_RecordsClosed");
    assertThat(calls("closeWatch")).isEqualTo(1);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("Task_RecordStandby").count()).as("the open records are closed").isZero();
    assertThat(pi).hasPassed("ServiceTask_CloseWatch", "Gateway_JoinWatch", "ServiceTask_EndAssurancePeriod")
        .isWaitingAt("Task_WriteSummary");
    assertThat(job(pi, "Timer_WaitForPeriodEnd")).isNull();
  }
}
