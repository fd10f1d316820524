package cn.gov.gz.govcloud.emergency;

import static cn.gov.gz.govcloud.emergency.EmergencyVariables.*;

import cn.gov.gz.govcloud.engine.JsonVariables;
import cn.gov.gz.govcloud.engine.ProcessStep;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Start the plans (P6 7.4.2.3.3; P3 5.3.2.5): the plans of the types the decision gives, covering the system or the
 * platform, are attached to the case with their steps; the timeline says which were started (or that none applies),
 * and the handle and improve forms get their choices.
 */
@Component("attachContingencyPlans")
public class AttachContingencyPlans extends ProcessStep {
  private final EmergencyService service;
  private final EmergencyPlans plans;
  private final JsonVariables json;

  AttachContingencyPlans(EmergencyService service, EmergencyPlans plans, JsonVariables json) {
    this.service = service;
    this.plans = plans;
    this.json = json;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = emergencyId(execution);
    Emergency e = service.get(id);
    List<String> types = json.read(execution, APPLICABLE_PLAN_TYPES, new TypeReference<List<String>>() {});
    List<EmergencyPlans.Plan> attached = plans.attach(id, e.businessSystemCode(),
        new LinkedHashSet<>(types == null ? List.of() : types));
    execution.setVariable(APPLICABLE_PLAN_TYPES, jsonValue(types == null ? List.of() : types));
    if (attached.isEmpty()) {
      service.event(id, "PLAN_START", "system", "预案库中没有适用于本事件（类别、等级、业务系统）的现行应急预案，按通用流程处置",
          null, null);
    } else {
      StringBuilder text = new StringBuilder("启动应急预案：");
      for (int i = 0; i < attached.size(); i++) {
        EmergencyPlans.Plan p = attached.get(i);
        text.append(i == 0 ? "" : "；").append(p.planNo()).append(" ").append(p.title()).append("（第 ")
            .append(p.version()).append(" 版）");
      }
      service.event(id, "PLAN_START", "system", text.toString(), null, null);
    }
    List<Map<String, String>> stepOptions = new ArrayList<>();
    for (EmergencyPlans.Plan p : attached) {
      for (int n = 1; n <= p.steps().size(); n++) {
        stepOptions.add(Map.of("label", p.planNo() + " 第 " + n + " 步：" + p.steps().get(n - 1),
            "value", p.planNo() + "#" + n));
      }
    }
    stepOptions.add(Map.of("label", attached.isEmpty() ? "未启动预案" : "预案未涵盖的措施", "value",
        EmergencyPlans.NO_STEP));
    execution.setVariable(PLAN_STEP_OPTIONS, jsonValue(stepOptions));
    List<Map<String, String>> planOptions = new ArrayList<>();
    for (String[] p : plans.revisable(e.businessSystemCode())) {
      boolean used = attached.stream().anyMatch(a -> a.planNo().equals(p[0]));
      planOptions.add(Map.of("label", (used ? "【本事件启动】" : "") + p[1] + "（" + p[0] + "，第 " + p[2] + " 版）",
          "value", p[0]));
    }
    execution.setVariable(PLAN_OPTIONS, jsonValue(planOptions));
  }

  private Object jsonValue(Object value) {
    return SpinValues.jsonValue(json.write(value)).create();
  }
}
