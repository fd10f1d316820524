package cn.gov.gz.govcloud.notification;

import cn.gov.gz.govcloud.notification.Notification.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers what waits in the outbox, over each configured channel: pages (WeCom, SMS) first, then mail, so a slow
 * mail server does not hold up a page. Safe on several nodes: each message is claimed by a conditional update before
 * it is sent. A failed delivery is retried with exponential backoff (30 s, 1 min, 2 min, … up to
 * {@code govcloud.notification.max-backoff}) and never dropped. A channel that is not configured sends nothing, and
 * its messages (mail without {@code spring.mail.host}) wait in the outbox, readable over REST.
 */
@Component
public class OutboxDispatcher {

  private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
  private static final Duration CLAIM = Duration.ofMinutes(5);
  private static final Duration FIRST_RETRY = Duration.ofSeconds(30);

  private final NotificationRepository repository;
  private final NotificationProperties properties;
  private final List<DeliveryChannel> channels;
  private final Clock clock;

  OutboxDispatcher(NotificationRepository repository, NotificationProperties properties,
      List<DeliveryChannel> channels, Clock clock) {
    this.repository = repository;
    this.properties = properties;
    // pages before mail: WECOM_ROBOT, WECOM, SMS, MAIL
    this.channels = channels.stream()
        .sorted(Comparator.comparingInt((DeliveryChannel c) -> -c.channel().ordinal())).toList();
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${govcloud.notification.poll-interval:10000}",
      initialDelayString = "${govcloud.notification.initial-delay:5000}")
  void poll() {
    deliverDue(clock.instant());
  }

  /** Sends the messages due at {@code now} over every configured channel; returns how many were delivered. */
  public int deliverDue(Instant now) {
    int delivered = 0;
    for (DeliveryChannel channel : channels) {
      if (!channel.configured()) {
        continue;
      }
      List<Long> due;
      do {
        due = repository.dueIds(channel.channel(), now, properties.batchSize());
        delivered += deliver(channel, due, now);
      } while (due.size() == properties.batchSize());
    }
    return delivered;
  }

  private int deliver(DeliveryChannel channel, List<Long> ids, Instant now) {
    int delivered = 0;
    for (long id : ids) {
      if (!repository.claim(id, now, now.plus(CLAIM))) {
        continue;
      }
      Notification n = repository.find(id).orElseThrow();
      if (n.status() != Status.PENDING) {
        continue;
      }
      try {
        channel.send(n);
        repository.markSent(id, clock.instant());
        delivered++;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        repository.markFailed(id, "发送被中断", now, clock.instant());
        return delivered;
      } catch (Exception e) {
        Instant next = now.plus(backoff(n.attempts() + 1));
        repository.markFailed(id, truncate(String.valueOf(e.getMessage())), next, clock.instant());
        log.warn("{} message {} to {} failed (attempt {}), next try at {}: {}", channel.channel(), id, n.recipient(),
            n.attempts() + 1, next, e.getMessage());
      }
    }
    return delivered;
  }

  Duration backoff(int attempts) {
    Duration d = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
    return d.compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : d;
  }

  private static String truncate(String s) {
    return s.length() <= 1000 ? s : s.substring(0, 1000);
  }
}
