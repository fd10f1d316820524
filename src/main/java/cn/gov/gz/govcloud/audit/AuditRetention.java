package cn.gov.gz.govcloud.audit;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes audit rows older than {@code govcloud.audit.retention} (default 400 days, at least 12 months: GB/T 34077.3
 * 8.4.3 f) every night, except the rows marked to keep (8.4.3 f 4: what the user sets as important is kept long-term;
 * {@code POST /api/audit/{id}/keep} and the rule {@code govcloud.audit.always-keep}). A delete by age is idempotent, so every node of a cluster may run it: the second finds nothing.
 */
@Component
class AuditRetention {

  private static final Logger LOG = LoggerFactory.getLogger(AuditRetention.class);

  private final AuditLog log;
  private final AuditProperties properties;

  AuditRetention(AuditLog log, AuditProperties properties) {
    this.log = log;
    this.properties = properties;
  }

  @Scheduled(cron = "${govcloud.audit.cleanup-cron:0 40 2 * * *}", zone = "${govcloud.time-zone:Asia/Shanghai}")
  void nightly() {
    cleanUp(Instant.now());
  }

  /** Deletes what is older than the retention period before {@code now}; returns the number of rows deleted. */
  int cleanUp(Instant now) {
    Instant cutoff = now.minus(properties.retention());
    int deleted = log.deleteOlderThan(cutoff, properties.cleanupBatch());
    if (deleted > 0) {
      LOG.info("audit retention: {} rows older than {} deleted", deleted, cutoff);
    }
    return deleted;
  }
}
