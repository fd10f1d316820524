package cn.gov.gz.govcloud.notification;

import java.time.Instant;

/**
 * One message in the outbox, as REST shows it: to whom ({@code recipient}, a user id, or {@code robot:<group>} for a
 * group chat's robot), over which {@code channel} to which {@code address} (mail address, mobile number, WeCom user
 * id, or the group), and what became of it.
 */
public record Notification(long id, String recipient, String email, Channel channel, String address, String kind,
    String caseRef, String subject, String body, int mergedCount, Status status, int attempts, Instant nextAttemptAt,
    String lastError, Instant createdAt, Instant sentAt) {

  /** PENDING: waiting for (another) delivery attempt; SENT: delivered; NO_ADDRESS: the person has no mail address. */
  public enum Status {
    PENDING, SENT, NO_ADDRESS
  }
}
