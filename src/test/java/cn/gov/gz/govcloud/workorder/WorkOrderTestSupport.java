package cn.gov.gz.govcloud.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.notification.Notification;
import cn.gov.gz.govcloud.notification.NotificationService;
import cn.gov.gz.govcloud.support.WebTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/** Drives the work-order process: tasks completed with form variables, time moved with the engine clock. */
abstract class WorkOrderTestSupport extends WebTest {

  @Autowired
  WorkOrderService workOrders;

  @Autowired
  NotificationService notifications;

  Instant now;

  @BeforeEach
  void fixClock() {
    now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    ClockUtil.setCurrentTime(Date.from(now));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  void moveClock(Duration d) {
    now = now.plus(d);
    ClockUtil.setCurrentTime(Date.from(now));
  }

  static Map<String, Object> intake(String type, String priority, String unit, String system, String title) {
    Map<String, Object> v = new HashMap<>();
    v.put("type", type);
    v.put("priority", priority);
    if (unit != null) {
      v.put("unitCode", unit);
    }
    if (system != null) {
      v.put("businessSystemCode", system);
    }
    v.put("channel", "HOTLINE");
    v.put("title", title);
    v.put("description", title + "，请尽快处理");
    return v;
  }

  ProcessInstance start(Map<String, Object> variables) {
    return processEngine.getRuntimeService().startProcessInstanceByKey(WorkOrderVariables.PROCESS_KEY, variables);
  }

  WorkOrder order(ProcessInstance pi) {
    return workOrders.findByProcessInstance(pi.getId()).orElseThrow();
  }

  Task task(ProcessInstance pi, String key) {
    List<Task> tasks = processEngine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(key).list();
    assertThat(tasks).as("task " + key).hasSize(1);
    return tasks.get(0);
  }

  void complete(ProcessInstance pi, String taskKey, Object... kv) {
    processEngine.getTaskService().complete(task(pi, taskKey).getId(), map(kv));
  }

  /** Classifies as received and dispatches to the engineers. */
  void classifyAndDispatch(ProcessInstance pi) {
    complete(pi, "Task_ClassifyWorkOrder");
    complete(pi, "Task_DispatchWorkOrder", "handlerGroup", "ops-engineer", "dispatchNote", "请工程师处理");
  }

  List<Job> timers(ProcessInstance pi, String activityId) {
    return processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId())
        .activityId(activityId).list();
  }

  Job timer(ProcessInstance pi, String activityId) {
    List<Job> jobs = timers(pi, activityId);
    assertThat(jobs).as("timer " + activityId).hasSize(1);
    return jobs.get(0);
  }

  /** Moves the clock just past the timer's due date and runs it, as the job executor would. */
  void fire(ProcessInstance pi, String activityId) {
    Job job = timer(pi, activityId);
    Instant due = job.getDuedate().toInstant();
    if (!due.isBefore(now)) {
      now = due.plusSeconds(1);
      ClockUtil.setCurrentTime(Date.from(now));
    }
    processEngine.getManagementService().executeJob(job.getId());
  }

  List<Notification> noticesFor(String user, WorkOrder order) {
    return notifications.search(user, null, order.orderNo(), 50);
  }
}
