package cn.gov.gz.govcloud.security;

import cn.gov.gz.govcloud.access.Groups;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which group may start which process (by process key). Set under {@code govcloud.security.start-rights} so that an
 * operator can change it without code; the defaults follow DOMAIN.md §5 "started by".
 */
@ConfigurationProperties(prefix = "govcloud.security")
record AccessPolicy(Map<String, List<String>> startRights) {

  public AccessPolicy {
    if (startRights == null || startRights.isEmpty()) {
      startRights = Map.of(
          Groups.UNIT_USER, List.of("resource-application-review", "work-order", "emergency-response",
              "report-feedback"),
          Groups.SERVICE_DESK, List.of("work-order", "emergency-response", "resource-application-review", "assurance"),
          Groups.OPS_MANAGER, List.of("inspection", "emergency-drill", "optimization-review", "emergency-response",
              "work-order", "service-report", "assurance", "satisfaction-survey", "demand-research", "training",
              "security-assessment", "norm-review", "service-summary-report"),
          Groups.OPS_ENGINEER, List.of("work-order", "emergency-response"),
          Groups.OPS_OPERATOR, List.of("work-order", "emergency-response"),
          Groups.MANAGEMENT, List.of("optimization-review", "service-report", "assurance", "satisfaction-survey",
              "report-feedback", "demand-research", "training", "norm-review", "service-summary-report"),
          Groups.SUPERVISOR, List.of("report-feedback"),
          Groups.INTEGRATION, List.of("emergency-response", "work-order"));
    }
  }
}
