package cn.gov.gz.govcloud.workorder;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code govcloud.work-order.*}: settings process owners may change without code. Deadlines by type and service level
 * are in the DMN models {@code work-order-dispatch-rules} and {@code service-level-targets}.
 *
 * @param escalationGroups who is told, level by level, when a deadline is missed (GB/T 34077.3 5.3.2 e 4)
 * @param escalationInterval time between escalation levels
 * @param confirmWithin how long the user has to confirm a resolution before the order is closed as confirmed
 * @param surveyReminderAfter when an unanswered survey is reminded
 * @param surveyCloseAfter when an unanswered survey is closed without a score
 * @param lowScore scores at or below this go to the ops manager for follow-up
 * @param defaultServiceLevel service level of an order that names no business system
 */
@ConfigurationProperties(prefix = "govcloud.work-order")
record WorkOrderProperties(List<String> escalationGroups, Duration escalationInterval, Duration confirmWithin,
    Duration surveyReminderAfter, Duration surveyCloseAfter, Integer lowScore, Integer defaultServiceLevel) {

  public WorkOrderProperties {
    escalationGroups = escalationGroups == null || escalationGroups.isEmpty()
        ? List.of("ops-manager", "management") : List.copyOf(escalationGroups);
    escalationInterval = escalationInterval == null ? Duration.ofMinutes(30) : escalationInterval;
    confirmWithin = confirmWithin == null ? Duration.ofDays(3) : confirmWithin;
    surveyReminderAfter = surveyReminderAfter == null ? Duration.ofDays(1) : surveyReminderAfter;
    surveyCloseAfter = surveyCloseAfter == null ? Duration.ofDays(7) : surveyCloseAfter;
    lowScore = lowScore == null ? 2 : lowScore;
    defaultServiceLevel = defaultServiceLevel == null ? 3 : defaultServiceLevel;
  }
}
