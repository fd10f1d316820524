package cn.gov.gz.govcloud.security;

import java.util.ArrayList;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Segregation of duties: a decision that belongs to a party (the bureau's approval, a unit's confirmation, verification
 * of recovery or satisfaction score, the bureau's ruling on an objection) is taken only by a member of that party,
 * whoever else may see or reassign the task. The model names the party on the user task with the extension property
 * {@value #PROPERTY} — a group id ({@code management}) or an expression ({@code ${verifyGroup}}) — so a process owner
 * sees and keeps it in Modeler. Then:
 * <ul>
 *   <li>the task can be assigned (claimed, reassigned, delegated) only to a member of the party;</li>
 *   <li>it can be completed only by a member of the party, whoever it is assigned to (the administrator included);</li>
 *   <li>the process itself (no authenticated caller, as in a timer) is not refused.</li>
 * </ul>
 * A refusal is an {@link AuthorizationException} (HTTP 403) that names the party in Chinese.
 */
@Component
class DecisionRightsPlugin extends AbstractProcessEnginePlugin {

  public static final String PROPERTY = "decidedBy";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        String party = ModelProperties.read(element, PROPERTY);
        if (party != null && activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
          TaskListener check = new PartyCheck(party);
          userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, check);
          userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, check);
        }
      }
    });
  }

  /** The check of one task: the party is evaluated on the task, so {@code ${verifyGroup}} is that case's unit. */
  static final class PartyCheck implements TaskListener {

    private final String party;

    PartyCheck(String party) {
      this.party = party;
    }

    @Override
    public void notify(DelegateTask task) {
      CommandContext ctx = Context.getCommandContext();
      String group = String.valueOf(Context.getProcessEngineConfiguration().getExpressionManager()
          .createExpression(party).getValue(task));
      if (TaskListener.EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
        String assignee = task.getAssignee();
        if (assignee != null && !isMember(ctx, assignee, group)) {
          throw new AuthorizationException("「" + task.getName() + "」是" + partyName(ctx, group)
              + "的决定，只能由其成员认领或办理，不能交给 " + assignee);
        }
        return;
      }
      Authentication caller = ctx.getAuthentication();
      if (caller != null && caller.getUserId() != null
          && (caller.getGroupIds() == null || !caller.getGroupIds().contains(group))) {
        throw new AuthorizationException("「" + task.getName() + "」是" + partyName(ctx, group)
            + "的决定，只能由其成员办理");
      }
    }

    private static boolean isMember(CommandContext ctx, String userId, String group) {
      return ctx.runWithoutAuthorization(() -> ctx.getReadOnlyIdentityProvider().createUserQuery()
          .userId(userId).memberOfGroup(group).count() > 0);
    }

    private static String partyName(CommandContext ctx, String group) {
      Group g = ctx.runWithoutAuthorization(() -> ctx.getReadOnlyIdentityProvider().findGroupById(group));
      return g == null || g.getName() == null ? group : g.getName() + "（" + group + "）";
    }
  }
}
