package cn.gov.gz.govcloud.notification;

import cn.gov.gz.govcloud.compliance.Implements;
import cn.gov.gz.govcloud.engine.Privileged;
import cn.gov.gz.govcloud.notification.Contacts.Contact;
import cn.gov.gz.govcloud.notification.Notification.Status;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
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
 * transaction (so it exists exactly when the process step that caused it commits) and delivered later by
 * {@link OutboxDispatcher}.
 *
 * <p>Channels: every notice is mailed. An urgent one (a kind listed in {@code govcloud.notification.urgent-kinds},
 * such as the escalations of a missed deadline, or a task due within {@code task-urgent-within}, such as the
 * response to an emergency) also pages: an SMS to the person's mobile, a WeCom message to their WeCom id (from
 * {@link Contacts}), and the group robot of each notified group that has one. Routine notices page only over
 * {@code routine-channels} (none by default), and then not during the quiet hours. People without a mobile or WeCom id
 * still get mail.
 *
 * <p>No storms: a notice is identified by kind, case, recipient and channel. While one is still waiting in the outbox,
 * a newer one with the same identity replaces its text (merged); a notice identical to one already sent is not sent
 * again. Every mail waits at least the merge window before its first delivery, so bursts of updates become one mail;
 * an urgent page waits the shorter page merge window.
 */
@Implements(value = "GB 5.1 a 2", what = "通知服务：以邮件通知案件的情况和状态，邮件服务器不可用时恢复后补发")
@Service
public class NotificationService {

  private final NotificationRepository repository;
  private final NotificationProperties properties;
  private final WeComProperties wecom;
  private final Contacts contacts;
  private final Map<Channel, DeliveryChannel> channels = new EnumMap<>(Channel.class);
  private final QuietHours quietHours;
  private final IdentityService identity;
  private final Privileged privileged;
  private final Clock clock;

  NotificationService(NotificationRepository repository, NotificationProperties properties, WeComProperties wecom,
      Contacts contacts, List<DeliveryChannel> channels, IdentityService identity, Privileged privileged,
      Clock clock) {
    this.repository = repository;
    this.properties = properties;
    this.wecom = wecom;
    this.contacts = contacts;
    channels.forEach(c -> this.channels.put(c.channel(), c));
    this.quietHours = QuietHours.parse(properties.quietHours());
    this.identity = identity;
    this.privileged = privileged;
    this.clock = clock;
  }

  /**
   * A notice: what kind (e.g. {@code task}, {@code escalation-1}), about which case (a task or process instance id,
   * a case number), the text, and whether it is urgent (pages people besides mail).
   */
  public record Notice(String kind, String caseRef, String subject, String body, boolean urgent) {
    public Notice {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(caseRef, "caseRef");
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(body, "body");
    }

    /** A notice whose urgency its kind decides. */
    public Notice(String kind, String caseRef, String subject, String body) {
      this(kind, caseRef, subject, body, false);
    }
  }

  /** What became of one notice for one recipient (its mail). */
  public enum Outcome {
    QUEUED, MERGED, ALREADY_SENT
  }

  @Transactional
  public Outcome notifyUser(String userId, Notice notice) {
    User user = privileged.run(() -> identity.createUserQuery().userId(userId).singleResult());
    String email = user == null ? null : blankToNull(user.getEmail());
    List<Channel> pages = pagesFor(notice);
    Contact contact = pages.isEmpty() ? null : contacts.find(userId);
    return deliver(userId, email, contact, pages, notice);
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
    List<Channel> pages = pagesFor(notice);
    Map<String, Contact> known = pages.isEmpty() ? Map.of() : contacts.findAll(recipients.keySet());
    recipients.forEach((id, user) -> {
      if (user == null) {
        user = privileged.run(() -> identity.createUserQuery().userId(id).singleResult());
      }
      deliver(id, user == null ? null : blankToNull(user.getEmail()), known.get(id), pages, notice);
    });
    if (pages.contains(Channel.WECOM_ROBOT)) {
      Map<String, String> robots = wecom.robotKeys();
      groupIds.stream().distinct().filter(robots::containsKey).forEach(group ->
          enqueue(Channel.WECOM_ROBOT, WeComRobotChannel.RECIPIENT_PREFIX + group, group, notice, urgent(notice)));
    }
  }

  /** Whether a notice is urgent: marked so, or of a kind configured as urgent. */
  boolean urgent(Notice notice) {
    if (notice.urgent()) {
      return true;
    }
    for (String pattern : properties.urgentKinds()) {
      String p = pattern.strip();
      if (p.endsWith("*") ? notice.kind().startsWith(p.substring(0, p.length() - 1)) : notice.kind().equals(p)) {
        return true;
      }
    }
    return false;
  }

  /** The paging channels (besides mail) a notice goes over: those of its urgency that are configured. */
  List<Channel> pagesFor(Notice notice) {
    return (urgent(notice) ? properties.urgentChannels() : properties.routineChannels()).stream()
        .filter(c -> c != Channel.MAIL && channels.containsKey(c) && channels.get(c).configured())
        .distinct().toList();
  }

  private Outcome deliver(String userId, String email, Contact contact, List<Channel> pages, Notice notice) {
    Outcome mail = enqueue(Channel.MAIL, userId, email, notice, false);
    boolean urgent = urgent(notice);
    if (contact != null && contact.mobile() != null && pages.contains(Channel.SMS)) {
      enqueue(Channel.SMS, userId, contact.mobile(), notice, urgent);
    }
    if (contact != null && contact.wecomUserId() != null && pages.contains(Channel.WECOM)) {
      enqueue(Channel.WECOM, userId, contact.wecomUserId(), notice, urgent);
    }
    return mail;
  }

  @Transactional(readOnly = true)
  public List<Notification> search(String recipient, Status status, String caseRef, int limit) {
    return search(recipient, status, caseRef, null, limit);
  }

  @Transactional(readOnly = true)
  public List<Notification> search(String recipient, Status status, String caseRef, Channel channel, int limit) {
    return repository.search(recipient, status, caseRef, channel, Math.min(Math.max(limit, 1), 500));
  }

  private Outcome enqueue(Channel channel, String recipient, String address, Notice notice, boolean urgent) {
    String subject = truncate(notice.subject(), 200);
    String body = truncate(notice.body(), 4000);
    String identity = notice.kind() + "|" + notice.caseRef() + "|" + recipient
        + (channel == Channel.MAIL ? "" : "|" + channel.name());
    String dedupKey = truncate(identity, 300);
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
    Status status = address == null ? Status.NO_ADDRESS : Status.PENDING;
    Instant first;
    if (channel == Channel.MAIL) {
      first = now.plus(properties.mergeWindow());
    } else if (urgent) {
      first = now.plus(properties.pageMergeWindow());
    } else {
      first = quietHours.release(now.plus(properties.mergeWindow()));
    }
    repository.insert(channel, truncate(recipient, 64), address, notice.kind(), truncate(notice.caseRef(), 128),
        dedupKey, subject, body, status, first, now);
    return Outcome.QUEUED;
  }
  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
