package cn.gov.gz.govcloud.drill;

import cn.gov.gz.govcloud.drill.ContingencyPlan.StageTarget;
import cn.gov.gz.govcloud.drill.Drill.Stage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;

/**
 * The stage times of an emergency scenario, measured on the live {@code emergency-response} instance the drill ran
 * (read from the engine's history, not from the emergency room's classes): response against the real SLA deadline
 * that instance computed, handling until recovery and verification against the plan's targets.
 */
@Component
class EmergencyDrillTimings {

  static final String EMERGENCY_PROCESS_KEY = "emergency-response";
  static final String RESPONSE = "响应";
  static final String RECOVERY = "处置至恢复";
  static final String VERIFY = "恢复验证";

  private final HistoryService history;

  EmergencyDrillTimings(HistoryService history) {
    this.history = history;
  }

  List<Stage> measure(String drillProcessInstanceId, List<StageTarget> targets) {
    List<Stage> stages = new ArrayList<>();
    HistoricProcessInstance called = history.createHistoricProcessInstanceQuery()
        .superProcessInstanceId(drillProcessInstanceId).processDefinitionKey(EMERGENCY_PROCESS_KEY)
        .orderByProcessInstanceStartTime().desc().list().stream().findFirst().orElse(null);
    if (called == null) {
      return stages;
    }
    List<HistoricActivityInstance> acts = history.createHistoricActivityInstanceQuery()
        .processInstanceId(called.getId()).list();
    Instant start = called.getStartTime().toInstant();
    Instant responded = ended(acts, "Task_RespondEmergency", false);
    Instant recovered = ended(acts, "SubProcess_Active", true);
    HistoricVariableInstance due = history.createHistoricVariableInstanceQuery().processInstanceId(called.getId())
        .variableName("responseDue").singleResult();
    if (responded != null) {
      Long sla = due != null && due.getValue() instanceof Date d
          ? Duration.between(start, d.toInstant()).toSeconds() : DrillService.target(targets, RESPONSE);
      stages.add(new Stage(0, RESPONSE, "EMERGENCY", start, responded, sla, "实战流程计时，目标为真实服务等级响应时限"));
    }
    if (responded != null && recovered != null) {
      stages.add(new Stage(0, RECOVERY, "EMERGENCY", responded, recovered, DrillService.target(targets, RECOVERY),
          "实战流程计时"));
    }
    HistoricActivityInstance verify = acts.stream().filter(a -> "Task_VerifyRecovery".equals(a.getActivityId())
        && a.getEndTime() != null).max(Comparator.comparing(HistoricActivityInstance::getEndTime)).orElse(null);
    if (verify != null) {
      stages.add(new Stage(0, VERIFY, "EMERGENCY", verify.getStartTime().toInstant(),
          verify.getEndTime().toInstant(), DrillService.target(targets, VERIFY), "实战流程计时"));
    }
    return stages;
  }

  private static Instant ended(List<HistoricActivityInstance> acts, String activityId, boolean last) {
    var ends = acts.stream().filter(a -> activityId.equals(a.getActivityId())).map(HistoricActivityInstance::getEndTime)
        .filter(Objects::nonNull).map(Date::toInstant);
    return (last ? ends.max(Comparator.naturalOrder()) : ends.min(Comparator.naturalOrder())).orElse(null);
  }
}
