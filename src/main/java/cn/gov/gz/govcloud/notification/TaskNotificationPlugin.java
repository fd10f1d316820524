package cn.gov.gz.govcloud.notification;

import cn.gov.gz.govcloud.notification.NotificationService.Notice;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Every user task of every model tells its people: when it is created (assignee, or else its candidate users and the
 * members of its candidate groups) and when it is assigned to someone. The notice names the process and the task and
 * links to the task in Tasklist. A task due within the hour (an emergency's response) is urgent and pages its people.
 */
@Component
class TaskNotificationPlugin extends AbstractProcessEnginePlugin {

  static final String KIND = "task";

  private final NotificationService notifications;
  private final String baseUrl;
  private final Duration urgentWithin;

  public TaskNotificationPlugin(@Lazy NotificationService notifications,
      @Value("${govcloud.base-url:http://localhost:8080}") String baseUrl,
      @Value("${govcloud.notification.task-urgent-within:PT1H}") Duration urgentWithin) {
    this.notifications = notifications;
    this.urgentWithin = urgentWithin;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    TaskListener onCreate = this::created;
    TaskListener onAssign = this::assigned;
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, onCreate);
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, onAssign);
      }
    });
  }

  void created(DelegateTask task) {
    if (task.getAssignee() != null) {
      return; // the assignment event follows and notifies the assignee
    }
    List<String> users = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    for (IdentityLink link : task.getCandidates()) {
      if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
        continue;
      }
      if (link.getUserId() != null) {
        users.add(link.getUserId());
      }
      if (link.getGroupId() != null) {
        groups.add(link.getGroupId());
      }
    }
    notifications.notifyAll(users, groups, notice(task, "待认领"));
  }

  void assigned(DelegateTask task) {
    if (task.getAssignee() != null) {
      notifications.notifyUser(task.getAssignee(), notice(task, "已分配给您"));
    }
  }

  private Notice notice(DelegateTask task, String state) {
    String process = processName(task);
    String subject = "【待办】" + process + "：" + task.getName();
    String body = "您好，政务云运维流程有一项任务" + state + "。\n\n"
        + "流程：" + process + "\n"
        + "任务：" + task.getName() + "\n"
        + (task.getDueDate() != null ? "办理期限：" + task.getDueDate() + "\n" : "")
        + "业务编号：" + (task.getExecution().getProcessBusinessKey() == null ? "—"
            : task.getExecution().getProcessBusinessKey()) + "\n\n"
        + "请登录任务中心办理：" + baseUrl + "/camunda/app/tasklist/default/#/?task=" + task.getId() + "\n";
    return new Notice(KIND, task.getId(), subject, body, dueSoon(task));
  }

  /**
   * A task due within {@code govcloud.notification.task-urgent-within} (on the engine's clock) is a response deadline:
   * its notice pages its people besides the mail.
   */
  boolean dueSoon(DelegateTask task) {
    Date due = task.getDueDate();
    return due != null && due.toInstant().isBefore(ClockUtil.getCurrentTime().toInstant().plus(urgentWithin));
  }

  private static String processName(DelegateTask task) {
    var definition = ((ExecutionEntity) task.getExecution()).getProcessDefinition();
    return definition.getName() != null ? definition.getName() : definition.getKey();
  }
}
