package cn.gov.gz.govcloud.notification;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code govcloud.notification.*}: merge window for repeated notices, poll interval and batch of the sender, the
 * longest wait between retries, the sender address, and which notices page people besides mail:
 * <ul>
 *   <li>{@code urgentKinds}: notice kinds that are urgent (a trailing {@code *} matches a prefix), besides task notices
 *       whose task is due within {@code taskUrgentWithin} (a response deadline);</li>
 *   <li>{@code urgentChannels} / {@code routineChannels}: the channels of urgent and routine notices besides mail
 *       (mail always goes);</li>
 *   <li>{@code pageMergeWindow}: how long an urgent page waits for a newer text of itself before it goes;</li>
 *   <li>{@code quietHours}: Beijing time window (e.g. {@code 22:00-08:00}) in which routine pages wait for the
 *       morning; urgent pages and mail never wait.</li>
 * </ul>
 */
@ConfigurationProperties(prefix = "govcloud.notification")
record NotificationProperties(Duration mergeWindow, long pollInterval, int batchSize, Duration maxBackoff,
    String from, List<String> urgentKinds, Duration taskUrgentWithin, List<Channel> urgentChannels,
    List<Channel> routineChannels, Duration pageMergeWindow, String quietHours) {

  public NotificationProperties {
    mergeWindow = mergeWindow == null ? Duration.ofMinutes(1) : mergeWindow;
    pollInterval = pollInterval <= 0 ? 10_000 : pollInterval;
    batchSize = batchSize <= 0 ? 50 : batchSize;
    maxBackoff = maxBackoff == null ? Duration.ofHours(1) : maxBackoff;
    from = from == null || from.isBlank() ? "govcloud-ops@govcloud.local" : from;
    urgentKinds = urgentKinds == null ? List.of("escalation-*") : List.copyOf(urgentKinds);
    taskUrgentWithin = taskUrgentWithin == null ? Duration.ofHours(1) : taskUrgentWithin;
    urgentChannels = urgentChannels == null ? List.of(Channel.SMS, Channel.WECOM, Channel.WECOM_ROBOT)
        : List.copyOf(urgentChannels);
    routineChannels = routineChannels == null ? List.of() : List.copyOf(routineChannels);
    pageMergeWindow = pageMergeWindow == null ? Duration.ofSeconds(10) : pageMergeWindow;
    quietHours = quietHours == null ? "22:00-08:00" : quietHours.strip(); // set it empty for no quiet hours
  }
}
