package cn.gov.gz.govcloud.emergency;

import java.time.Instant;

/** An emergency case (P6 7.4.2.3) with its clocks. */
public record Emergency(long id, String emergencyNo, String alertRef, String processInstanceId, String unitCode,
    String businessSystemCode, String category, String severity, String serviceHours, String source, String reporter,
    String contact, String scope, String measuresTaken, String description, Instant detectedAt, Instant receivedAt,
    String status, Instant responseClockStart, long responseWithinSeconds, Instant responseDueAt, Instant respondedAt,
    String respondedBy, long feedbackIntervalSeconds, Instant nextFeedbackAt, int escalationLevel, int occurrences,
    int reopenCount, Instant recoveredAt, String cause, String result, String improvement, Instant closedAt) {

  public boolean workingHoursOnly() {
    return "5x8".equals(serviceHours);
  }
}
