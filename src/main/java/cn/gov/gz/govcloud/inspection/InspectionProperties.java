package cn.gov.gz.govcloud.inspection;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the inspection process owners may change ({@code govcloud.inspection.*}).
 *
 * @param schedule cron of the quarterly full inspection start (six fields, server time zone); the process then waits
 *     for the first working day before the plan task opens
 * @param dueWithin default time to complete an inspection, proposed in the plan task
 * @param accessGroup the group that approves machine-room access requests (P6 7.2.3.2.3)
 * @param levelSchedule cron of the check for service levels whose inspection cycle (GB/T 34077.3 5.3.6, decision
 *     service-level-targets) is shorter than the quarter: weekly by default, so weekly and monthly cycles are kept
 */
@Validated
@ConfigurationProperties("govcloud.inspection")
public record InspectionProperties(String schedule, Duration dueWithin, String accessGroup, String levelSchedule) {

  public InspectionProperties {
    schedule = schedule == null ? "0 0 9 1 1,4,7,10 ?" : schedule;
    dueWithin = dueWithin == null ? Duration.ofDays(30) : dueWithin;
    accessGroup = accessGroup == null ? "ops-manager" : accessGroup;
    levelSchedule = levelSchedule == null ? "0 0 9 ? * MON" : levelSchedule;
  }
}
