package cn.gov.gz.govcloud.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.ProcessEngineTests.assertThat;

import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.support.Clause;
import cn.gov.gz.govcloud.workorder.KnowledgeService.Draft;
import cn.gov.gz.govcloud.workorder.WorkOrder.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of processes/work-order.bpmn, with time moved by the engine clock. */
class WorkOrderProcessTest extends WorkOrderTestSupport {

  static final Caller ADMIN = new Caller("admin", List.of(Groups.ADMIN));

  @Autowired
  KnowledgeService knowledge;

  @Clause("P6 7.3.1.3")
  @Clause("P3 5.2.1.1")
  @Test
  void consultationIsAnsweredFromTheKnowledgeBaseAndClosedWhenAccepted() {
    KnowledgeArticle article = knowledge.create(new Draft("堡垒机登录失败处理办法", "安全", "堡垒机 登录 失败",
        "检查账号是否被锁定……"), ADMIN);
    knowledge.submit(article.id(), ADMIN);
    knowledge.approve(article.id(), ADMIN);

    ProcessInstance pi = start(intake("CONSULTATION", "LOW", "JTJ", null, "堡垒机登录失败怎么办"));
    assertThat(pi).isWaitingAt("Task_ClassifyWorkOrder");
    complete(pi, "Task_ClassifyWorkOrder");
    assertThat(pi).isWaitingAt("Task_AnswerConsultation");
    String suggestions = processEngine.getRuntimeService().getVariableTyped(pi.getId(), "kbSuggestions")
        .getValue().toString();
    assertThat(suggestions).contains("\"value\":\"" + article.id() + "\"").contains("堡垒机登录失败处理办法");

    complete(pi, "Task_AnswerConsultation", "knowledgeArticleId", String.valueOf(article.id()),
        "consultationAnswer", "请按知识库文章操作：检查账号是否被锁定。");
    assertThat(pi).isWaitingAt("Task_ConfirmAnswer");
    assertThat(task(pi, "Task_ConfirmAnswer")).hasCandidateGroup("unit-JTJ");
    complete(pi, "Task_ConfirmAnswer", "answerDecision", "ACCEPTED");

    assertThat(pi).isEnded().hasPassed("EndEvent_ConsultationClosed");
    WorkOrder order = order(pi);
    assertThat(order.status()).isEqualTo(Status.CLOSED);
    assertThat(order.closeReason()).isEqualTo("ANSWERED");
    assertThat(order.knowledgeArticleId()).isEqualTo(article.id());
    assertThat(knowledge.get(article.id()).usageCount()).isEqualTo(1);
    assertThat(noticesFor("jtj1", order)).extracting(n -> n.subject()).anyMatch(s -> s.contains("咨询答复"));
  }

  @Clause("P6 7.3.1.2")
  @Test
  void aRejectedAnswerBecomesAServiceRequestAndIsDispatched() {
    ProcessInstance pi = start(intake("CONSULTATION", "LOW", "WJW", null, "如何申请扩容"));
    complete(pi, "Task_ClassifyWorkOrder");
    complete(pi, "Task_AnswerConsultation", "consultationAnswer", "请在门户提交申请");
    complete(pi, "Task_ConfirmAnswer", "answerDecision", "REJECTED");
    assertThat(pi).isWaitingAt("Task_ClassifyWorkOrder");
    assertThat(order(pi).type()).isEqualTo(WorkOrderType.SERVICE_REQUEST);
    complete(pi, "Task_ClassifyWorkOrder");
    assertThat(pi).isWaitingAt("Task_DispatchWorkOrder");
  }

  @Test
  void anUnansweredConsultationClosesWhenTheConfirmationPeriodEnds() {
    ProcessInstance pi = start(intake("CONSULTATION", "LOW", "WJW", null, "门户密码找回"));
    complete(pi, "Task_ClassifyWorkOrder");
    complete(pi, "Task_AnswerConsultation", "consultationAnswer", "点击“忘记密码”");
    fire(pi, "Timer_AnswerConfirmTimeout");
    assertThat(pi).isEnded().hasPassed("EndEvent_ConsultationClosed");
  }

  @Clause("GB 5.3.3 c")
  @Clause("P6 7.3.2.1")
  @Clause("P3 5.2.2.1")
  @Clause("GB 5.3.6")
  @Test
  void aFaultDispatchedInTimeDoesNotEscalate() {
    ProcessInstance pi = start(intake("FAULT", "HIGH", "JTJ", "JTJ-TOCC", "调度平台无法访问"));
    WorkOrder order = order(pi);
    assertThat(order.serviceLevel()).isEqualTo(1);
    assertThat(order.dispatchDueAt()).isEqualTo(order.receivedAt().plus(Duration.ofMinutes(30)));
    assertThat(order.recoveryDueAt()).isEqualTo(order.receivedAt().plus(Duration.ofHours(2)));
    assertThat(timer(pi, "Timer_DispatchDeadline").getDuedate().toInstant()).isEqualTo(order.dispatchDueAt());

    moveClock(Duration.ofMinutes(10));
    classifyAndDispatch(pi);

    assertThat(pi).isWaitingAt("Task_HandleWorkOrder");
    assertThat(task(pi, "Task_HandleWorkOrder")).hasCandidateGroup("ops-engineer");
    assertThat(timers(pi, "Timer_DispatchDeadline")).isEmpty();
    order = order(pi);
    assertThat(order.dispatchedAt()).isBefore(order.dispatchDueAt());
    assertThat(order.escalationLevel()).isZero();
    String taskId = task(pi, "Task_HandleWorkOrder").getId();
    assertThat(notifications.search("engineer1", null, taskId, 10)).as("the engineers are told").isNotEmpty();
  }

  @Clause("P6 7.3.1.4")
  @Clause("GB 5.3.3 c")
  @Test
  void aMissedDispatchEscalatesLevelByLevel() {
    ProcessInstance pi = start(intake("FAULT", "HIGH", "JTJ", "JTJ-TOCC", "调度平台数据丢失"));
    WorkOrder order = order(pi);

    fire(pi, "Timer_DispatchDeadline");
    assertThat(now).isEqualTo(order.dispatchDueAt().plusSeconds(1));
    assertThat(order(pi).escalationLevel()).isEqualTo(1);
    assertThat(noticesFor("manager1", order)).extracting(n -> n.subject()).anyMatch(s -> s.contains("第 1 级"));
    assertThat(noticesFor("mgmt1", order)).isEmpty();

    fire(pi, "Timer_DispatchDeadline");
    assertThat(now).isEqualTo(order.dispatchDueAt().plus(Duration.ofMinutes(30)).plusSeconds(1));
    assertThat(order(pi).escalationLevel()).isEqualTo(2);
    assertThat(noticesFor("mgmt1", order)).extracting(n -> n.subject()).anyMatch(s -> s.contains("第 2 级"));
    assertThat(timers(pi, "Timer_DispatchDeadline")).as("every level fired once").isEmpty();

    assertThat(pi).isWaitingAt("Task_ClassifyWorkOrder");
    classifyAndDispatch(pi);
    assertThat(pi).isWaitingAt("Task_HandleWorkOrder");
  }

  @Clause("GB 5.3.2 e 2–4")
  @Test
  void aComplaintIsDispatchedByAManagerWithinFifteenMinutesAndFedBackHourly() {
    ProcessInstance pi = start(intake("COMPLAINT", "MEDIUM", "WJW", "WJW-HIS", "工程师态度差、响应慢"));
    WorkOrder order = order(pi);
    assertThat(order.dispatchDueAt()).isEqualTo(order.receivedAt().plus(Duration.ofMinutes(15)));
    complete(pi, "Task_ClassifyWorkOrder");
    assertThat(task(pi, "Task_DispatchWorkOrder")).hasCandidateGroup("ops-manager");

    fire(pi, "Timer_DispatchDeadline");
    assertThat(noticesFor("manager1", order)).extracting(n -> n.subject()).anyMatch(s -> s.contains("升级"));

    complete(pi, "Task_DispatchWorkOrder", "handlerGroup", "ops-manager");
    complete(pi, "Task_HandleWorkOrder", "progressNote", "已致电用户致歉并了解情况", "handlingOutcome", "IN_PROGRESS");
    assertThat(pi).isWaitingAt("Task_HandleWorkOrder");

    Instant firstFeedbackAt = timer(pi, "Timer_FeedbackDue").getDuedate().toInstant();
    assertThat(Duration.between(now, firstFeedbackAt)).isLessThanOrEqualTo(Duration.ofHours(1));
    fire(pi, "Timer_FeedbackDue");
    assertThat(workOrders.notes(order.id())).anyMatch(n -> n.kind().equals("FEEDBACK")
        && n.text().contains("已致电用户致歉"));
    assertThat(noticesFor("wjw1", order)).extracting(n -> n.subject()).anyMatch(s -> s.contains("处理进展反馈"));

    Instant second = timer(pi, "Timer_FeedbackDue").getDuedate().toInstant();
    // one interval after the feedback went out (fire() runs the job a second after its due date)
    assertThat(Duration.between(firstFeedbackAt, second)).isEqualTo(Duration.ofHours(1).plusSeconds(1));
    fire(pi, "Timer_FeedbackDue");
    assertThat(noticesFor("manager1", order)).extracting(n -> n.subject()).anyMatch(s -> s.contains("请更新处理进展"));
  }

  @Clause("GB 5.3.6")
  @Clause("P6 7.3.2.2")
  @Test
  void aMissedRecoveryEscalatesEveryLevelInTurn() {
    ProcessInstance pi = start(intake("FAULT", "HIGH", "JTJ", "JTJ-TOCC", "监测平台宕机"));
    classifyAndDispatch(pi);
    WorkOrder order = order(pi);
    fire(pi, "Timer_RecoveryDeadline");
    assertThat(now).isEqualTo(order.recoveryDueAt().plusSeconds(1));
    fire(pi, "Timer_RecoveryDeadline");
    assertThat(order(pi).escalationLevel()).isEqualTo(2);
    assertThat(timers(pi, "Timer_RecoveryDeadline")).isEmpty();
    assertThat(workOrders.notes(order.id()).stream().filter(n -> n.kind().equals("ESCALATION")).toList()).hasSize(2);
  }

  @Clause("GB 5.3.6")
  @Test
  void afterAPauseOnlyTheLevelsNotYetReachedFire() {
    ProcessInstance pi = start(intake("FAULT", "HIGH", "JTJ", "JTJ-TOCC", "监测平台告警风暴"));
    classifyAndDispatch(pi);
    fire(pi, "Timer_RecoveryDeadline");
    assertThat(order(pi).escalationLevel()).isEqualTo(1);

    complete(pi, "Task_HandleWorkOrder", "progressNote", "需用户确认", "handlingOutcome", "NEED_USER_INFO",
        "waitReason", "请确认告警时间");
    moveClock(Duration.ofMinutes(10));
    complete(pi, "Task_ProvideInformation", "userReply", "10:05 开始");

    fire(pi, "Timer_RecoveryDeadline");
    assertThat(order(pi).escalationLevel()).isEqualTo(2);
    assertThat(timers(pi, "Timer_RecoveryDeadline")).isEmpty();
    assertThat(workOrders.notes(order(pi).id()).stream().filter(n -> n.kind().equals("ESCALATION")).toList())
        .hasSize(2);
  }

  @Clause("GB 5.3.6")
  @Test
  void levelThreeAndFourDeadlinesCountWorkingTimeAndSoDoesThePause() {
    java.time.ZoneId china = java.time.ZoneId.of("Asia/Shanghai");
    // Friday 27 Nov 2026 17:55, a level-3 system (5×8)
    now = java.time.LocalDateTime.parse("2026-11-27T17:55:00").atZone(china).toInstant();
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(now));
    // performance degraded (P3 5.3.2.8 b: 5×8) on a level-3 system (GB 5.3.6: 5×8)
    ProcessInstance pi = start(intake("FAULT", "MEDIUM", "JTJ", "JTJ-OA", "公文系统登录缓慢"));
    WorkOrder order = order(pi);
    assertThat(order.workingHoursOnly()).isTrue();
    assertThat(order.dispatchDueAt()).as("5 min on Friday, 25 min on Monday")
        .isEqualTo(java.time.LocalDateTime.parse("2026-11-30T08:55:00").atZone(china).toInstant());
    assertThat(order.recoveryDueAt()).as("8 working hours")
        .isEqualTo(java.time.LocalDateTime.parse("2026-12-01T08:55:00").atZone(china).toInstant());

    classifyAndDispatch(pi);
    complete(pi, "Task_HandleWorkOrder", "progressNote", "需用户确认账号", "handlingOutcome", "NEED_USER_INFO",
        "waitReason", "请提供登录账号");
    // paused Friday 17:55 → Monday 09:30: only the 5 min on Friday and 1 h on Monday are working time
    moveClock(Duration.between(now, java.time.LocalDateTime.parse("2026-11-30T09:30:00").atZone(china).toInstant()));
    complete(pi, "Task_ProvideInformation", "userReply", "zhangsan");
    order = order(pi);
    assertThat(order.pausedSeconds()).isEqualTo(Duration.ofMinutes(65).toSeconds());
    assertThat(order.recoveryDueAt())
        .isEqualTo(java.time.LocalDateTime.parse("2026-12-01T10:00:00").atZone(china).toInstant());
    assertThat(timer(pi, "Timer_RecoveryDeadline").getDuedate().toInstant()).isEqualTo(order.recoveryDueAt());
  }

  @Clause("GB 5.3.6")
  @Clause("GB 5.3.3 e")
  @Test
  void waitingOnTheUserPausesTheRecoveryClockAndAPriorityChangeKeepsThePausedTime() {
    ProcessInstance pi = start(intake("FAULT", "MEDIUM", "WJW", "WJW-HIS", "挂号接口变慢"));
    classifyAndDispatch(pi);
    WorkOrder order = order(pi);
    Instant originalDue = order.recoveryDueAt();
    assertThat(originalDue).isEqualTo(order.receivedAt().plus(Duration.ofHours(4)));

    moveClock(Duration.ofMinutes(20));
    complete(pi, "Task_HandleWorkOrder", "progressNote", "需要确认变慢的时间段", "handlingOutcome", "NEED_USER_INFO",
        "waitReason", "请提供变慢的时间段和接口名称");
    assertThat(pi).isWaitingAt("Task_ProvideInformation");
    assertThat(order(pi).status()).isEqualTo(Status.WAITING_USER);
    assertThat(timers(pi, "Timer_RecoveryDeadline")).as("no recovery clock while paused").isEmpty();

    moveClock(Duration.ofHours(3));
    complete(pi, "Task_ProvideInformation", "userReply", "每天 9:00–10:00，接口 /register");
    assertThat(pi).isWaitingAt("Task_HandleWorkOrder");
    order = order(pi);
    assertThat(order.pausedSeconds()).isEqualTo(Duration.ofHours(3).toSeconds());
    assertThat(order.recoveryDueAt()).isEqualTo(originalDue.plus(Duration.ofHours(3)));
    assertThat(timer(pi, "Timer_RecoveryDeadline").getDuedate().toInstant()).isEqualTo(order.recoveryDueAt());
    assertThat(workOrders.pauses(order.id())).singleElement()
        .satisfies(p -> assertThat(p.reason()).contains("时间段"));

    complete(pi, "Task_HandleWorkOrder", "progressNote", "确认为业务中断，提高优先级", "handlingOutcome", "IN_PROGRESS",
        "priority", "HIGH");
    assertThat(pi).isWaitingAt("Task_HandleWorkOrder");
    order = order(pi);
    assertThat(order.priority()).isEqualTo(WorkOrder.Priority.HIGH);
    assertThat(order.recoveryDueAt()).as("paused time kept").isEqualTo(originalDue.plus(Duration.ofHours(3)));
    assertThat(timer(pi, "Timer_FeedbackDue").getDuedate().toInstant()).as("feedback every 30 min from now on")
        .isEqualTo(now.plus(Duration.ofMinutes(30)));
  }

  @Clause("P6 7.3.2.2")
  @Clause("GB 5.3.3 e 3")
  @Clause("P6 7.3.2.4")
  @Clause("GB 5.3.2 e 6")
  @Test
  void theUserReopensAndThenConfirmsAndAHighScoreEndsTheOrder() {
    ProcessInstance pi = start(intake("SERVICE_REQUEST", "LOW", "JTJ", "JTJ-OA", "开通 VPN 账号"));
    classifyAndDispatch(pi);
    complete(pi, "Task_HandleWorkOrder", "progressNote", "账号已开通", "handlingOutcome", "RESOLVED");
    assertThat(pi).isWaitingAt("Task_ConfirmResolution");
    assertThat(order(pi).status()).isEqualTo(Status.RESOLVED);

    complete(pi, "Task_ConfirmResolution", "resolutionDecision", "REOPEN", "reopenReason", "无法登录");
    assertThat(pi).isWaitingAt("Task_HandleWorkOrder");
    assertThat(order(pi).reopenCount()).isEqualTo(1);

    complete(pi, "Task_HandleWorkOrder", "progressNote", "已重置密码", "handlingOutcome", "RESOLVED");
    complete(pi, "Task_ConfirmResolution", "resolutionDecision", "CONFIRMED");
    assertThat(pi).isWaitingAt("Task_AnswerSurvey");
    assertThat(order(pi).status()).isEqualTo(Status.CLOSED);

    complete(pi, "Task_AnswerSurvey", "satisfactionScore", 5L, "satisfactionComment", "很及时");
    assertThat(pi).isEnded().hasPassed("EndEvent_WorkOrderClosed").hasNotPassed("Task_FollowUpLowScore");
    assertThat(order(pi).satisfactionScore()).isEqualTo(5);
  }

  @Clause("P6 7.3.2.4")
  @Clause("P6 7.3.2.5")
  @Clause("P6 7.5.1.1")
  @Clause("P3 7.2")
  @Clause("P3 7.4.1")
  @Clause("P3 5.4.1.1")
  @Clause("P3 附录 D.1 第 8、14 项")
  @Test
  void aLowScoreGoesToTheManagerForFollowUp() {
    ProcessInstance pi = start(intake("FAULT", "LOW", "WJW", "WJW-WEB", "门户图片不显示"));
    classifyAndDispatch(pi);
    complete(pi, "Task_HandleWorkOrder", "progressNote", "已修复", "handlingOutcome", "RESOLVED");
    complete(pi, "Task_ConfirmResolution", "resolutionDecision", "CONFIRMED");

    fire(pi, "Timer_SurveyReminder");
    assertThat(noticesFor("wjw1", order(pi))).extracting(n -> n.subject()).anyMatch(s -> s.contains("请评价"));
    complete(pi, "Task_AnswerSurvey", "satisfactionScore", 1L, "satisfactionComment", "修了三天");
    assertThat(order(pi).satisfactionScore()).isEqualTo(1);
    assertThat(order(pi).satisfactionComment()).as("the user's words are kept").isEqualTo("修了三天");
    assertThat(pi).isWaitingAt("Task_FollowUpLowScore");
    assertThat(task(pi, "Task_FollowUpLowScore")).hasCandidateGroup("ops-manager");
    complete(pi, "Task_FollowUpLowScore", "followUpNote", "已回访，安排复盘");
    assertThat(pi).isEnded().hasPassed("EndEvent_FollowedUp");
    assertThat(workOrders.notes(order(pi).id())).anyMatch(n -> n.kind().equals("FOLLOW_UP"));
  }

  @Test
  void unansweredConfirmationAndSurveyCloseByThemselves() {
    ProcessInstance pi = start(intake("SERVICE_REQUEST", "LOW", "JTJ", null, "申请防火墙策略"));
    classifyAndDispatch(pi);
    complete(pi, "Task_HandleWorkOrder", "progressNote", "已开通", "handlingOutcome", "RESOLVED");
    fire(pi, "Timer_ConfirmTimeout");
    assertThat(pi).isEnded().hasPassed("EndEvent_ClosedUnconfirmed");
    assertThat(order(pi).closeReason()).isEqualTo("AUTO_CONFIRMED");

    ProcessInstance other = start(intake("SERVICE_REQUEST", "LOW", "JTJ", null, "申请域名解析"));
    classifyAndDispatch(other);
    complete(other, "Task_HandleWorkOrder", "progressNote", "已解析", "handlingOutcome", "RESOLVED");
    complete(other, "Task_ConfirmResolution", "resolutionDecision", "CONFIRMED");
    fire(other, "Timer_SurveyExpired");
    assertThat(other).isEnded().hasPassed("EndEvent_SurveyUnanswered");
  }

  @Test
  void badInputIsRefusedAndNothingIsStored() {
    long before = workOrders.search(ADMIN, null, null, null, null, 500).size();
    var runtime = processEngine.getRuntimeService();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> start(intake("FAULT", "HIGH", "JTJ", "WJW-HIS", "x")))
        .hasMessageContaining("businessSystemCode");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> start(intake("BROKEN", "HIGH", "JTJ", null, "x")))
        .hasMessageContaining("type");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> start(intake("FAULT", "HIGH", "JTJ", null, "")))
        .hasMessageContaining("title");
    assertThat(workOrders.search(ADMIN, null, null, null, null, 500)).hasSize((int) before);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("work-order").variableValueEquals("title", "x")
        .count()).isZero();
  }
}
