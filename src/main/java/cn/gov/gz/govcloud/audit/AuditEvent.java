package cn.gov.gz.govcloud.audit;

import java.time.Instant;

/**
 * One audit row: who ({@code userId}, null if unknown), when, what (action, method, path, object), with what outcome
 * (HTTP status and {@code success}, {@code denied} or {@code error}), from where (client address) and over which
 * channel ({@code engine-rest}, {@code webapp}, {@code api}). {@code engineLog} points at Camunda's own user operation
 * log for the task or process instance, where the engine keeps the detail of the change (old and new values).
 * {@code kept} is set when the row is kept beyond the retention period (GB/T 34077.3 8.4.3 f 4), null otherwise.
 */
public record AuditEvent(Long id, Instant occurredAt, String userId, String action, String channel, String method,
    String path, String objectType, String objectId, int status, String outcome, String clientIp, String detail,
    String engineLog, Kept kept) {

  /** A row as the filter writes it: not (yet) marked to keep. */
  public AuditEvent(Long id, Instant occurredAt, String userId, String action, String channel, String method,
      String path, String objectType, String objectId, int status, String outcome, String clientIp, String detail,
      String engineLog) {
    this(id, occurredAt, userId, action, channel, method, path, objectType, objectId, status, outcome, clientIp,
        detail, engineLog, null);
  }

  /**
   * Why a row outlives the retention period: marked by a user ({@code by} the user id) or by the rule {@code
   * govcloud.audit.always-keep} ({@code by} = {@code system}).
   */
  public record Kept(Instant at, String by, String reason) {}

  static String outcomeOf(int status) {
    if (status == 401 || status == 403) {
      return "denied";
    }
    return status >= 400 ? "error" : "success";
  }
}
