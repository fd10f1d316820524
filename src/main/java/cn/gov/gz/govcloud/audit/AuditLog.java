package cn.gov.gz.govcloud.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The audit table: one insert per recorded request, the search, and the deletion by age. */
@Service
public class AuditLog {

  private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
  static final String INSERT = "INSERT INTO audit_event (occurred_at, user_id, action, channel, method, path, "
      + "object_type, object_id, status, outcome, client_ip, detail, search_text) "
      + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final JdbcClient jdbc;

  AuditLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Writes one row in its own auto-committed statement. A failure is logged and never fails the request: the
   * action it records has already happened.
   */
  public void record(AuditEvent e) {
    try {
      jdbc.sql(INSERT).params(insertParams(e)).update();
    } catch (RuntimeException ex) {
      LOG.error("audit row not written: {} {} by {} ({})", e.method(), e.path(), e.userId(), ex.toString());
    }
  }

  static Object[] insertParams(AuditEvent e) {
    return new Object[] {Timestamp.from(e.occurredAt()), cut(e.userId(), 128), e.action(), e.channel(), e.method(),
        cut(e.path(), 500), e.objectType(), cut(e.objectId(), 128), e.status(), e.outcome(), cut(e.clientIp(), 45),
        cut(e.detail(), 500), searchText(e.path(), e.objectId(), e.detail())};
  }

  /** What {@code q} is matched against: path, object id and detail, lower-cased. */
  static String searchText(String path, String objectId, String detail) {
    return cut((nz(path) + " " + nz(objectId) + " " + nz(detail)).toLowerCase(Locale.ROOT), 1200);
  }

  /** Filters of a search; null = any. {@code action} matches the action itself and its sub-actions. */
  record Query(String user, String action, String q, Instant from, Instant to, int page, int size) {}

  /** One page, newest first; {@code hasMore} instead of a total keeps a fuzzy search over millions of rows cheap. */
  record Page(List<AuditEvent> items, int page, int size, boolean hasMore) {}

  Page search(Query query) {
    StringBuilder sql = new StringBuilder("SELECT id, occurred_at, user_id, action, channel, method, path, "
        + "object_type, object_id, status, outcome, client_ip, detail FROM audit_event WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    if (query.user() != null) {
      sql.append(" AND user_id = ?");
      params.add(query.user());
    }
    if (query.action() != null) {
      sql.append(" AND (action = ? OR action LIKE ? ESCAPE '\\')");
      params.add(query.action());
      params.add(escapeLike(query.action()) + ".%");
    }
    if (query.q() != null) {
      sql.append(" AND search_text LIKE ? ESCAPE '\\'");
      params.add("%" + escapeLike(query.q().toLowerCase(Locale.ROOT)) + "%");
    }
    if (query.from() != null) {
      sql.append(" AND occurred_at >= ?");
      params.add(Timestamp.from(query.from()));
    }
    if (query.to() != null) {
      sql.append(" AND occurred_at < ?");
      params.add(Timestamp.from(query.to()));
    }
    sql.append(" ORDER BY occurred_at DESC, id DESC OFFSET ? ROWS FETCH FIRST ? ROWS ONLY");
    params.add((long) query.page() * query.size());
    params.add(query.size() + 1);
    List<AuditEvent> rows = jdbc.sql(sql.toString()).params(params).query(AuditLog::row).list();
    boolean more = rows.size() > query.size();
    return new Page(more ? rows.subList(0, query.size()) : rows, query.page(), query.size(), more);
  }

  /**
   * Deletes rows older than the cutoff in batches of {@code batch}, each in its own statement, so that the table is
   * never locked for long. Idempotent: several nodes may run it at the same time.
   */
  int deleteOlderThan(Instant cutoff, int batch) {
    int total = 0;
    while (true) {
      int n = jdbc.sql("DELETE FROM audit_event WHERE id IN (SELECT id FROM audit_event WHERE occurred_at < ? "
              + "ORDER BY id FETCH FIRST " + batch + " ROWS ONLY)")
          .param(Timestamp.from(cutoff)).update();
      total += n;
      if (n < batch) {
        return total;
      }
    }
  }

  private static AuditEvent row(ResultSet rs, int n) throws SQLException {
    String objectType = rs.getString("object_type");
    String objectId = rs.getString("object_id");
    return new AuditEvent(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("user_id"),
        rs.getString("action"), rs.getString("channel"), rs.getString("method"), rs.getString("path"), objectType,
        objectId, rs.getInt("status"), rs.getString("outcome"), rs.getString("client_ip"), rs.getString("detail"),
        engineLog(objectType, objectId));
  }

  /** Camunda's user operation log of the same object (who changed which property from what to what). */
  static String engineLog(String objectType, String objectId) {
    if (objectId == null) {
      return null;
    }
    return switch (objectType == null ? "" : objectType) {
      case "task" -> "/engine-rest/history/user-operation?taskId=" + objectId;
      case "process-instance" -> "/engine-rest/history/user-operation?processInstanceId=" + objectId;
      default -> null;
    };
  }

  static String escapeLike(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
