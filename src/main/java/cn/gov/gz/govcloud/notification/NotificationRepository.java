package cn.gov.gz.govcloud.notification;

import static cn.gov.gz.govcloud.engine.Sql.ts;
import static cn.gov.gz.govcloud.engine.Sql.instant;

import cn.gov.gz.govcloud.notification.Notification.Status;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class NotificationRepository {

  private static final String COLUMNS = "id, recipient, email, channel, address, kind, case_ref, subject, body, "
      + "merged_count, status, attempts, next_attempt_at, last_error, created_at, sent_at";

  /** Identities per query: well inside every database's limit of bind parameters. */
  private static final int IN_LIST = 500;

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  NotificationRepository(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  /** The newest waiting and the newest sent message of each identity ({@code dedup_key}), in one query. */
  Map<String, Earlier> latest(Collection<String> dedupKeys) {
    Map<String, Earlier> out = new HashMap<>();
    List<String> keys = List.copyOf(dedupKeys);
    for (int from = 0; from < keys.size(); from += IN_LIST) {
      List<String> chunk = keys.subList(from, Math.min(keys.size(), from + IN_LIST));
      jdbc.sql("SELECT dedup_key, " + COLUMNS + " FROM notification WHERE dedup_key IN ("
              + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ") AND status IN ('PENDING', 'SENT') "
              + "ORDER BY id DESC")
          .params(chunk)
          .query((rs, i) -> Map.entry(rs.getString("dedup_key"), map(rs, i))).list()
          .forEach(e -> out.merge(e.getKey(), Earlier.of(e.getValue()), Earlier::olderFrom));
    }
    return out;
  }

  /** The newest waiting ({@code PENDING}) and sent message of one identity, either may be null. */
  record Earlier(Notification pending, Notification sent) {
    static Earlier of(Notification n) {
      return n.status() == Status.PENDING ? new Earlier(n, null) : new Earlier(null, n);
    }

    /** This (newer) one, filled in with what an older row adds. */
    Earlier olderFrom(Earlier older) {
      return new Earlier(pending != null ? pending : older.pending, sent != null ? sent : older.sent);
    }
  }

  /** A new message for the outbox. */
  record NewMessage(Channel channel, String recipient, String address, String kind, String caseRef, String dedupKey,
      String subject, String body, Status status, Instant nextAttemptAt) {}

  /** Queues the messages in one batch. */
  void insert(List<NewMessage> messages, Instant now) {
    if (messages.isEmpty()) {
      return;
    }
    batch.batchUpdate("INSERT INTO notification (channel, recipient, email, address, kind, case_ref, dedup_key, "
            + "subject, body, status, next_attempt_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            + "?, ?)", messages.stream().map(m -> new Object[] {m.channel().name(), m.recipient(),
                m.channel() == Channel.MAIL ? m.address() : null, m.address(), m.kind(), m.caseRef(), m.dedupKey(),
                m.subject(), m.body(), m.status().name(), ts(m.nextAttemptAt()), ts(now), ts(now)}).toList());
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
