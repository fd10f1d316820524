package cn.gov.gz.govcloud.emergency;

import static cn.gov.gz.govcloud.emergency.EmergencyStepSupport.*;
import static cn.gov.gz.govcloud.emergency.EmergencyVariables.*;
import static cn.gov.gz.govcloud.engine.Variables.text;

import cn.gov.gz.govcloud.engine.ProcessStep;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A missed response deadline: the next level of the chain is told and the response task is raised to it (the
 * level's group becomes a candidate); every escalation is on the record.
 */
@Component("escalateResponse")
class EscalateResponse extends ProcessStep {
  private final EmergencyService service;
  private final EmergencyProperties properties;
  private final EmergencyNotices notices;
  private final Clock clock;

  EscalateResponse(EmergencyService service, EmergencyProperties properties, EmergencyNotices notices,
      Clock clock) {
    this.service = service;
    this.properties = properties;
    this.notices = notices;
    this.clock = clock;
  }

  /**
   * The level is read off the clock, not counted: the first level when the deadline has passed, one more per
   * escalation interval after it. A timer fired early (by hand, before the deadline) escalates nothing, and a timer
   * fired again for a level already reached adds nothing.
   */
  @Override
  protected void run(DelegateExecution execution) {
    long id = emergencyId(execution);
    Emergency e = service.get(id);
    Instant now = clock.instant();
    if (e.respondedAt() != null) {
      return;
    }
    if (now.isBefore(e.responseDueAt())) {
      service.event(id, "NOTE", "system", "响应升级计时器在响应时限前被触发，尚未超时，未升级", null, null);
      return;
    }
    List<String> chain = properties.escalationGroups();
    long intervals = Duration.between(e.responseDueAt(), now).toMillis() / properties.escalationInterval().toMillis();
    int level = (int) Math.min(chain.size(), 1 + intervals);
    if (level <= e.escalationLevel()) {
      return;
    }
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
      service.escalated(id, l, group);
      notices.toGroups(service.get(id), List.of(group), "escalation-" + l, "响应超时升级（第 " + l + " 级）",
          "应急事件超过响应时限仍未响应，已升级至您处（第 " + l + " 级），请立即督办或接手响应。");
    }
  }
}
