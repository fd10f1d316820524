package cn.gov.gz.govcloud.emergency;

import static cn.gov.gz.govcloud.emergency.EmergencyVariables.*;

import cn.gov.gz.govcloud.engine.CityTime;
import cn.gov.gz.govcloud.engine.Privileged;
import cn.gov.gz.govcloud.sla.CalendarYearLoaded;
import cn.gov.gz.govcloud.sla.WorkingCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a year of the working-day calendar is loaded (the State Council publishes it late in the year), the 5×8
 * clocks of open cases whose deadlines fall in that year are recomputed: the response deadline (if not yet
 * responded), the next escalation level and the feedback beat of a 5×8 case, the recovery deadline of a case on a
 * 5×8 service level; in our table, in the process variables and in the waiting timer jobs.
 */
@Component
class CalendarReload {

  private final EmergencyService service;
  private final RecoveryClock recovery;
  private final EscalationClock escalation;
  private final WorkingCalendar calendar;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final Privileged privileged;

  CalendarReload(EmergencyService service, RecoveryClock recovery, EscalationClock escalation, WorkingCalendar calendar, RuntimeService runtime,
      ManagementService management, Privileged privileged) {
    this.service = service;
    this.recovery = recovery;
    this.escalation = escalation;
    this.calendar = calendar;
    this.runtime = runtime;
    this.management = management;
    this.privileged = privileged;
  }

  @EventListener
  void onYearLoaded(CalendarYearLoaded loaded) {
    privileged.run(() -> {
      for (Emergency e : service.openWorkingHourCases()) {
        if (e.processInstanceId() == null || !touches(e, loaded.year())
            || runtime.createProcessInstanceQuery().processInstanceId(e.processInstanceId()).count() == 0) {
          continue; // no clock to move: the case's instance was deleted (e.g. in Cockpit)
        }
        Instant due = e.respondedAt() != null || !e.workingHoursOnly() ? e.responseDueAt()
            : calendar.plusWorkingTime(e.responseClockStart(), Duration.ofSeconds(e.responseWithinSeconds()));
        if (e.workingHoursOnly()) {
          service.moveDeadlines(e.id(), due, e.nextFeedbackAt());
        }
        if (e.respondedAt() == null && e.workingHoursOnly()) {
          runtime.setVariable(e.processInstanceId(), RESPONSE_DUE, Date.from(due));
          var levels = escalation.levelDues(service.get(e.id()));
          if (e.escalationLevel() < levels.size()) { // the escalation timer waits for the next level
            Instant next = levels.get(e.escalationLevel());
            runtime.setVariable(e.processInstanceId(), NEXT_ESCALATION_AT, Date.from(next));
            move(e.processInstanceId(), "Timer_ResponseDeadline", next);
          }
        }
        String recoveryNote = "";
        if (e.recoveredAt() == null && e.recoveryDueAt() != null && recovery.levelInWorkingTime(e.id())) {
          Object handedOver = runtime.getVariable(e.processInstanceId(), WORK_ORDER_RECOVERY_DUE);
          Instant recoveryDue = recovery.recomputeRecoveryDue(e.id(),
              handedOver instanceof Date d ? d.toInstant() : null);
          runtime.setVariable(e.processInstanceId(), RECOVERY_DUE, Date.from(recoveryDue));
          move(e.processInstanceId(), "Timer_RecoveryDeadline", recoveryDue);
          recoveryNote = "，恢复时限 " + CityTime.minute(recoveryDue);
        }
        service.event(e.id(), "UPDATE", "system", loaded.year() + " 年工作日历导入，时限已按新日历重算：响应时限 "
            + CityTime.minute(due) + recoveryNote, null, null);
      }
      return null;
    });
  }

  private static boolean touches(Emergency e, int year) {
    return year(e.responseDueAt()) >= year || (e.nextFeedbackAt() != null && year(e.nextFeedbackAt()) >= year)
        || (e.recoveryDueAt() != null && year(e.recoveryDueAt()) >= year);
  }

  private static int year(Instant i) {
    return i.atZone(WorkingCalendar.CHINA).getYear();
  }

  private void move(String processInstanceId, String activityId, Instant due) {
    for (Job job : management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).list()) {
      management.setJobDuedate(job.getId(), Date.from(due));
    }
  }
}
