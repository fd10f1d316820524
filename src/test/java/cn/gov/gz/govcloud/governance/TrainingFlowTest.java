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
 * processes/training.bpmn on the in-memory engine, delegates mocked: management returns a need; a confirmed need is
 * planned, waits for the session, is recorded, collects feedback (ended by the organiser, or at its due date after a
 * reminder), is summarised and its training record filed.
 */
@Tag("process")
class TrainingFlowTest extends MockedProcessTest {

  @Override
  protected List<String> resources() {
    return List.of("training.bpmn", "training-start.form", "training-confirm.form", "training-plan.form",
        "training-session.form", "training-feedback.form", "training-summary.form");
  }

  private ProcessInstance startConfirmed() {
    onDelegate("registerTraining", e -> e.setVariable("trainingId", 5L));
    onDelegate("recordTrainingPlan", e -> e.setVariable("sessionStart", Date.from(now.plusSeconds(3 * 86400))));
    onDelegate("recordTrainingSession", e -> {
      e.setVariable("feedbackDue", Date.from(now.plusSeconds(7 * 86400)));
      e.setVariable("feedbackRemindAt", Date.from(now.plusSeconds(5 * 86400)));
    });
    ProcessInstance pi = start("training", "trainingTopic", "安全管理规范宣贯", "trainingForm", "OFFLINE",
        "trainingGoal", "理解安全管理规范", "trainingAudience", "全体运维人员");
    assertThat(pi).isWaitingAt("Task_ConfirmNeed").task().hasCandidateGroup("management");
    onDelegate("recordTrainingNeed", e -> e.setVariable("needConfirmed", true));
    complete(pi, "Task_ConfirmNeed", "needDecision", "CONFIRMED");
    assertThat(pi).isWaitingAt("Task_WritePlan").task().hasCandidateGroup("ops-manager");
    complete(pi, "Task_WritePlan", "trainingContent", "规范条款解读");
    assertThat(pi).isWaitingAt("Timer_WaitForSession");
    assertThat(job(pi, "Timer_WaitForSession").getDuedate()).isEqualTo(Date.from(now.plusSeconds(3 * 86400)));
    fire(pi, "Timer_WaitForSession");
    assertThat(pi).isWaitingAt("Task_RecordSession").task().hasCandidateGroup("ops-manager");
    complete(pi, "Task_RecordSession", "attendanceCount", 12);
    assertThat(pi).isWaitingAt("Task_CollectFeedback");
    assertThat(task(pi, "Task_CollectFeedback").getDueDate()).isEqualTo(Date.from(now.plusSeconds(7 * 86400)));
    return pi;
  }

  @Clause("P6 7.6.3.1")
  @Test
  void managementReturnsANeedAndNothingIsPlanned() {
    onDelegate("recordTrainingNeed", e -> e.setVariable("needConfirmed", false));
    ProcessInstance pi = start("training", "trainingTopic", "x");
    complete(pi, "Task_ConfirmNeed", "needDecision", "RETURNED", "needComment", "本季度已安排同类培训");
    assertThat(pi).isEnded().hasPassed("ServiceTask_RecordNeed", "EndEvent_NeedReturned")
        .hasNotPassed("Task_WritePlan");
  }

  @Clause("P6 7.6.3.1")
  @Clause("P6 7.6.3.2")
  @Clause("P6 7.6.3.3")
  @Clause("P6 7.6.3.4")
  @Clause("P6 7.6.3.5")
  @Clause("P6 7.6.3.6")
  @Test
  void theOrganiserEndsTheFeedbackAndTheSummaryFilesTheRecord() {
    ProcessInstance pi = startConfirmed();
    complete(pi, "Task_CollectFeedback", "feedbackNote", "课后交流 30 分钟");
    assertThat(pi).isWaitingAt("Task_Summarize").hasPassed("Gateway_JoinFeedback", "ServiceTask_CloseFeedback")
        .hasNotPassed("ServiceTask_RemindFeedback");
    complete(pi, "Task_Summarize", "trainingSummary", "效果良好", "trainingImprovements", "增加实操");
    assertThat(pi).isEnded().hasPassedInOrder("ServiceTask_RegisterTraining", "Task_ConfirmNeed", "Task_WritePlan",
        "Timer_WaitForSession", "Task_RecordSession", "Task_CollectFeedback", "ServiceTask_CloseFeedback",
        "Task_Summarize", "ServiceTask_GenerateRecord", "EndEvent_TrainingRecorded");
    assertThat(calls("generateTrainingRecord")).isEqualTo(1);
    assertThat(calls("closeTrainingFeedback")).isEqualTo(1);
  }

  @Clause("P6 7.6.3.4")
  @Test
  void theOrganiserIsRemindedAndTheFeedbackClosesAtItsDueDate() {
    ProcessInstance pi = startConfirmed();
    assertThat(job(pi, "Timer_FeedbackReminder").getDuedate()).isEqualTo(Date.from(now.plusSeconds(5 * 86400)));
    fire(pi, "Timer_FeedbackReminder");
    assertThat(calls("remindTrainingFeedback")).isEqualTo(1);
    assertThat(pi).hasPassed("EndEvent_FeedbackReminded").isWaitingAt("Task_CollectFeedback");
    fire(pi, "Timer_FeedbackClosed");
    assertThat(pi).isWaitingAt("Task_Summarize").hasPassed("Timer_FeedbackClosed", "ServiceTask_CloseFeedback");
    complete(pi, "Task_Summarize", "trainingSummary", "反馈较少", "trainingImprovements", "改为线上");
    assertThat(pi).isEnded().hasPassed("EndEvent_TrainingRecorded");
  }
}
