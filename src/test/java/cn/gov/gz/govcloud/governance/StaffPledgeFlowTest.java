package cn.gov.gz.govcloud.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.ProcessEngineTests.assertThat;

import cn.gov.gz.govcloud.support.Clause;
import cn.gov.gz.govcloud.support.MockedProcessTest;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * processes/staff-pledge.bpmn on the in-memory engine, delegates mocked: the pledge is recorded in time, or the ops
 * managers are reminded at the due time and again at each interval until it is recorded.
 */
@Tag("process")
class StaffPledgeFlowTest extends MockedProcessTest {

  @Override
  protected List<String> resources() {
    return List.of("staff-pledge.bpmn", "staff-pledge-sign.form");
  }

  private ProcessInstance startPledge() {
    onDelegate("openPledge", e -> {
      e.setVariable("pledgeId", 9L);
      e.setVariable("pledgeDue", Date.from(now.plusSeconds(3 * 86400)));
      e.setVariable("pledgeReminderCycle", "R30/" + now.plusSeconds(3 * 86400) + "/P1D");
    });
    ProcessInstance pi = start("staff-pledge", "staffId", 4L, "pledgeKind", "JOIN");
    assertThat(pi).isWaitingAt("Task_SignPledge").task().hasCandidateGroup("ops-manager");
    assertThat(task(pi, "Task_SignPledge").getDueDate()).isEqualTo(Date.from(now.plusSeconds(3 * 86400)));
    return pi;
  }

  @Clause("P6 7.4.1.3")
  @Test
  void thePledgeSignedInTimeIsRecorded() {
    ProcessInstance pi = startPledge();
    complete(pi, "Task_SignPledge", "signedOn", "2026-03-10");
    assertThat(pi).isEnded().hasPassedInOrder("ServiceTask_OpenPledge", "Task_SignPledge",
        "ServiceTask_RecordPledge", "EndEvent_PledgeSigned").hasNotPassed("ServiceTask_RemindPledge");
  }

  @Clause("P6 7.4.1.3")
  @Test
  void aPledgeNotRecordedIsRemindedEveryIntervalUntilRecorded() {
    ProcessInstance pi = startPledge();
    Date first = job(pi, "Timer_PledgeReminder").getDuedate();
    assertThat(first).isEqualTo(Date.from(now.plusSeconds(3 * 86400)));
    fire(pi, "Timer_PledgeReminder");
    assertThat(job(pi, "Timer_PledgeReminder").getDuedate()).as("again a day later")
        .isEqualTo(Date.from(first.toInstant().plusSeconds(86400)));
    fire(pi, "Timer_PledgeReminder");
    assertThat(calls("remindPledge")).isEqualTo(2);
    assertThat(pi).hasPassed("EndEvent_PledgeReminded").isWaitingAt("Task_SignPledge");
    complete(pi, "Task_SignPledge", "signedOn", "2026-03-14");
    assertThat(pi).isEnded().hasPassed("EndEvent_PledgeSigned");
    assertThat(job(pi, "Timer_PledgeReminder")).as("no reminder after the record").isNull();
  }
}
