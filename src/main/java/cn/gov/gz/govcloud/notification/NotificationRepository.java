package cn.gov.gz.govcloud.notification;

import static cn.gov.gz.govcloud.engine.Sql.ts;
import static cn.gov.gz.govcloud.engine.Sql.instant;

import cn.gov.gz.govcloud.notification.Notification.Status;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class NotificationRepository {

  private static final String COLUMNS = "id, recipient, email, channel, address, kind, case_ref, subject, body, "
      + "merged_count, status, attempts, next_attempt_at, last_error, created_at, sent_at";

  private final JdbcClient jdbc;

  NotificationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Notification> latest(String dedupKey, Status status) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM notification WHERE dedup_key = ? AND status = ? ORDER BY id DESC "
            + "FETCH FIRST 1 ROWS ONLY")
        .param(dedupKey).param(status.name())
        .query(NotificationRepository::map).optional();
  }

  void insert(Channel channel, String recipient, String address, String kind, String caseRef, String dedupKey,
      String subject, String body, Status status, Instant nextAttemptAt, Instant now) {
    jdbc.sql("INSERT INTO notification (channel, recipient, email, address, kind, case_ref, dedup_key, subject, body, "
            + "status, next_attempt_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(channel.name(), recipient, channel == Channel.MAIL ? address : null, address, kind, caseRef, dedupKey,
            subject, body, status.name(), ts(nextAttemptAt), ts(now), ts(now))
        .update();
  }

  void merge(long id, String subject, String body, Instant now) {
    jdbc.sql("UPDATE notification SET subject = ?, body = ?, merged_count = merged_count + 1, updated_at = ? "
            + "WHERE id = ?")
        .params(subject, body, ts(now), id).update();
  }

  List<Long> dueIds(Channel channel, Instant now, int limit) {
    return jdbc.sql("SELECT id FROM notification WHERE channel = ? AND status = 'PENDING' AND next_attempt_at <= ? "
            + "AND (locked_until IS NULL OR locked_until < ?) ORDER BY next_attempt_at, id "
            + "FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY")
        .params(channel.name(), ts(now), ts(now)).query(Long.class).list();
  }

  /** Takes one message for delivery; false when another node took it first. */
  boolean claim(long id, Instant now, Instant lockedUntil) {
    return jdbc.sql("UPDATE notification SET locked_until = ? WHERE id = ? AND status = 'PENDING' "
            + "AND (locked_until IS NULL OR locked_until < ?)")
        .params(ts(lockedUntil), id, ts(now)).update() == 1;
  }

  Optional<Notification> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM notification WHERE id = ?").param(id)
        .query(NotificationRepository::map).optional();
  }

  void markSent(long id, Instant now) {
    jdbc.sql("UPDATE notification SET status = 'SENT', sent_at = ?, updated_at = ?, locked_until = NULL, "
            + "last_error = NULL, attempts = attempts + 1 WHERE id = ?")
        .params(ts(now), ts(now), id).update();
  }

  void markFailed(long id, String error, Instant nextAttemptAt, Instant now) {
    jdbc.sql("UPDATE notification SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?, updated_at = ?, "
            + "locked_until = NULL WHERE id = ?")
        .params(error, ts(nextAttemptAt), ts(now), id).update();
  }

  List<Notification> search(String recipient, Status status, String caseRef, Channel channel, int limit) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM notification WHERE 1 = 1");
    var params = new java.util.ArrayList<Object>();
    if (channel != null) {
      sql.append(" AND channel = ?");
      params.add(channel.name());
    }
    if (recipient != null) {
      sql.append(" AND recipient = ?");
      params.add(recipient);
    }
    if (status != null) {
      sql.append(" AND status = ?");
      params.add(status.name());
    }
    if (caseRef != null) {
      sql.append(" AND case_ref = ?");
      params.add(caseRef);
    }
    sql.append(" ORDER BY id DESC FETCH FIRST ").append(Math.max(1, limit)).append(" ROWS ONLY");
    return jdbc.sql(sql.toString()).params(params).query(NotificationRepository::map).list();
  }

  private static Notification map(ResultSet rs, int row) throws SQLException {
    return new Notification(rs.getLong("id"), rs.getString("recipient"), rs.getString("email"),
        Channel.valueOf(rs.getString("channel")), rs.getString("address"), rs.getString("kind"),
        rs.getString("case_ref"), rs.getString("subject"), rs.getString("body"), rs.getInt("merged_count"),
        Status.valueOf(rs.getString("status")), rs.getInt("attempts"), instant(rs.getTimestamp("next_attempt_at")),
        rs.getString("last_error"), instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("sent_at")));
  }
}
