package cn.gov.gz.govcloud.integration;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code govcloud.integration.*}: how an external alert's labels (Alertmanager) or tags (Zabbix, plus {@code host}
 * and {@code severity}) map to our cases.
 * <ul>
 *   <li>{@code systemLabels}: the labels, in order, whose value names the business system, either its code or a value
 *       listed in {@code systems} (label value → business system code, e.g. a Zabbix host name);</li>
 *   <li>{@code categoryLabels}: the labels whose value is the emergency category, either a category
 *       (INTERRUPTION, DATA_LOSS, DEGRADATION, SECURITY, OTHER) or a value listed in {@code categories};
 *       {@code defaultCategory} otherwise;</li>
 *   <li>{@code severityLabel}: the label with the severity; {@code emergencySeverities} open an emergency (response
 *       clock, paging), {@code workOrderSeverities} a fault work order; any other severity is recorded only.</li>
 * </ul>
 */
@ConfigurationProperties(prefix = "govcloud.integration")
record IntegrationProperties(List<String> systemLabels, Map<String, String> systems,
    List<String> categoryLabels, Map<String, String> categories, String defaultCategory, String severityLabel,
    List<String> emergencySeverities, List<String> workOrderSeverities, List<String> unmappedNotify) {

  public IntegrationProperties {
    systemLabels = systemLabels == null || systemLabels.isEmpty() ? List.of("business_system", "system")
        : List.copyOf(systemLabels);
    systems = systems == null ? Map.of() : Map.copyOf(systems);
    categoryLabels = categoryLabels == null || categoryLabels.isEmpty() ? List.of("category")
        : List.copyOf(categoryLabels);
    categories = categories == null || categories.isEmpty() ? Map.of("availability", "INTERRUPTION", "down",
        "INTERRUPTION", "performance", "DEGRADATION", "security", "SECURITY", "data", "DATA_LOSS")
        : Map.copyOf(categories);
    defaultCategory = defaultCategory == null || defaultCategory.isBlank() ? "INTERRUPTION"
        : defaultCategory.strip().toUpperCase(Locale.ROOT);
    severityLabel = severityLabel == null || severityLabel.isBlank() ? "severity" : severityLabel.strip();
    emergencySeverities = lower(emergencySeverities, List.of("critical", "disaster", "high"));
    workOrderSeverities = lower(workOrderSeverities, List.of("warning", "average", "error", "major", "minor"));
    unmappedNotify = unmappedNotify == null || unmappedNotify.isEmpty() ? List.of("service-desk")
        : List.copyOf(unmappedNotify);
  }

  private static List<String> lower(List<String> values, List<String> defaults) {
    return values == null || values.isEmpty() ? defaults
        : values.stream().map(v -> v.strip().toLowerCase(Locale.ROOT)).filter(v -> !v.isEmpty()).toList();
  }
}
