package cn.gov.gz.govcloud.notification;

import cn.gov.gz.govcloud.compliance.Implements;
import cn.gov.gz.govcloud.engine.Privileged;
import cn.gov.gz.govcloud.notification.Notification.Status;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way any process or feature tells people something. A notice is written to the outbox in the caller's
 * transaction (so it exists exactly when the process step that caused it commits) and mailed later by
 * {@link MailDispatcher}.
 *
 * <p>No storms: a notice is identified by kind, case and recipient. While one is still waiting in the outbox, a newer
 * one with the same identity replaces its text (merged); a notice identical to one already sent is not sent again.
 * Every notice waits at least the merge window before its first delivery, so bursts of updates become one mail.
 */
@Implements(value = "GB 5.1 a 2", what = "通知服务：以邮件通知案件的情况和状态，邮件服务器不可用时恢复后补发")
@Service
public class NotificationService {

  private final NotificationRepository repository;
  private final NotificationProperties properties;
  private final IdentityService identity;
  private final Privileged privileged;
  private final Clock clock;

  NotificationService(NotificationRepository repository, NotificationProperties properties, IdentityService identity,
      Privileged privileged, Clock clock) {
    this.repository = repository;
    this.properties = properties;
    this.identity = identity;
    this.privileged = privileged;
    this.clock = clock;
  }

  /** A notice: what kind (e.g. {@code task-created}), about which case (a task or process instance id), and text. */
  public record Notice(String kind, String caseRef, String subject, String body) {
    public Notice {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(caseRef, "caseRef");
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(body, "body");
    }
  }

  /** What became of one notice for one recipient. */
  public enum Outcome {
    QUEUED, MERGED, ALREADY_SENT
  }

  @Transactional
  public Outcome notifyUser(String userId, Notice notice) {
    User user = privileged.run(() -> identity.createUserQuery().userId(userId).singleResult());
    String email = user == null ? null : blankToNull(user.getEmail());
    return enqueue(userId, email, notice);
  }

  /** Notifies every member of the given users and groups once, even if someone is in several of them. */
  @Transactional
  public void notifyAll(List<String> userIds, List<String> groupIds, Notice notice) {
    Map<String, User> recipients = new LinkedHashMap<>();
    userIds.forEach(id -> recipients.put(id, null));
    for (String group : groupIds) {
      List<User> members = privileged.run(() -> identity.createUserQuery().memberOfGroup(group).list());
      members.forEach(m -> recipients.put(m.getId(), m)); // the group query brought the address already
    }
    recipients.forEach((id, user) -> {
      if (user == null) {
        notifyUser(id, notice);
      } else {
        enqueue(id, blankToNull(user.getEmail()), notice);
      }
    });
  }

  @Transactional(readOnly = true)
  public List<Notification> search(String recipient, Status status, String caseRef, int limit) {
    return repository.search(recipient, status, caseRef, Math.min(Math.max(limit, 1), 500));
  }

  private Outcome enqueue(String recipient, String email, Notice notice) {
    String subject = truncate(notice.subject(), 200);
    String body = truncate(notice.body(), 4000);
    String dedupKey = truncate(notice.kind() + "|" + notice.caseRef() + "|" + recipient, 300);
    Instant now = clock.instant();
    var pending = repository.latest(dedupKey, Status.PENDING);
    if (pending.isPresent()) {
      repository.merge(pending.get().id(), subject, body, now);
      return Outcome.MERGED;
    }
    var sent = repository.latest(dedupKey, Status.SENT);
    if (sent.isPresent() && sent.get().subject().equals(subject) && sent.get().body().equals(body)) {
      return Outcome.ALREADY_SENT;
    }
    Status status = email == null ? Status.NO_ADDRESS : Status.PENDING;
    repository.insert(recipient, email, notice.kind(), truncate(notice.caseRef(), 128), dedupKey, subject, body,
        status, now.plus(properties.mergeWindow()), now);
    return Outcome.QUEUED;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
