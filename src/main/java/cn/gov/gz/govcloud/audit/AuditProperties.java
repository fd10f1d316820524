package cn.gov.gz.govcloud.audit;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.compliance.Implements;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code govcloud.audit.*}: whether requests are recorded, how long audit rows are kept (at least 12 months, the
 * longest period of GB/T 34077.3 8.4.3 f), which reads are recorded besides every change, which reverse proxies may
 * name the client in {@code X-Forwarded-For}, who may search, and when the cleanup runs.
 *
 * @param trustedProxies addresses or CIDR ranges (e.g. {@code 10.0.0.5}, {@code 10.1.0.0/16}) of reverse proxies whose
 *     {@code X-Forwarded-For} is believed; empty = the peer address is the client
 * @param recordedReads Ant patterns of GET paths recorded like changes (downloads and exports)
 * @param keepGroups who may mark rows to keep beyond the retention period and release them again
 * @param alwaysKeep actions (with their sub-actions) whose rows are kept from the start, e.g. {@code authorization}
 */
@Implements(value = "GB 8.4.3 f 3", what = "审计记录至少保存 12 个月（可配置，不得更短）")
@ConfigurationProperties(prefix = "govcloud.audit")
record AuditProperties(Boolean enabled, Duration retention, String cleanupCron, Integer cleanupBatch,
    List<String> trustedProxies, List<String> recordedReads, List<String> searchGroups, List<String> keepGroups,
    List<String> alwaysKeep) {

  /** GB/T 34077.3 8.4.3 f) 3): processed data is kept 12 months; an audit trail is kept no shorter. */
  static final Duration MINIMUM_RETENTION = Duration.ofDays(365);

  static final List<String> DEFAULT_READS = List.of("/api/reports/*/content",
      "/camunda/api/govcloud/documents/*/content", "/api/**/export", "/api/**/attachments/*", "/api/audit",
      "/engine-rest/**/data", "/camunda/api/engine/**/data");

  /** Changes of rights, users, groups, deployed models and integrations are kept from the start (8.4.3 f 4). */
  static final List<String> DEFAULT_ALWAYS_KEEP = List.of("authorization", "user", "group", "deployment",
      "integrations");

  public AuditProperties {
    enabled = enabled == null || enabled;
    retention = retention == null ? Duration.ofDays(400) : retention;
    if (retention.compareTo(MINIMUM_RETENTION) < 0) {
      throw new IllegalArgumentException("govcloud.audit.retention: 审计记录至少保留 12 个月（GB/T 34077.3 8.4.3 f）");
    }
    cleanupCron = cleanupCron == null || cleanupCron.isBlank() ? "0 40 2 * * *" : cleanupCron;
    cleanupBatch = cleanupBatch == null || cleanupBatch < 1 ? 10_000 : cleanupBatch;
    trustedProxies = trustedProxies == null ? List.of()
        : trustedProxies.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    recordedReads = recordedReads == null || recordedReads.isEmpty() ? DEFAULT_READS : List.copyOf(recordedReads);
    searchGroups = searchGroups == null || searchGroups.isEmpty()
        ? List.of(Groups.SUPERVISOR, Groups.MANAGEMENT, Groups.ADMIN) : List.copyOf(searchGroups);
    keepGroups = keepGroups == null || keepGroups.isEmpty()
        ? List.of(Groups.MANAGEMENT, Groups.ADMIN) : List.copyOf(keepGroups);
    alwaysKeep = alwaysKeep == null ? DEFAULT_ALWAYS_KEEP
        : alwaysKeep.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
