package cn.gov.gz.govcloud.emergency;

import static cn.gov.gz.govcloud.engine.Sql.ts;

import cn.gov.gz.govcloud.compliance.Implements;
import cn.gov.gz.govcloud.engine.CityTime;
import cn.gov.gz.govcloud.sla.WorkingCalendar;
import cn.gov.gz.govcloud.web.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The responder's classification (P6 7.4.2.3.2 "迅速分析评估事件情况…对事件进行分类"): the reporter's category and the
 * decision's level are a first guess; the responder confirms or corrects them, and the clocks follow the new
 * classification from the time detected. Both classifications stay on the timeline.
 */
@Implements(value = "P6 7.4.2.3.2", what = "响应人确认或更正事件类别与等级，按新分级自发现时间起重算时限，时间线保留原分级与新分级")
@Service
class Reclassification {

  /** The levels of an emergency, highest first (the outputs of decision emergency-classification). */
  static final List<String> LEVELS = List.of("特别重大", "重大", "较大", "一般");


  private final EmergencyService cases;
  private final WorkingCalendar calendar;
  private final JdbcClient jdbc;
  private final Clock clock;

  Reclassification(EmergencyService cases, WorkingCalendar calendar, JdbcClient jdbc,
      Clock clock) {
    this.cases = cases;
    this.calendar = calendar;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Whether the responder changed the classification; refuses an unknown value or a change without a reason. */
  boolean check(Emergency e, String category, String severity, String reason) {
    if (!EmergencyService.CATEGORIES.contains(category)) {
      throw ValidationException.of("confirmedCategory", "取值 INTERRUPTION、DATA_LOSS、DEGRADATION、SECURITY、OTHER");
    }
    if (!LEVELS.contains(severity)) {
      throw ValidationException.of("confirmedSeverity", "取值 " + String.join("、", LEVELS));
    }
    boolean changed = !category.equals(e.category()) || !severity.equals(e.severity());
    if (changed && reason == null) {
      throw ValidationException.of("reclassificationReason", "更正事件类别或等级时请说明原因");
    }
    return changed;
  }

  /** The correction on the timeline, with what the reporter and the decision had said. */
  @Transactional
  public void record(Emergency e, String category, String severity, String reason, String by) {
    cases.event(e.id(), "RECLASSIFIED", by, "响应人更正分级：类别 " + EmergencyReport.category(e.category()) + " → "
        + EmergencyReport.category(category)
        + "；等级 " + e.severity() + " → " + severity + "；原因：" + reason, null, null);
  }

  /**
   * The clocks of the new classification, counted again from when the response clock started (the time detected,
   * or the reopening): response deadline and feedback interval (the next beat from now), on the clock for 7×24
   * service and in working time for 5×8. The recovery deadline follows the system's service level, not the
   * classification (GB/T 34077.3 5.3.6), and stays.
   */
  @Transactional
  public Emergency apply(long id, String category, String severity, String hours, Duration responseWithin,
      Duration feedbackInterval) {
    Emergency e = cases.get(id);
    boolean workingHours = "5x8".equals(hours);
    Instant now = clock.instant();
    Instant responseDue = workingHours ? calendar.plusWorkingTime(e.responseClockStart(), responseWithin)
        : e.responseClockStart().plus(responseWithin);
    Instant nextFeedback = workingHours ? calendar.plusWorkingTime(now, feedbackInterval) : now.plus(feedbackInterval);
    jdbc.sql("UPDATE emergency SET category = ?, severity = ?, service_hours = ?, response_within_s = ?, response_due_at = ?, "
            + "feedback_interval_s = ?, next_feedback_at = ?, updated_at = ? WHERE id = ?")
        .params(category, severity, hours, responseWithin.toSeconds(), ts(responseDue), feedbackInterval.toSeconds(),
            ts(nextFeedback), ts(now), id)
        .update();
    Emergency after = cases.get(id);
    String responded = after.respondedAt() == null ? "" : after.respondedAt().isAfter(responseDue) ? "（已响应，超时）"
        : "（已响应，按时）";
    cases.event(id, "UPDATE", "system", "按新分级（" + after.severity() + "，" + hours.replace('x', '×')
        + "）自发现时间起重算时限：响应时限 " + CityTime.minute(responseDue) + responded + "，下次反馈 "
        + CityTime.minute(nextFeedback) + "（恢复时限按业务系统的服务级别计算，不变）", null, null);
    return after;
  }
}
