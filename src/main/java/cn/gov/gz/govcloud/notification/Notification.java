package cn.gov.gz.govcloud.notification;

import java.time.Instant;

/** One message in the outbox, as REST shows it. */
public record Notification(long id, String recipient, String email, String kind, String caseRef, String subject,
    String body, int mergedCount, Status status, int attempts, Instant nextAttemptAt, String lastError,
    Instant createdAt, Instant sentAt) {

  /** PENDING: waiting for (another) delivery attempt; SENT: delivered; NO_ADDRESS: the person has no mail address. */
  public enum Status {
    PENDING, SENT, NO_ADDRESS
  }
}
