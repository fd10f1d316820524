package cn.gov.gz.govcloud.notification;

import cn.gov.gz.govcloud.notification.Notification.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Mails what waits in the outbox. Safe on several nodes: each message is claimed by a conditional update before it
 * is sent. A failed send is retried with exponential backoff (30 s, 1 min, 2 min, … up to
 * {@code govcloud.notification.max-backoff}) and never dropped. Without {@code spring.mail.host} nothing is sent
 * and messages wait in the outbox, readable over REST.
 */
@Component
public class MailDispatcher {

  private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);
  private static final Duration CLAIM = Duration.ofMinutes(5);
  private static final Duration FIRST_RETRY = Duration.ofSeconds(30);

  private final NotificationRepository repository;
  private final NotificationProperties properties;
  private final ObjectProvider<JavaMailSender> mailSender;
  private final MailProperties mailProperties;
  private final Clock clock;

  MailDispatcher(NotificationRepository repository, NotificationProperties properties,
      ObjectProvider<JavaMailSender> mailSender, MailProperties mailProperties, Clock clock) {
    this.repository = repository;
    this.properties = properties;
    this.mailSender = mailSender;
    this.mailProperties = mailProperties;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${govcloud.notification.poll-interval:10000}", initialDelayString = "${govcloud.notification.initial-delay:5000}")
  void poll() {
    deliverDue(clock.instant());
  }

  /** Sends the messages due at {@code now}; returns how many were delivered. */
  public int deliverDue(Instant now) {
    JavaMailSender sender = mailSender.getIfAvailable();
    if (sender == null || mailProperties.getHost() == null || mailProperties.getHost().isBlank()) {
      return 0;
    }
    int delivered = 0;
    List<Long> due;
    do {
      due = repository.dueIds(now, properties.batchSize());
      delivered += deliver(sender, due, now);
    } while (due.size() == properties.batchSize());
    return delivered;
  }

  private int deliver(JavaMailSender sender, List<Long> ids, Instant now) {
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
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(properties.from());
        mail.setTo(n.email());
        mail.setSubject(n.subject());
        mail.setText(n.body());
        sender.send(mail);
        repository.markSent(id, clock.instant());
        delivered++;
      } catch (MailException | IllegalArgumentException e) {
        Instant next = now.plus(backoff(n.attempts() + 1));
        repository.markFailed(id, truncate(String.valueOf(e.getMessage())), next, clock.instant());
        log.warn("Mail {} to {} failed (attempt {}), next try at {}: {}", id, n.recipient(), n.attempts() + 1, next,
            e.getMessage());
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
