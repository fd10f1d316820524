package cn.gov.gz.govcloud.emergency;

import static cn.gov.gz.govcloud.engine.Variables.text;
import static cn.gov.gz.govcloud.emergency.EmergencyVariables.*;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.engine.JsonVariables;
import cn.gov.gz.govcloud.engine.ProcessStep;
import com.fasterxml.jackson.core.type.TypeReference;
import org.camunda.spin.plugin.variable.SpinValues;
import cn.gov.gz.govcloud.organization.BusinessSystem;
import cn.gov.gz.govcloud.organization.OrganizationService;
import cn.gov.gz.govcloud.web.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** The delegates of {@code emergency-response}, each a thin step over {@link EmergencyService}. */
final class EmergencySteps {

  private EmergencySteps() {}

  static Date date(Instant i) {
    return i == null ? null : Date.from(i);
  }

  /** Receive (P6 7.4.2.3.1): registers the case with the time detected; the unit is that of the business system. */
  @Component("registerEmergency")
  static class Register extends ProcessStep {
    private final EmergencyService service;
    private final OrganizationService organization;
    private final EmergencyNotices notices;

    Register(EmergencyService service, OrganizationService organization, EmergencyNotices notices) {
      this.service = service;
      this.organization = organization;
      this.notices = notices;
    }

    @Override
    protected void run(DelegateExecution execution) {
      Object detected = execution.getVariable(DETECTED_AT);
      Instant detectedAt = detected instanceof Date d ? d.toInstant()
          : detected == null ? null : parse(detected.toString());
      String description = text(execution, DESCRIPTION);
      if (description == null && text(execution, TITLE) != null) {
        description = text(execution, TITLE); // handed over from a work order
      }
      String source = text(execution, SOURCE);
      if (source == null && text(execution, WORK_ORDER_NO) != null) {
        source = "WORK_ORDER";
      }
      String category = text(execution, CATEGORY);
      if (category == null && text(execution, WORK_ORDER_NO) != null) {
        category = "INTERRUPTION";
      }
      EmergencyIntake intake = new EmergencyIntake(text(execution, BUSINESS_SYSTEM_CODE), category,
          description, source, text(execution, REPORTER), text(execution, CONTACT), detectedAt, text(execution, SCOPE),
          text(execution, MEASURES_TAKEN), text(execution, ALERT_REF));
      service.validate(intake);
      if (intake.alertRef() != null) {
        var open = service.findOpenByAlert(intake.alertRef());
        if (open.isPresent()) {
          // the same alert again while its case is open: it joins that case, on every path a report can take
          service.occurrence(open.get().id(), description, actor(execution));
          execution.setVariable(JOINED_EMERGENCY_NO, open.get().emergencyNo());
          throw new BpmnError(ALERT_ALREADY_OPEN, "告警 " + intake.alertRef() + " 已有未结案的应急事件 "
              + open.get().emergencyNo() + "，本次报告已并入");
        }
      }
      Emergency e = service.register(intake, execution.getProcessInstanceId(), actor(execution),
          Boolean.TRUE.equals(execution.getVariable(DRILL)));
      BusinessSystem system = organization.findSystem(e.businessSystemCode()).orElseThrow();
      execution.setVariable(EMERGENCY_ID, e.id());
      execution.setVariable(EMERGENCY_NO, e.emergencyNo());
      execution.setVariable(CATEGORY, e.category());
      execution.setVariable(IMPORTANCE, system.importance().name());
      execution.setVariable(VERIFY_GROUP, Groups.unitGroup(e.unitCode()));
      execution.setVariable(RESPONSE_ESCALATIONS, 0);
      if (execution.getProcessBusinessKey() == null) {
        execution.setProcessBusinessKey(e.alertRef() != null ? e.alertRef() : e.emergencyNo());
      }
      execution.setVariable(DRILL, e.drill());
      notices.toStakeholders(e, "received", "已接报", "应急事件已接报，服务方正在响应。");
    }

    private static Instant parse(String s) {
      try {
        return Instant.parse(s);
      } catch (RuntimeException ex) {
        try {
          return java.time.OffsetDateTime.parse(s).toInstant(); // Camunda Forms: 2026-11-25T08:40+08:00
        } catch (RuntimeException again) {
          throw ValidationException.of(DETECTED_AT, "时间格式应为 ISO 8601，如 2026-11-25T08:40:00+08:00");
        }
      }
    }
  }

  /**
   * Starts the response clock from the classification (decision {@code emergency-classification}): from the time
   * detected at first, from now after a reopen, so a reopened case does not escalate for time already passed.
   */
  static final TypeReference<Map<String, Object>> CLASSIFICATION_TYPE = new TypeReference<>() {};

  @Component("startResponseClock")
  static class StartResponseClock extends ProcessStep {
    private final EmergencyService service;
    private final EmergencyProperties properties;
    private final Clock clock;

    private final JsonVariables json;

    StartResponseClock(EmergencyService service, EmergencyProperties properties, Clock clock, JsonVariables json) {
      this.service = service;
      this.properties = properties;
      this.clock = clock;
      this.json = json;
    }

    /**
     * The decision's result arrives as a Java map; it is kept as JSON, so Cockpit shows the level and clocks instead of
     * "java.util.HashMap" (and a reopen reads it back the same way).
     */
    @Override
    protected void run(DelegateExecution execution) {
      Map<String, Object> c = json.read(execution, CLASSIFICATION, CLASSIFICATION_TYPE);
      execution.setVariable(CLASSIFICATION, SpinValues.jsonValue(json.write(c)).create());
      long id = emergencyId(execution);
      Emergency before = service.get(id);
      Instant start = before.reopenCount() > 0 ? clock.instant() : before.detectedAt();
      Emergency e = service.startResponseClock(id, start, (String) c.get("severity"), (String) c.get("serviceHours"),
          Duration.parse((String) c.get("responseWithin")), Duration.parse((String) c.get("feedbackInterval")));
      execution.setVariable(ON_DUTY_GROUP, c.get("onDutyGroup"));
      execution.setVariable(RESPONSE_DUE, date(e.responseDueAt()));
      execution.setVariable(NEXT_FEEDBACK_AT, date(e.nextFeedbackAt()));
      execution.setVariable(RESPONSE_ESCALATIONS, 0);
      int levels = properties.escalationGroups().size();
      Instant cycleStart = e.responseDueAt().isAfter(clock.instant()) ? e.responseDueAt()
          : clock.instant().plusSeconds(1);
      // the engine fires a cycle with a start date at the start and then R more times: once per level
      execution.setVariable(RESPONSE_ESCALATION_CYCLE, "R" + (levels - 1) + "/"
          + cycleStart.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "/" + properties.escalationInterval());
    }
  }

  /**
   * A missed response deadline: the next level of the chain is told and the response task is raised to it (the
   * level's group becomes a candidate); every escalation is on the record.
   */
  @Component("escalateResponse")
  static class EscalateResponse extends ProcessStep {
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

  /** Responded (P6 7.4.2.3.2): the response time and the first assessment are recorded. */
  @Component("recordResponse")
  static class RecordResponse extends ProcessStep {
    private final EmergencyService service;
    private final EmergencyNotices notices;

    RecordResponse(EmergencyService service, EmergencyNotices notices) {
      this.service = service;
      this.notices = notices;
    }

    @Override
    protected void run(DelegateExecution execution) {
      long id = emergencyId(execution);
      String assessment = text(execution, FIRST_ASSESSMENT);
      if (assessment == null) {
        throw ValidationException.of(FIRST_ASSESSMENT, "请填写初步研判");
      }
      service.responded(id, actor(execution), assessment);
      notices.toStakeholders(service.get(id), "responded", "已响应", "服务方已响应：" + assessment);
    }
  }

  /** Handle (P6 7.4.2.3.3–5): every action with its time; on recovery the cause and result. */
  @Component("recordEmergencyAction")
  static class RecordAction extends ProcessStep {
    private final EmergencyService service;

    RecordAction(EmergencyService service) {
      this.service = service;
    }

    @Override
    protected void run(DelegateExecution execution) {
      long id = emergencyId(execution);
      String note = text(execution, ACTION_NOTE);
      String outcome = text(execution, HANDLING_OUTCOME);
      if (note == null) {
        throw ValidationException.of(ACTION_NOTE, "请记录处置措施或进展");
      }
      if (!"IN_PROGRESS".equals(outcome) && !"RECOVERED".equals(outcome)) {
        throw ValidationException.of(HANDLING_OUTCOME, "请选择处置状态");
      }
      String type = text(execution, ACTION_TYPE);
      service.event(id, "ACTION", actor(execution), (type == null ? "" : "【" + label(type) + "】") + note, null, null);
      if ("RECOVERED".equals(outcome)) {
        service.recovered(id, actor(execution), text(execution, CAUSE), text(execution, RESULT));
      }
    }

    private static String label(String type) {
      return switch (type) {
        case "ASSESS" -> "研判";
        case "DISPATCH" -> "调度资源";
        case "REMOTE" -> "远程支持";
        case "STANDBY" -> "现场值守";
        case "RECOVER" -> "恢复";
        default -> "其他";
      };
    }
  }

  /**
   * A feedback beat (P3 5.3.2.7/8: at least every 30 min / 1 h until recovered): the updates since the last beat go
   * to the stakeholders; with none, the engineers are asked for one and the managers told feedback is late. The beat
   * (due, on time or not) is recorded and the next one scheduled (in working time for 5×8 service).
   */
  @Component("sendFeedbackBeat")
  static class SendFeedbackBeat extends ProcessStep {
    private final EmergencyService service;
    private final EmergencyNotices notices;

    SendFeedbackBeat(EmergencyService service, EmergencyNotices notices) {
      this.service = service;
      this.notices = notices;
    }

    @Override
    protected void run(DelegateExecution execution) {
      long id = emergencyId(execution);
      Date due = (Date) execution.getVariable(NEXT_FEEDBACK_AT);
      List<EmergencyEvent> updates = service.beat(id, due.toInstant(), true);
      Emergency e = service.get(id);
      if (updates.isEmpty()) {
        notices.toGroups(e, List.of(text(execution, ON_DUTY_GROUP)), "feedback-due", "请更新处置进展",
            "已到向用户反馈进展的时间，但本反馈周期内没有进展记录，请立即在任务中记录处置进展。");
        notices.toGroups(e, List.of(Groups.OPS_MANAGER), "feedback-late", "反馈逾期",
            "应急事件在本反馈周期内没有进展更新，反馈逾期，请督办。");
        notices.toStakeholders(e, "feedback", "处置进展反馈", "事件仍在处置中，处置人员正在更新进展。");
      } else {
        StringBuilder b = new StringBuilder("最新处置进展：\n");
        updates.forEach(u -> b.append("- ").append(u.text()).append('\n'));
        notices.toStakeholders(e, "feedback", "处置进展反馈", b.toString().strip());
      }
      execution.setVariable(NEXT_FEEDBACK_AT, date(e.nextFeedbackAt()));
    }
  }

  /** Verification failed: the case reopens with a fresh response clock. */
  @Component("reopenEmergency")
  static class Reopen extends ProcessStep {
    private final EmergencyService service;

    Reopen(EmergencyService service) {
      this.service = service;
    }

    @Override
    protected void run(DelegateExecution execution) {
      service.reopened(emergencyId(execution), actor(execution), text(execution, VERIFY_COMMENT));
    }
  }

  /** The unit confirmed service is back (P6 7.4.2.3.6): the case is closed. */
  @Component("closeEmergency")
  static class Close extends ProcessStep {
    private final EmergencyService service;

    Close(EmergencyService service) {
      this.service = service;
    }

    @Override
    protected void run(DelegateExecution execution) {
      service.closed(emergencyId(execution), actor(execution));
    }
  }

  /**
   * Improve (P6 7.4.2.3.7): the review of the contingency plan is recorded with the plan it changes, and the response
   * report is filed again with it.
   */
  @Component("recordPlanImprovement")
  static class RecordImprovement extends ProcessStep {
    private final EmergencyService service;
    private final EmergencyReport report;

    RecordImprovement(EmergencyService service, EmergencyReport report) {
      this.service = service;
      this.report = report;
    }

    @Override
    protected void run(DelegateExecution execution) {
      String changes = text(execution, PLAN_CHANGES);
      if (changes == null) {
        throw ValidationException.of(PLAN_CHANGES, "请记录对应急预案的修订（无需修订也请说明）");
      }
      service.improvement(emergencyId(execution), actor(execution), text(execution, PLAN_REF), changes);
      // the response report gets its improvement section: the next version, announced like the first
      execution.setVariable(REPORT_ID, report.file(emergencyId(execution), execution.getProcessInstanceId(),
          actor(execution)).id());
    }
  }
}
