package cn.gov.gz.govcloud.emergency;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code govcloud.emergency.*}: the escalation chain of a missed response, its interval, and who receives progress
 * feedback besides the affected unit. Deadlines themselves are in the decision table {@code emergency-classification}.
 */
@ConfigurationProperties(prefix = "govcloud.emergency")
record EmergencyProperties(List<String> escalationGroups, Duration escalationInterval,
    List<String> stakeholderGroups) {

  public EmergencyProperties {
    escalationGroups = escalationGroups == null || escalationGroups.isEmpty()
        ? List.of("ops-manager", "management") : List.copyOf(escalationGroups);
    escalationInterval = escalationInterval == null ? Duration.ofMinutes(10) : escalationInterval;
    stakeholderGroups = stakeholderGroups == null ? List.of("management", "service-desk")
        : List.copyOf(stakeholderGroups);
  }
}
