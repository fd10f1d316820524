package cn.gov.gz.govcloud.integration;

import cn.gov.gz.govcloud.organization.BusinessSystem;
import cn.gov.gz.govcloud.organization.OrganizationService;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Where an external alert goes, by its labels ({@link IntegrationProperties}): the business system (which also names
 * the unit), the emergency category, and the kind of case its severity calls for.
 */
@Component
class AlertMapping {

  static final Set<String> CATEGORIES = Set.of("INTERRUPTION", "DATA_LOSS", "DEGRADATION", "SECURITY", "OTHER");

  /** EMERGENCY: emergency-response; WORK_ORDER: a fault work order; NONE: recorded only. */
  enum CaseKind { EMERGENCY, WORK_ORDER, NONE }

  /** The mapping of one alert; {@code note} says why it opens no case, if it does not. */
  record Target(CaseKind kind, String businessSystemCode, String category, String severity, String note,
      boolean unmapped) {}

  private final IntegrationProperties properties;
  private final OrganizationService organization;

  AlertMapping(IntegrationProperties properties, OrganizationService organization) {
    this.properties = properties;
    this.organization = organization;
  }

  Target map(ExternalAlert alert) {
    String severity = lower(alert.labels().get(properties.severityLabel()));
    CaseKind kind = severity != null && properties.emergencySeverities().contains(severity) ? CaseKind.EMERGENCY
        : severity != null && properties.workOrderSeverities().contains(severity) ? CaseKind.WORK_ORDER
        : CaseKind.NONE;
    String category = category(alert);
    BusinessSystem system = system(alert);
    if (kind == CaseKind.NONE) {
      return new Target(kind, system == null ? null : system.code(), category, severity,
          "严重性" + (severity == null ? "未标注" : " " + severity) + "，按配置只记录、不立案", false);
    }
    if (system == null) {
      return new Target(CaseKind.NONE, null, category, severity, "未能从标签 " + String.join("、",
          properties.systemLabels()) + " 对应到已登记的业务系统，已通知服务台人工处理", true);
    }
    return new Target(kind, system.code(), category, severity, null, false);
  }

  private BusinessSystem system(ExternalAlert alert) {
    for (String label : properties.systemLabels()) {
      String value = alert.labels().get(label);
      if (value == null || value.isBlank()) {
        continue;
      }
      String code = properties.systems().getOrDefault(value.strip(), value.strip());
      var system = organization.findSystem(code);
      if (system.isPresent()) {
        return system.get();
      }
    }
    return null;
  }

  private String category(ExternalAlert alert) {
    for (String label : properties.categoryLabels()) {
      String value = alert.labels().get(label);
      if (value == null || value.isBlank()) {
        continue;
      }
      String upper = value.strip().toUpperCase(Locale.ROOT);
      if (CATEGORIES.contains(upper)) {
        return upper;
      }
      String mapped = properties.categories().get(value.strip().toLowerCase(Locale.ROOT));
      if (mapped != null && CATEGORIES.contains(mapped.toUpperCase(Locale.ROOT))) {
        return mapped.toUpperCase(Locale.ROOT);
      }
    }
    return CATEGORIES.contains(properties.defaultCategory()) ? properties.defaultCategory() : "INTERRUPTION";
  }

  private static String lower(String s) {
    return s == null || s.isBlank() ? null : s.strip().toLowerCase(Locale.ROOT);
  }
}
