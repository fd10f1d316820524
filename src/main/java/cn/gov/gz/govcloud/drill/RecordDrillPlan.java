package cn.gov.gz.govcloud.drill;

import static cn.gov.gz.govcloud.drill.DrillVariables.*;
import static cn.gov.gz.govcloud.engine.Variables.text;

import cn.gov.gz.govcloud.engine.Privileged;
import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.organization.OrganizationService;
import cn.gov.gz.govcloud.web.ValidationException;
import cn.gov.gz.govcloud.web.ValidationException.FieldError;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The drill plan (P6 7.4.2.2.1): purpose, date and time, participants (users, and groups expanded to their
 * members, e.g. a unit's group for its contacts), scenario, steps, precautions. Training is due the configured
 * lead time before the drill.
 */
@Component("recordDrillPlan")
class RecordDrillPlan extends ProcessStep {
  static final Set<String> SCENARIO_TYPES = Set.of("EMERGENCY", "TABLETOP", "TECHNICAL");
  static final Set<String> CATEGORIES = Set.of("INTERRUPTION", "DATA_LOSS", "DEGRADATION", "SECURITY", "OTHER");

  private final DrillService drills;
  private final PlanService plans;
  private final OrganizationService organization;
  private final IdentityService identity;
  private final Privileged privileged;
  private final DrillProperties properties;
  private final DrillNotices notices;
  private final Clock clock;

  RecordDrillPlan(DrillService drills, PlanService plans, OrganizationService organization, IdentityService identity,
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
