package cn.gov.gz.govcloud.drill;

import static cn.gov.gz.govcloud.drill.DrillVariables.*;
import static cn.gov.gz.govcloud.engine.Variables.text;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.engine.JsonVariables;
import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.web.ValidationException;
import cn.gov.gz.govcloud.web.ValidationException.FieldError;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Revise the plan (P6 7.4.2.2.6): the owner accepts or rejects each improvement; accepted ones produce a new plan
 * version linked to this drill, with the revised procedure or recovery measures if the owner rewrote them.
 */
@Component("applyPlanRevision")
class ApplyPlanRevision extends ProcessStep {
  private final DrillService drills;
  private final PlanService plans;
  private final JsonVariables json;
  private final DrillNotices notices;

  ApplyPlanRevision(DrillService drills, PlanService plans, JsonVariables json, DrillNotices notices) {
    this.drills = drills;
    this.plans = plans;
    this.json = json;
    this.notices = notices;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = drillId(execution);
    Drill d = drills.get(id);
    List<Map<String, Object>> decisions = json.read(execution, IMPROVEMENTS, new TypeReference<>() {});
    Map<Long, Map<String, Object>> byId = new java.util.HashMap<>();
    if (decisions != null) {
      decisions.forEach(m -> {
        if (m.get("id") != null) {
          byId.put(Long.valueOf(m.get("id").toString()), m);
        }
      });
    }
    String by = actor(execution);
    by = "system".equals(by) ? d.organiser() : by;
    List<String> accepted = new ArrayList<>();
    List<FieldError> errors = new ArrayList<>();
    for (Drill.Improvement imp : drills.improvements(id)) {
      Map<String, Object> m = byId.get(imp.id());
      String decision = m == null || m.get("decision") == null ? null
          : m.get("decision").toString().strip().toUpperCase(Locale.ROOT);
      if (!"ACCEPTED".equals(decision) && !"REJECTED".equals(decision)) {
        errors.add(new FieldError(null, IMPROVEMENTS, "请对改进项逐项选择采纳或不采纳: " + imp.text()));
        continue;
      }
      drills.decide(id, imp.id(), decision, m.get("reason") == null ? null : m.get("reason").toString(), by);
      if ("ACCEPTED".equals(decision)) {
        accepted.add(imp.text());
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    Integer newVersion = null;
    if (!accepted.isEmpty()) {
      StringBuilder reason = new StringBuilder("根据演练 " + d.drillNo() + " 采纳的改进措施修订：");
      for (int i = 0; i < accepted.size(); i++) {
        reason.append(i == 0 ? "" : "；").append(i + 1).append(". ").append(accepted.get(i));
      }
      String note = text(execution, REVISION_NOTE);
      if (note != null) {
        reason.append("。").append(note);
      }
      ContingencyPlan.Version current = plans.currentVersion(d.planId());
      String recovery = text(execution, RECOVERY_MEASURES);
      if (recovery == null) {
        recovery = (current.recoveryMeasures() == null ? "" : current.recoveryMeasures() + "\n")
            + "演练 " + d.drillNo() + " 改进：" + String.join("；", accepted);
      }
      newVersion = plans.revise(d.planNo(), new PlanInput(null, null, null, null, null, null, null, null, null,
          null, text(execution, RESPONSE_PROCEDURE), recovery, null, reason.toString(), d.drillNo(), null), by)
          .version();
      execution.setVariable(NEW_PLAN_VERSION, newVersion);
    }
    drills.closed(id, newVersion);
    notices.send(d, List.of(d.organiser()), List.of(Groups.MANAGEMENT), "closed", "演练已结束",
        newVersion == null ? "演练已结束，预案负责人未采纳修订，预案保持现行版本。"
            : "演练已结束，应急预案已根据采纳的改进措施修订为第 " + newVersion + " 版。");
  }
}
