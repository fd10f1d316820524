package cn.gov.gz.govcloud.monitoring;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.compliance.Implements;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code govcloud.monitoring.*}: how long a breach may last before a work order is started, how long raw samples and
 * daily roll-ups are kept, when the roll-up runs, the largest batch, and which groups may post samples (the
 * administrator always may). The thresholds themselves are in the decision table {@code monitoring-thresholds}.
 */
@Implements(value = "GB 8.4.3 f 1", what = "监控（性能）数据按日汇总后至少保存 6 个月（可配置，不得更短）")
@ConfigurationProperties(prefix = "govcloud.monitoring")
record MonitoringProperties(Duration sustainedFor, Duration rawRetention, Duration dailyRetention,
    String rollupCron, Integer maxBatch, Duration futureTolerance, List<String> ingestGroups) {

  public MonitoringProperties {
    sustainedFor = sustainedFor == null ? Duration.ofMinutes(30) : sustainedFor;
    rawRetention = rawRetention == null ? Duration.ofDays(31) : rawRetention;
    dailyRetention = dailyRetention == null ? Duration.ofDays(400) : dailyRetention;
    if (dailyRetention.compareTo(Duration.ofDays(183)) < 0) {
      throw new IllegalArgumentException("govcloud.monitoring.daily-retention: 至少保留 6 个月（GB/T 34077.3 8.2.2 e）");
    }
    rollupCron = rollupCron == null || rollupCron.isBlank() ? "0 20 2 * * *" : rollupCron;
    maxBatch = maxBatch == null ? 20_000 : maxBatch;
    futureTolerance = futureTolerance == null ? Duration.ofMinutes(5) : futureTolerance;
    ingestGroups = ingestGroups == null || ingestGroups.isEmpty()
        ? List.of(Groups.OPS_MANAGER, Groups.OPS_ENGINEER, Groups.OPS_OPERATOR) : List.copyOf(ingestGroups);
  }
}
