package cn.gov.gz.govcloud.drill;

import java.time.Duration;
import java.time.Period;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code govcloud.drill.*}: how often each plan type must be drilled (GB/T 34077.3 8.2.7 b, 8.2.8 b 5:
 * application-level DR at least yearly, data-level DR at least twice a year, security at least yearly), as the longest allowed gap
 * between two drills of a plan; a type not listed has no required frequency. Also the drill's working periods, and
 * the periodic review of every plan with the parties (P6 7.4.2.1.3): how often, and how long before it is due the
 * review task is opened (the reminder).
 */
@ConfigurationProperties(prefix = "govcloud.drill")
record DrillProperties(Map<String, Period> requiredInterval, Duration planningWithin, Duration trainingLead,
    Duration feedbackWithin, Period reviewInterval, Duration reviewLead) {

  public DrillProperties {
    requiredInterval = requiredInterval == null || requiredInterval.isEmpty()
        ? Map.of("APPLICATION_DR", Period.ofYears(1), "DATA_DR", Period.ofMonths(6), "SECURITY", Period.ofYears(1))
        : Map.copyOf(requiredInterval);
    planningWithin = planningWithin == null ? Duration.ofDays(14) : planningWithin;
    trainingLead = trainingLead == null ? Duration.ofDays(1) : trainingLead;
    feedbackWithin = feedbackWithin == null ? Duration.ofDays(3) : feedbackWithin;
    reviewInterval = reviewInterval == null ? Period.ofYears(1) : reviewInterval;
    reviewLead = reviewLead == null ? Duration.ofDays(30) : reviewLead;
  }
}
