package cn.gov.gz.govcloud.drill;

import static cn.gov.gz.govcloud.drill.DrillVariables.*;
import static cn.gov.gz.govcloud.engine.Variables.text;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.drill.ContingencyPlan.StageTarget;
import cn.gov.gz.govcloud.drill.Drill.Stage;
import cn.gov.gz.govcloud.engine.JsonVariables;
import cn.gov.gz.govcloud.engine.Privileged;
import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.organization.OrganizationService;
import cn.gov.gz.govcloud.sla.WorkingCalendar;
import cn.gov.gz.govcloud.web.ValidationException;
import cn.gov.gz.govcloud.web.ValidationException.FieldError;
import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** The delegates of {@code emergency-drill} and {@code emergency-drill-reminder}, thin steps over the services. */
final class DrillSteps {

  static final Set<String> SCENARIO_TYPES = Set.of("EMERGENCY", "TABLETOP", "TECHNICAL");
  static final Set<String> CATEGORIES = Set.of("INTERRUPTION", "DATA_LOSS", "DEGRADATION", "SECURITY", "OTHER");
  static final Set<String> RESULTS = Set.of("SUCCESS", "PARTIAL", "FAILED");

  private DrillSteps() {}

  /** A time from a variable: a Date, an ISO instant, an offset time (Camunda Forms) or a China local time. */
  static Instant time(Object v, String field) {
    if (v == null || v.toString().isBlank()) {
      return null;
    }
    if (v instanceof Date d) {
      return d.toInstant();
    }
    String s = v.toString().strip();
    try {
      return Instant.parse(s);
    } catch (RuntimeException e) {
      try {
        return OffsetDateTime.parse(s).toInstant();
      } catch (RuntimeException again) {
        try {
          return LocalDateTime.parse(s).atZone(WorkingCalendar.CHINA).toInstant();
        } catch (RuntimeException last) {
          throw ValidationException.of(field, "时间格式应为 ISO 8601，如 2026-11-25T09:00:00+08:00");
        }
      }
    }
  }

  /** Opens the drill record for the plan (a second open drill of the same plan is refused). */
  @Component("registerDrill")
  static class Register extends ProcessStep {
    private final DrillService drills;
    private final PlanService plans;
    private final DrillProperties properties;
    private final Clock clock;

    Register(DrillService drills, PlanService plans, DrillProperties properties, Clock clock) {
      this.drills = drills;
      this.plans = plans;
      this.properties = properties;
      this.clock = clock;
    }

    @Override
    protected void run(DelegateExecution execution) {
      String trigger = "REMINDER".equals(text(execution, TRIGGER)) ? "REMINDER" : "MANUAL";
      Drill d = drills.open(text(execution, PLAN_NO), trigger, execution.getProcessInstanceId());
      ContingencyPlan plan = plans.get(d.planId());
      execution.setVariable(PLAN_NO, plan.planNo());
      execution.setVariable(TRIGGER, trigger);
      execution.setVariable(DRILL_ID, d.id());
      execution.setVariable(DRILL_NO, d.drillNo());
      execution.setVariable(PLAN_OWNER, plan.owner());
      execution.setVariable(PLANNING_DUE, Date.from(clock.instant().plus(properties.planningWithin())));
      if (execution.getProcessBusinessKey() == null) {
        execution.setProcessBusinessKey(d.drillNo());
      }
    }
  }

  /**
   * The drill plan (P6 7.4.2.2.1): purpose, date and time, participants (users, and groups expanded to their
   * members, e.g. a unit's group for its contacts), scenario, steps, precautions. Training is due the configured
   * lead time before the drill.
   */
  @Component("recordDrillPlan")
  static class RecordPlan extends ProcessStep {
    private final DrillService drills;
    private final PlanService plans;
    private final OrganizationService organization;
    private final IdentityService identity;
    private final Privileged privileged;
    private final DrillProperties properties;
    private final DrillNotices notices;
    private final Clock clock;

    RecordPlan(DrillService drills, PlanService plans, OrganizationService organization, IdentityService identity,
        Privileged privileged, DrillProperties properties, DrillNotices notices, Clock clock) {
      this.drills = drills;
      this.plans = plans;
      this.organization = organization;
      this.identity = identity;
      this.privileged = privileged;
      this.properties = properties;
      this.notices = notices;
      this.clock = clock;
    }

    @Override
    protected void run(DelegateExecution execution) {
      long id = drillId(execution);
      List<FieldError> errors = new ArrayList<>();
      Instant now = clock.instant();
      Instant at = null;
      try {
        at = time(execution.getVariable(DRILL_AT), DRILL_AT);
      } catch (ValidationException e) {
        errors.addAll(e.errors());
      }
      if (at == null && errors.isEmpty()) {
        errors.add(new FieldError(null, DRILL_AT, "请填写演练时间"));
      } else if (at != null && !at.isAfter(now)) {
        errors.add(new FieldError(null, DRILL_AT, "演练时间须晚于当前时间"));
      }
      String purpose = text(execution, PURPOSE);
      if (purpose == null) {
        errors.add(new FieldError(null, PURPOSE, "请填写演练目的"));
      }
      String type = text(execution, SCENARIO_TYPE);
      type = type == null ? null : type.toUpperCase(Locale.ROOT);
      if (type == null || !SCENARIO_TYPES.contains(type)) {
        errors.add(new FieldError(null, SCENARIO_TYPE, "取值 EMERGENCY（实战流程）、TABLETOP（桌面推演）、TECHNICAL（技术演练）"));
      }
      String scenario = text(execution, SCENARIO);
      if (scenario == null) {
        errors.add(new FieldError(null, SCENARIO, "请描述演练场景"));
      }
      ContingencyPlan plan = plans.get(drills.get(id).planId());
      String system = text(execution, BUSINESS_SYSTEM_CODE);
      system = system == null ? plan.businessSystemCode() : system;
      String category = text(execution, EMERGENCY_CATEGORY);
      category = category == null ? null : category.toUpperCase(Locale.ROOT);
      boolean emergency = "EMERGENCY".equals(type);
      if (emergency) {
        if (system == null || organization.findSystem(system).isEmpty()) {
          errors.add(new FieldError(null, BUSINESS_SYSTEM_CODE, "实战流程演练须指定存在的业务系统"));
        }
        if (category == null || !CATEGORIES.contains(category)) {
          errors.add(new FieldError(null, EMERGENCY_CATEGORY, "取值 INTERRUPTION、DATA_LOSS、DEGRADATION、SECURITY、OTHER"));
        }
      }
      List<String> participants = participants(execution, errors);
      if (!errors.isEmpty()) {
        throw new ValidationException(errors);
      }
      String organiser = actor(execution);
      organiser = "system".equals(organiser) ? plan.owner() : organiser;
      Instant trainingDue = at.minus(properties.trainingLead());
      trainingDue = trainingDue.isAfter(now) ? trainingDue : now;
      Drill d = drills.planned(id, organiser, purpose, type, scenario, system, emergency ? category : null,
          text(execution, STEPS), text(execution, PRECAUTIONS), at, trainingDue, participants);
      execution.setVariable(DRILL_AT, Date.from(at));
      execution.setVariable(TRAINING_DUE, Date.from(trainingDue));
      execution.setVariable(ORGANISER, organiser);
      execution.setVariable(SCENARIO_TYPE, type);
      execution.setVariable(EMERGENCY_SCENARIO, emergency);
      if (emergency) {
        execution.setVariable(BUSINESS_SYSTEM_CODE, system);
        execution.setVariable(EMERGENCY_CATEGORY, category);
      }
      notices.send(d, participants, List.of(), "plan", "演练通知",
          "您已被列为应急演练参演人员。请在 " + DrillReport.time(trainingDue) + " 前阅读应急预案和演练方案，并在任务中确认培训。\n"
              + "演练目的：" + purpose + "\n演练场景：" + scenario);
    }

    private List<String> participants(DelegateExecution execution, List<FieldError> errors) {
      Set<String> users = new LinkedHashSet<>();
      String named = text(execution, PARTICIPANT_USERS);
      String groups = text(execution, PARTICIPANT_GROUPS);
      privileged.run(() -> {
        if (named != null) {
          for (String u : named.split("[,，;；、\\s]+")) {
            if (u.isBlank()) {
              continue;
            }
            if (identity.createUserQuery().userId(u).count() == 0) {
              errors.add(new FieldError(null, PARTICIPANT_USERS, "用户不存在: " + u));
            } else {
              users.add(u);
            }
          }
        }
        if (groups != null) {
          for (String g : groups.split("[,，;；、\\s]+")) {
            if (g.isBlank()) {
              continue;
            }
            List<User> members = identity.createUserQuery().memberOfGroup(g).list();
            if (members.isEmpty()) {
              errors.add(new FieldError(null, PARTICIPANT_GROUPS, "用户组不存在或没有成员: " + g));
            }
            members.forEach(m -> users.add(m.getId()));
          }
        }
        return null;
      });
      if (users.isEmpty() && errors.stream().noneMatch(e -> e.field().startsWith("participant"))) {
        errors.add(new FieldError(null, PARTICIPANT_USERS, "请至少指定一名参演人员"));
      }
      return List.copyOf(users);
    }
  }

  /** A participant confirms reading the plan and the drill brief (P6 7.4.2.2.2). */
  @Component("recordTrainingConfirmation")
  static class RecordTraining extends ProcessStep {
    private final DrillService drills;

    RecordTraining(DrillService drills) {
      this.drills = drills;
    }

    @Override
    protected void run(DelegateExecution execution) {
      if (!Boolean.TRUE.equals(execution.getVariable(TRAINING_CONFIRMED))
          && !"true".equals(text(execution, TRAINING_CONFIRMED))) {
        throw ValidationException.of(TRAINING_CONFIRMED, "请确认已阅读应急预案和演练方案");
      }
      drills.trainingConfirmed(drillId(execution), text(execution, PARTICIPANT));
      execution.removeVariable(TRAINING_CONFIRMED);
    }
  }

  /** Training not confirmed by its due time: the organiser (and the ops managers) learn who, the laggards are told. */
  @Component("escalateTraining")
  static class EscalateTraining extends ProcessStep {
    private final DrillService drills;
    private final DrillNotices notices;

    EscalateTraining(DrillService drills, DrillNotices notices) {
      this.drills = drills;
      this.notices = notices;
    }

    @Override
    protected void run(DelegateExecution execution) {
      long id = drillId(execution);
      List<String> missing = drills.escalateUnconfirmed(id);
      if (missing.isEmpty()) {
        return;
      }
      Drill d = drills.get(id);
      notices.send(d, List.of(d.organiser()), List.of(Groups.OPS_MANAGER), "training-escalation", "培训确认逾期",
          "以下参演人员在培训确认时限前仍未确认：" + String.join("、", missing) + "。请督促其在演练前完成培训确认。");
      notices.send(d, missing, List.of(), "training-reminder", "请尽快确认演练培训",
          "您的演练培训确认已逾期，请立即阅读应急预案和演练方案并在任务中确认。");
    }
  }

  /** The drill date has come while training was still open: who never confirmed stays on the record. */
  @Component("closeTraining")
  static class CloseTraining extends ProcessStep {
    private final DrillService drills;

    CloseTraining(DrillService drills) {
      this.drills = drills;
    }

    @Override
    protected void run(DelegateExecution execution) {
      drills.escalateUnconfirmed(drillId(execution));
    }
  }

  /** Sets the drill's status as the process moves on (RUNNING, …). */
  @Component("drillRunning")
  static class Running extends ProcessStep {
    private final DrillService drills;

    Running(DrillService drills) {
      this.drills = drills;
    }

    @Override
    protected void run(DelegateExecution execution) {
      drills.status(drillId(execution), "RUNNING");
    }
  }

  /**
   * Run (P6 7.4.2.2.3; GB/T 34077.3 8.2.7 c 4): the organiser's stages with start and end times, each measured
   * against the plan's target of the same name; for an emergency scenario, the stages the live emergency process
   * measured are added. The plan counts as drilled.
   */
  @Component("recordDrillRun")
  static class RecordRun extends ProcessStep {
    private final DrillService drills;
    private final PlanService plans;
    private final JsonVariables json;
    private final EmergencyDrillTimings timings;
    private final DrillProperties properties;

    RecordRun(DrillService drills, PlanService plans, JsonVariables json, EmergencyDrillTimings timings,
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
        stages.addAll(timings.measure(execution.getProcessInstanceId(), targets));
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

  /** A participant's observations, problems and suggested improvements (P6 7.4.2.2.4). */
  @Component("recordDrillFeedback")
  static class RecordFeedback extends ProcessStep {
    private final DrillService drills;

    RecordFeedback(DrillService drills) {
      this.drills = drills;
    }

    @Override
    protected void run(DelegateExecution execution) {
      String observations = text(execution, OBSERVATIONS);
      if (observations == null) {
        throw ValidationException.of(OBSERVATIONS, "请填写演练观察记录");
      }
      drills.feedback(drillId(execution), text(execution, PARTICIPANT), observations, text(execution, PROBLEMS),
          text(execution, SUGGESTIONS));
      execution.removeVariable(OBSERVATIONS);
      execution.removeVariable(PROBLEMS);
      execution.removeVariable(SUGGESTIONS);
    }
  }

  /**
   * Revise the plan (P6 7.4.2.2.6): the owner accepts or rejects each improvement; accepted ones produce a new plan
   * version linked to this drill, with the revised procedure or recovery measures if the owner rewrote them.
   */
  @Component("applyPlanRevision")
  static class ApplyRevision extends ProcessStep {
    private final DrillService drills;
    private final PlanService plans;
    private final JsonVariables json;
    private final DrillNotices notices;

    ApplyRevision(DrillService drills, PlanService plans, JsonVariables json, DrillNotices notices) {
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

  /**
   * The daily reminder (GB/T 34077.3 8.2.7 b, 8.2.8 b 5): a drill planning is started for every plan overdue by its
   * type's required frequency, unless a drill of that plan is already open, so each plan gets one at a time.
   */
  @Component("startOverdueDrills")
  static class StartOverdue extends ProcessStep {
    private final PlanService plans;
    private final DrillService drills;

    StartOverdue(PlanService plans, DrillService drills) {
      this.plans = plans;
      this.drills = drills;
    }

    @Override
    protected void run(DelegateExecution execution) {
      RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
      List<String> started = new ArrayList<>();
      for (ContingencyPlan plan : plans.overdue()) {
        if (drills.openDrillOf(plan.id()).isPresent()) {
          continue;
        }
        runtime.createProcessInstanceByKey(PROCESS_KEY)
            .setVariable(PLAN_NO, plan.planNo())
            .setVariable(TRIGGER, "REMINDER")
            .execute();
        started.add(plan.planNo());
      }
      execution.setVariable(STARTED_FOR_PLANS, String.join(",", started));
    }
  }
}
