package cn.gov.gz.govcloud.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code govcloud.notification.*}: merge window for repeated notices, poll interval and batch of the mail sender,
 * the longest wait between retries, and the sender address.
 */
@ConfigurationProperties(prefix = "govcloud.notification")
public record NotificationProperties(Duration mergeWindow, long pollInterval, int batchSize, Duration maxBackoff,
    String from) {

  public NotificationProperties {
    mergeWindow = mergeWindow == null ? Duration.ofMinutes(1) : mergeWindow;
    pollInterval = pollInterval <= 0 ? 10_000 : pollInterval;
    batchSize = batchSize <= 0 ? 50 : batchSize;
    maxBackoff = maxBackoff == null ? Duration.ofHours(1) : maxBackoff;
    from = from == null || from.isBlank() ? "govcloud-ops@govcloud.local" : from;
  }
}
