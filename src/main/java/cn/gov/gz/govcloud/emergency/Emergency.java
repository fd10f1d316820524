package cn.gov.gz.govcloud.emergency;

import java.time.Instant;

/** An emergency case (P6 7.4.2.3) with its clocks; {@code drill} marks a case run by an emergency drill. */
public record Emergency(long id, String emergencyNo, String alertRef, String processInstanceId, String unitCode,
    String businessSystemCode, String category, String severity, String serviceHours, String source, String reporter,
    String contact, String scope, String measuresTaken, String description, Instant detectedAt, Instant receivedAt,
    String status, Instant responseClockStart, long responseWithinSeconds, Instant responseDueAt, Instant respondedAt,
    String respondedBy, long feedbackIntervalSeconds, Instant nextFeedbackAt, int escalationLevel, int occurrences,
    int reopenCount, Instant recoveredAt, String cause, String result, String improvement, Instant closedAt,
    boolean drill, Instant recoveryDueAt) {

  /** The mark of a drill case in task names, notices and the report. */
  public static final String DRILL_MARK = "【演练】";

  /** The mark to put before a title: "【演练】" for a drill case, nothing for a real one. */
  public String mark() {
    return drill ? DRILL_MARK : "";
  }

  public boolean workingHoursOnly() {
    return "5x8".equals(serviceHours);
  }
}
