package cn.gov.gz.govcloud.optimization;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the optimisation review process owners may change ({@code govcloud.optimization.*}, or the environment
 * variables {@code GOVCLOUD_OPTIMIZATION_SCHEDULE} …).
 *
 * @param schedule cron of the periodic review (six fields, server time zone); it reviews the previous calendar month
 * @param reviewWithin time management has to review the candidates (due date of the task)
 * @param confirmWithin time a unit has to confirm or object (due date of its task)
 * @param reminderCycle reminders to a unit that has not answered (ISO 8601 repeating interval)
 * @param executeWithin time the operators have to execute the confirmed recommendations
 * @param formRows at most this many candidates are listed in the review form; the rest are decided in bulk or by REST
 */
@ConfigurationProperties("govcloud.optimization")
record OptimizationProperties(String schedule, Duration reviewWithin, Duration confirmWithin,
    String reminderCycle, Duration executeWithin, Integer formRows) {

  public OptimizationProperties {
    schedule = schedule == null ? "0 0 8 1 * ?" : schedule;
    reviewWithin = reviewWithin == null ? Duration.ofDays(7) : reviewWithin;
    confirmWithin = confirmWithin == null ? Duration.ofDays(5) : confirmWithin;
    reminderCycle = reminderCycle == null ? "R3/P2D" : reminderCycle;
    executeWithin = executeWithin == null ? Duration.ofDays(10) : executeWithin;
    formRows = formRows == null ? 300 : formRows;
  }
}
