package cn.gov.gz.govcloud.emergency;

import static cn.gov.gz.govcloud.emergency.EmergencyStepSupport.*;
import static cn.gov.gz.govcloud.emergency.EmergencyVariables.*;

import cn.gov.gz.govcloud.engine.ProcessStep;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A missed response deadline: the next level of the chain is told and the response task is raised to it (the
 * level's group becomes a candidate); every escalation is on the record. Then the time of the next level is set for
 * the escalation timer, or the loop ends when the chain's top is reached.
 */
@Component("escalateResponse")
class EscalateResponse extends ProcessStep {
  private final EmergencyService service;
  private final EmergencyProperties properties;
  private final EscalationClock escalation;
  private final EmergencyNotices notices;
  private final Clock clock;

  EscalateResponse(EmergencyService service, EmergencyProperties properties, EscalationClock escalation,
      EmergencyNotices notices, Clock clock) {
    this.service = service;
    this.properties = properties;
    this.escalation = escalation;
    this.notices = notices;
    this.clock = clock;
  }

  /**
   * The level is read off the clock (working time for 5×8 service), not counted: a timer fired early (by hand, before
   * the deadline) escalates nothing and waits again, and a timer fired again for a level already reached adds nothing.
   */
  @Override
  protected void run(DelegateExecution execution) {
    long id = emergencyId(execution);
    Emergency e = service.get(id);
    if (e.respondedAt() != null) {
      execution.setVariable(MORE_ESCALATIONS, false);
      return;
    }
    Instant now = clock.instant();
    List<Instant> dues = escalation.levelDues(e);
    int level = (int) dues.stream().filter(due -> !due.isAfter(now)).count();
    if (level == 0) {
      service.event(id, "NOTE", "system", "响应升级计时器在响应时限前被触发，尚未超时，未升级", null, null);
    } else if (level > e.escalationLevel()) {
      raise(execution, e, level);
    }
    int reached = Math.max(level, e.escalationLevel());
    boolean more = reached < dues.size();
    execution.setVariable(MORE_ESCALATIONS, more);
    if (more) {
      execution.setVariable(NEXT_ESCALATION_AT, date(dues.get(reached)));
    }
  }

  private void raise(DelegateExecution execution, Emergency e, int level) {
    List<String> chain = properties.escalationGroups();
    execution.setVariable(RESPONSE_ESCALATIONS, level);
    var tasks = execution.getProcessEngineServices().getTaskService();
    for (Task t : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey("Task_RespondEmergency").list()) {
      for (int l = e.escalationLevel() + 1; l <= level; l++) {
        tasks.addCandidateGroup(t.getId(), chain.get(l - 1));
      }
    }
    for (int l = e.escalationLevel() + 1; l <= level; l++) {
      String group = chain.get(l - 1);
      service.escalated(e.id(), l, group);
      notices.toGroups(service.get(e.id()), List.of(group), "escalation-" + l, "响应超时升级（第 " + l + " 级）",
          "应急事件超过响应时限仍未响应，已升级至您处（第 " + l + " 级），请立即督办或接手响应。");
    }
  }
}
