package cn.gov.gz.govcloud.notification;

import cn.gov.gz.govcloud.compliance.Implements;
import cn.gov.gz.govcloud.engine.Privileged;
import cn.gov.gz.govcloud.notification.Contacts.Contact;
import cn.gov.gz.govcloud.notification.Notification.Status;
import cn.gov.gz.govcloud.notification.NotificationRepository.Earlier;
import cn.gov.gz.govcloud.notification.NotificationRepository.NewMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
    List<Message> messages = new ArrayList<>();
    deliveries(userId, email, contact, pages, notice, messages);
    return enqueue(messages, notice).get(0);
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
    List<Message> messages = new ArrayList<>();
    recipients.forEach((id, user) -> {
      if (user == null) {
        user = privileged.run(() -> identity.createUserQuery().userId(id).singleResult());
      }
      deliveries(id, user == null ? null : blankToNull(user.getEmail()), known.get(id), pages, notice, messages);
    });
    if (pages.contains(Channel.WECOM_ROBOT)) {
      Map<String, String> robots = wecom.robotKeys();
      groupIds.stream().distinct().filter(robots::containsKey).forEach(group -> messages.add(new Message(
          Channel.WECOM_ROBOT, WeComRobotChannel.RECIPIENT_PREFIX + group, group, urgent(notice))));
    }
    enqueue(messages, notice);
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

  /** One person's messages for a notice: the mail first, then the pages their contact allows. */
  private void deliveries(String userId, String email, Contact contact, List<Channel> pages, Notice notice,
      List<Message> out) {
    out.add(new Message(Channel.MAIL, userId, email, false));
    boolean urgent = urgent(notice);
    if (contact != null && contact.mobile() != null && pages.contains(Channel.SMS)) {
      out.add(new Message(Channel.SMS, userId, contact.mobile(), urgent));
    }
    if (contact != null && contact.wecomUserId() != null && pages.contains(Channel.WECOM)) {
      out.add(new Message(Channel.WECOM, userId, contact.wecomUserId(), urgent));
    }
  }

  /** One message of a notice: over which channel, to whom, at which address (null: none known). */
  private record Message(Channel channel, String recipient, String address, boolean urgent) {}

  @Transactional(readOnly = true)
  public List<Notification> search(String recipient, Status status, String caseRef, int limit) {
    return search(recipient, status, caseRef, null, limit);
  }

  @Transactional(readOnly = true)
  public List<Notification> search(String recipient, Status status, String caseRef, Channel channel, int limit) {
    return repository.search(recipient, status, caseRef, channel, Math.min(Math.max(limit, 1), 500));
  }

  /**
   * Queues a notice's messages: one query for what the outbox already holds of their identities and one batch of
   * inserts (a task's notice to a group of ten was thirty statements). Returns each message's outcome, in order.
   */
  private List<Outcome> enqueue(List<Message> messages, Notice notice) {
    String subject = truncate(notice.subject(), 200);
    String body = truncate(notice.body(), 4000);
    List<String> keys = messages.stream().map(m -> dedupKey(notice, m)).toList();
    Map<String, Earlier> earlier = repository.latest(new LinkedHashSet<>(keys));
    Instant now = clock.instant();
    List<NewMessage> inserts = new ArrayList<>();
    Set<String> queued = new HashSet<>();
    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      Message m = messages.get(i);
      String key = keys.get(i);
      Earlier before = earlier.getOrDefault(key, new Earlier(null, null));
      if (!queued.add(key)) {
        outcomes.add(Outcome.MERGED); // the same identity twice in one notice: one message
      } else if (before.pending() != null) {
        repository.merge(before.pending().id(), subject, body, now);
        outcomes.add(Outcome.MERGED);
      } else if (before.sent() != null && before.sent().subject().equals(subject)
          && before.sent().body().equals(body)) {
        outcomes.add(Outcome.ALREADY_SENT);
      } else {
        inserts.add(new NewMessage(m.channel(), truncate(m.recipient(), 64), m.address(), notice.kind(),
            truncate(notice.caseRef(), 128), key, subject, body, m.address() == null ? Status.NO_ADDRESS
                : Status.PENDING, firstAttempt(m, now)));
        outcomes.add(Outcome.QUEUED);
      }
    }
    repository.insert(inserts, now);
    return outcomes;
  }

  /** A notice is identified by kind, case, recipient and channel (mail without a channel suffix). */
  private static String dedupKey(Notice notice, Message m) {
    return truncate(notice.kind() + "|" + notice.caseRef() + "|" + m.recipient()
        + (m.channel() == Channel.MAIL ? "" : "|" + m.channel().name()), 300);
  }

  /** Mail waits the merge window; an urgent page the page merge window; a routine page also the quiet hours. */
  private Instant firstAttempt(Message m, Instant now) {
    if (m.channel() == Channel.MAIL) {
      return now.plus(properties.mergeWindow());
    }
    return m.urgent() ? now.plus(properties.pageMergeWindow()) : quietHours.release(now.plus(properties.mergeWindow()));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
