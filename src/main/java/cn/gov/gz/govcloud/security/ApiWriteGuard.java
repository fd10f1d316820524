package cn.gov.gz.govcloud.security;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskOwnerCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.core.model.CoreModelElement;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * What a caller from outside the process (engine REST, the webapps, our REST controllers; see {@link ApiCall}) may
 * write into a process, decided on the command the engine is about to run:
 * <ul>
 *   <li>process and task variables are written by the process and by forms only: the variables endpoints (set, patch,
 *       remove; task or process instance; local or not) are refused to everyone, so nobody can steer a case by its
 *       routing, unit, deadline or outcome variables;</li>
 *   <li>completing a task (complete, submit-form, resolve) may set only the fields of that task's Camunda Form
 *       (read-only fields only unchanged) and the intake variables the user task declares (extension property
 *       {@value #INTAKE_PROPERTY}, for integrations that send structured data, such as a delivery list);</li>
 *   <li>starting a process may set only the fields of its start form, the intake variables the process declares
 *       (same property) and {@code unitCode} (checked by {@link UnitIsolationPlugin}); starting at an arbitrary
 *       activity is for administrators;</li>
 *   <li>values are plain: no object variables (Java or otherwise serialized classes), no text over
 *       {@value #MAX_TEXT} characters or with control characters, no JSON over {@value #MAX_JSON} characters;</li>
 *   <li>a task's name, description, due and follow-up dates and priority are the process's: a caller may reassign
 *       a task, not edit it; its assignee may always give it back (unclaim), which Camunda otherwise ties to the
 *       reassigning right when candidates hold only TASK_WORK;</li>
 *   <li>a task that does not exist (any more) is named as such (404), whoever raced to complete it first;</li>
 *   <li>comments on a task only by those who may work on it; signals and messages only by administrators (no model
 *       uses them); engine statistics and reports, which count every unit's instances, only for staff.</li>
 * </ul>
 */
final class ApiWriteGuard extends CommandInterceptor {

  /** Process extension property listing the variables an integration may pass at the start besides the form's. */
  static final String INTAKE_PROPERTY = "intakeVariables";
  static final String INTAKE_KEY = "govcloud.intakeVariables";
  static final int MAX_TEXT = 4000;
  static final int MAX_JSON = 1_000_000;
  private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
  private static final Pattern STATISTICS = Pattern.compile(".*(Statistics|Report).*");

  private static final CommandFields COMPLETE_TASK = CommandFields.of(CompleteTaskCmd.class, "taskId");
  private static final CommandFields COMPLETE_VARIABLES = CommandFields.of(CompleteTaskCmd.class, "variables");
  private static final CommandFields SUBMIT_TASK = CommandFields.of(SubmitTaskFormCmd.class, "taskId");
  private static final CommandFields SUBMIT_VARIABLES = CommandFields.of(SubmitTaskFormCmd.class, "properties");
  private static final CommandFields CLAIM_TASK = CommandFields.of(ClaimTaskCmd.class, "taskId");
  private static final CommandFields PROPERTY_TASK = CommandFields.of(AbstractSetTaskPropertyCmd.class, "taskId");
  private static final CommandFields PROPERTY_VALUE = CommandFields.of(AbstractSetTaskPropertyCmd.class, "value");
  private static final CommandFields SAVED_TASK = CommandFields.of(SaveTaskCmd.class, "task");
  private static final CommandFields DELEGATE_TASK = CommandFields.of(DelegateTaskCmd.class, "taskId");
  private static final CommandFields ERROR_TASK = CommandFields.of(HandleTaskBpmnErrorCmd.class, "taskId");
  private static final CommandFields ESCALATION_TASK = CommandFields.of(HandleTaskEscalationCmd.class, "taskId");
  private static final CommandFields COMMENT_TASK = CommandFields.of(AddCommentCmd.class, "taskId");
  private static final CommandFields COMMENT_INSTANCE = CommandFields.of(AddCommentCmd.class, "processInstanceId");
  private static final CommandFields COMMENT_MESSAGE = CommandFields.of(AddCommentCmd.class, "message");
  private static final CommandFields START_BUILDER = CommandFields.of(StartProcessInstanceCmd.class,
      "instantiationBuilder");
  private static final CommandFields START_FORM_DEFINITION = CommandFields.of(SubmitStartFormCmd.class,
      "processDefinitionId");
  private static final CommandFields START_FORM_VARIABLES = CommandFields.of(SubmitStartFormCmd.class, "variables");

  private final FormFields forms;

  ApiWriteGuard(FormFields forms) {
    this.forms = forms;
  }

  @Override
  public <T> T execute(Command<T> command) {
    Authentication caller = ApiCall.caller();
    if (caller != null) {
      CommandContext ctx = Context.getCommandContext();
      check(command, caller, ctx);
      if (isGivingBack(command, caller, ctx)) {
        // Camunda asks TASK_ASSIGN even to unclaim one's own task; the assignee may always give a task back
        ctx.disableAuthorizationCheck();
        try {
          return next.execute(command);
        } finally {
          ctx.enableAuthorizationCheck();
        }
      }
    }
    return next.execute(command);
  }

  /** The assignee unclaims the task (sets no assignee). */
  private static boolean isGivingBack(Command<?> command, Authentication caller, CommandContext ctx) {
    if (!(command instanceof AssignTaskCmd) || PROPERTY_VALUE.read(command) != null) {
      return false;
    }
    TaskEntity task = ctx.getTaskManager().findTaskById(PROPERTY_TASK.read(command));
    return task != null && caller.getUserId().equals(task.getAssignee());
  }

  private void check(Command<?> command, Authentication caller, CommandContext ctx) {
    if (command instanceof AbstractVariableCmd || command instanceof AbstractPatchVariablesCmd) {
      throw new AuthorizationException("流程变量只能由流程本身或任务表单修改，不能通过变量接口直接写入");
    } else if (command instanceof CompleteTaskCmd) {
      TaskEntity task = existingTask(ctx, COMPLETE_TASK.read(command));
      Map<String, Object> variables = COMPLETE_VARIABLES.read(command);
      checkTaskFields(ctx, task, variables);
    } else if (command instanceof SubmitTaskFormCmd) {
      TaskEntity task = existingTask(ctx, SUBMIT_TASK.read(command));
      Map<String, Object> variables = SUBMIT_VARIABLES.read(command);
      checkTaskFields(ctx, task, variables);
    } else if (command instanceof ClaimTaskCmd) {
      existingTask(ctx, CLAIM_TASK.read(command));
    } else if (command instanceof AbstractSetTaskPropertyCmd<?>) {
      TaskEntity task = existingTask(ctx, PROPERTY_TASK.read(command));
      if (task.getExecutionId() != null && !(command instanceof AssignTaskCmd || command instanceof SetTaskOwnerCmd)) {
        throw new AuthorizationException(TASK_PROPERTIES);
      }
    } else if (command instanceof SaveTaskCmd) {
      TaskEntity edited = SAVED_TASK.read(command);
      TaskEntity stored = edited == null || edited.getId() == null ? null
          : ctx.getTaskManager().findTaskById(edited.getId());
      if (stored != null && stored != edited && stored.getExecutionId() != null && !onlyPeopleChanged(stored, edited)) {
        throw new AuthorizationException(TASK_PROPERTIES);
      }
    } else if (command instanceof DelegateTaskCmd) {
      existingTask(ctx, DELEGATE_TASK.read(command));
    } else if (command instanceof HandleTaskBpmnErrorCmd) {
      existingTask(ctx, ERROR_TASK.read(command));
    } else if (command instanceof HandleTaskEscalationCmd) {
      existingTask(ctx, ESCALATION_TASK.read(command));
    } else if (command instanceof AddCommentCmd) {
      checkComment(ctx, caller, command);
    } else if (command instanceof StartProcessInstanceCmd) {
      ProcessInstantiationBuilderImpl builder = START_BUILDER.read(command);
      ProcessDefinitionEntity definition = definition(ctx, builder.getProcessDefinitionId(),
          builder.getProcessDefinitionKey());
      checkStartFields(ctx, definition, builder.getVariables());
    } else if (command instanceof SubmitStartFormCmd) {
      ProcessDefinitionEntity definition = definition(ctx, START_FORM_DEFINITION.read(command), null);
      checkStartFields(ctx, definition, START_FORM_VARIABLES.read(command));
    } else if (command instanceof StartProcessInstanceAtActivitiesCmd) {
      adminOnly(caller, "只有系统管理员可以从指定环节启动流程");
    } else if (command instanceof SignalEventReceivedCmd || command instanceof SignalCmd
        || command instanceof AbstractCorrelateMessageCmd) {
      adminOnly(caller, "只有系统管理员可以发送信号或消息");
    } else if (isStatistics(command) && !ApiCall.seesAllUnits(caller)) {
      throw new AuthorizationException("流程统计与报表涵盖所有单位的数据，仅向服务方、管理方和监理方开放");
    }
  }

  static final String TASK_PROPERTIES = "任务的名称、说明、期限和优先级由流程确定，不能手工修改（可以转派）";

  /** A task edit that changes who works on it and nothing the process decided. */
  private static boolean onlyPeopleChanged(TaskEntity stored, TaskEntity edited) {
    return Objects.equals(stored.getName(), edited.getName())
        && Objects.equals(stored.getDescription(), edited.getDescription())
        && Objects.equals(stored.getDueDate(), edited.getDueDate())
        && Objects.equals(stored.getFollowUpDate(), edited.getFollowUpDate())
        && stored.getPriority() == edited.getPriority()
        && Objects.equals(stored.getParentTaskId(), edited.getParentTaskId())
        && Objects.equals(stored.getTenantId(), edited.getTenantId());
  }

  private static boolean isStatistics(Command<?> command) {
    Class<?> type = command.getClass();
    Class<?> outer = type.getEnclosingClass() != null ? type.getEnclosingClass() : type;
    return outer.getName().startsWith("org.camunda.bpm.engine.impl.")
        && STATISTICS.matcher(outer.getSimpleName()).matches();
  }

  private static void adminOnly(Authentication caller, String message) {
    if (!ApiCall.isAdmin(caller)) {
      throw new AuthorizationException(message);
    }
  }

  static TaskEntity existingTask(CommandContext ctx, String taskId) {
    TaskEntity task = taskId == null ? null : ctx.getTaskManager().findTaskById(taskId);
    if (task == null) {
      throw new NotFoundException("任务不存在或已完成（可能已由他人处理），请刷新任务列表");
    }
    return task;
  }

  private void checkComment(CommandContext ctx, Authentication caller, Command<?> command) {
    String taskId = COMMENT_TASK.read(command);
    String message = COMMENT_MESSAGE.read(command);
    if (message != null && message.length() > MAX_TEXT) {
      throw new BadUserRequestException("message: 评论最长 " + MAX_TEXT + " 字");
    }
    if (taskId == null) {
      if (COMMENT_INSTANCE.read(command) != null) {
        adminOnly(caller, "流程实例评论只能由系统管理员添加，请在任务上添加评论");
      }
      return;
    }
    TaskEntity task = existingTask(ctx, taskId);
    var auth = ctx.getAuthorizationManager();
    boolean mayWork = caller.getUserId().equals(task.getAssignee())
        || auth.isAuthorized(TaskPermissions.TASK_WORK, Resources.TASK, taskId)
        || auth.isAuthorized(Permissions.UPDATE, Resources.TASK, taskId);
    if (!mayWork) {
      throw new AuthorizationException("只有可以办理此任务的人员才能添加评论");
    }
  }

  private void checkTaskFields(CommandContext ctx, TaskEntity task, Map<String, Object> variables) {
    if (variables == null || variables.isEmpty()) {
      return;
    }
    FormFields.Fields fields = forms.ofTask(ctx, task);
    Set<?> intake = declared(task.getProcessDefinition() == null ? null
        : task.getProcessDefinition().findActivity(task.getTaskDefinitionKey()));
    VariableMap values = Variables.fromMap(variables);
    for (String name : values.keySet()) {
      if (!fields.names().contains(name) && !intake.contains(name)) {
        throw new BadUserRequestException(name + ": 不是任务「" + task.getName() + "」表单中的字段，不能提交");
      }
      TypedValue value = values.getValueTyped(name);
      if (fields.readOnly().contains(name) && !sameValue(value, task.getVariable(name))) {
        throw new BadUserRequestException(name + ": 只读字段，不能修改");
      }
      checkValue(name, value);
    }
  }

  private void checkStartFields(CommandContext ctx, ProcessDefinitionEntity definition, Map<String, Object> variables) {
    if (definition == null || variables == null || variables.isEmpty()) {
      return;
    }
    FormFields.Fields fields = forms.ofStart(ctx, definition);
    Set<?> intake = declared(definition);
    VariableMap values = Variables.fromMap(variables);
    for (String name : values.keySet()) {
      if (!fields.names().contains(name) && !intake.contains(name) && !UnitIsolationPlugin.UNIT_CODE.equals(name)) {
        throw new BadUserRequestException(name + ": 发起流程「" + definition.getName() + "」时不接受此字段");
      }
      checkValue(name, values.getValueTyped(name));
    }
  }

  /** The intake variables a process or user task declares, parsed by {@link EngineGuardsPlugin}. */
  private static Set<?> declared(CoreModelElement element) {
    Object declared = element == null ? null : element.getProperty(INTAKE_KEY);
    return declared instanceof Set<?> set ? set : Set.of();
  }

  private static ProcessDefinitionEntity definition(CommandContext ctx, String id, String key) {
    DeploymentCache cache = ctx.getProcessEngineConfiguration().getDeploymentCache();
    try {
      return id != null ? cache.findDeployedProcessDefinitionById(id)
          : key != null ? cache.findDeployedLatestProcessDefinitionByKey(key) : null;
    } catch (RuntimeException e) {
      return null; // the engine answers an unknown definition itself
    }
  }

  /** Plain values only: the refusals name the field. */
  static void checkValue(String name, TypedValue value) {
    if (value instanceof ObjectValue) {
      throw new BadUserRequestException(name + ": 不接受对象类型（Object）的变量，请提交文本、数字、日期或 JSON");
    }
    if (value != null && (ValueType.BYTES.equals(value.getType()) || ValueType.FILE.equals(value.getType()))) {
      throw new BadUserRequestException(name + ": 不接受二进制或文件类型的变量");
    }
    if (value instanceof SerializableValue serializable && value.getType() != null
        && !"json".equals(value.getType().getName())) {
      throw new BadUserRequestException(name + ": 只接受 JSON 格式的结构化变量");
    }
    Object raw = value instanceof SerializableValue s && s.getValueSerialized() != null ? s.getValueSerialized()
        : value == null ? null : value.getValue();
    if (raw instanceof String text) {
      boolean json = value instanceof SerializableValue;
      int max = json ? MAX_JSON : MAX_TEXT;
      if (text.length() > max) {
        throw new BadUserRequestException(name + ": 内容过长，最多 " + max + " 字");
      }
      if (CONTROL.matcher(text).find()) {
        throw new BadUserRequestException(name + ": 含有不允许的控制字符");
      }
    }
  }

  private static boolean sameValue(TypedValue submitted, Object current) {
    Object value = submitted == null ? null : submitted.getValue();
    if (value == null || current == null) {
      return value == null || current == null && String.valueOf(value).isEmpty();
    }
    return Objects.equals(value, current) || String.valueOf(value).equals(String.valueOf(current));
  }
}
