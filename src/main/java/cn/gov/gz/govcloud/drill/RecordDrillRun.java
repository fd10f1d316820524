package cn.gov.gz.govcloud.drill;

import static cn.gov.gz.govcloud.drill.DrillVariables.*;
import static cn.gov.gz.govcloud.engine.Variables.text;

import cn.gov.gz.govcloud.drill.ContingencyPlan.StageTarget;
import cn.gov.gz.govcloud.drill.Drill.Stage;
import cn.gov.gz.govcloud.engine.JsonVariables;
import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.web.ValidationException;
import cn.gov.gz.govcloud.web.ValidationException.FieldError;
import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Run (P6 7.4.2.2.3; GB/T 34077.3 8.2.7 c 4): the organiser's stages with start and end times, each measured
 * against the plan's target of the same name; for an emergency scenario, the stages the live emergency process
 * measured are added. The plan counts as drilled.
 */
@Component("recordDrillRun")
class RecordDrillRun extends ProcessStep {
  static final Set<String> RESULTS = Set.of("SUCCESS", "PARTIAL", "FAILED");

  private final DrillService drills;
  private final PlanService plans;
  private final JsonVariables json;
  private final EmergencyDrillTimings timings;
  private final DrillProperties properties;

  RecordDrillRun(DrillService drills, PlanService plans, JsonVariables json, EmergencyDrillTimings timings,
      DrillProperties properties) {
    this.drills = drills;
    this.plans = plans;
    this.json = json;
    this.timings = timings;
    this.properties = properties;
  }

  @Override
  protected void run(DelegateExecution execution) {
    long id = drillId(execution);
    Drill d = drills.get(id);
    List<StageTarget> targets = plans.versions(d.planId()).stream().filter(v -> v.version() == d.planVersion())
        .findFirst().orElseThrow().stageTargets();
    List<Map<String, Object>> records = json.read(execution, STAGE_RECORDS, new TypeReference<>() {});
    List<FieldError> errors = new ArrayList<>();
    List<Stage> stages = new ArrayList<>();
    if (records != null) {
      for (int i = 0; i < records.size(); i++) {
        Map<String, Object> r = records.get(i);
        Object name = r.get("stage");
        Instant start = null;
        Instant end = null;
        try {
          start = time(r.get("startedAt"), "startedAt");
          end = time(r.get("endedAt"), "endedAt");
        } catch (ValidationException e) {
          e.errors().forEach(f -> errors.add(new FieldError(null, STAGE_RECORDS, f.field() + ": " + f.message())));
        }
        if (name == null || name.toString().isBlank()) {
          errors.add(new FieldError(i, STAGE_RECORDS + ".stage", "环节名称不能为空"));
        } else if (start == null || end == null) {
          errors.add(new FieldError(i, STAGE_RECORDS, "请填写开始和结束时间"));
        } else if (end.isBefore(start)) {
          errors.add(new FieldError(i, STAGE_RECORDS + ".endedAt", "结束时间不能早于开始时间"));
        } else {
          Object note = r.get("note");
          stages.add(new Stage(0, name.toString().strip(), "RECORDED", start, end,
              DrillService.target(targets, name.toString()), note == null ? null : note.toString()));
        }
      }
    }
    if (Boolean.TRUE.equals(execution.getVariable(EMERGENCY_SCENARIO))) {
      stages.addAll(timings.measure(text(execution, EMERGENCY_NO), targets));
    }
    String result = text(execution, DRILL_RESULT);
    if (result == null || !RESULTS.contains(result.toUpperCase(Locale.ROOT))) {
      errors.add(new FieldError(null, DRILL_RESULT, "取值 SUCCESS（达到预期）、PARTIAL（部分达到）、FAILED（未达到）"));
    }
    if (stages.isEmpty()) {
      errors.add(new FieldError(null, STAGE_RECORDS, "请至少记录一个演练环节及其起止时间"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    drills.held(id, stages, result.toUpperCase(Locale.ROOT), text(execution, DRILL_SUMMARY),
        text(execution, EMERGENCY_NO));
    execution.setVariable(FEEDBACK_WITHIN, properties.feedbackWithin().toString());
  }
}
