package cn.gov.gz.govcloud.audit;

import cn.gov.gz.govcloud.compliance.Implements;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The audit table: one insert per recorded request, the search, marking rows to keep beyond the retention period, and
 * the deletion by age of the rows not kept.
 */
@Implements(value = "GB 8.4.2 g 6", what = "服务过程审计：每项办理操作记录人员、时间、对象、结果和来源地址")
@Implements(value = "P6 7.4.1.3 d", what = "安全审计")
@Implements(value = "P6 7.6.2.2", what = "运营服务全过程记录：每项操作记入审计记录（各流程另有案件时间线）")
@Implements(value = "P3 5.5.2.1", what = "记录服务全过程并存档")
@Service
class AuditLog {

  private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
  static final String INSERT = "INSERT INTO audit_event (occurred_at, user_id, action, channel, method, path, "
      + "object_type, object_id, status, outcome, client_ip, detail, search_text, kept_at, kept_by, keep_reason) "
      + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  static final String COLUMNS = "id, occurred_at, user_id, action, channel, method, path, object_type, object_id, "
      + "status, outcome, client_ip, detail, kept_at, kept_by, keep_reason";
  /** Who marks a row kept by the rule {@code govcloud.audit.always-keep}. */
  static final String RULE = "system";

  private final JdbcClient jdbc;
  private final List<String> alwaysKeep;

  AuditLog(JdbcClient jdbc, AuditProperties properties) {
    this.jdbc = jdbc;
    this.alwaysKeep = properties.alwaysKeep();
  }

  /**
   * Writes one row in its own auto-committed statement. A failure is logged and never fails the request: the
   * action it records has already happened.
   */
  public void record(AuditEvent e) {
    try {
      jdbc.sql(INSERT).params(insertParams(keptByRule(e))).update();
    } catch (RuntimeException ex) {
      LOG.error("audit row not written: {} {} by {} ({})", e.method(), e.path(), e.userId(), ex.toString());
    }
  }

  static Object[] insertParams(AuditEvent e) {
    AuditEvent.Kept k = e.kept();
    return new Object[] {Timestamp.from(e.occurredAt()), cut(e.userId(), 128), e.action(), e.channel(), e.method(),
        cut(e.path(), 500), e.objectType(), cut(e.objectId(), 128), e.status(), e.outcome(), cut(e.clientIp(), 45),
        cut(e.detail(), 500), searchText(e.path(), e.objectId(), e.detail()),
        k == null ? null : Timestamp.from(k.at()), k == null ? null : k.by(), k == null ? null : cut(k.reason(), 200)};
  }

  /** The row as written: kept from the start when its action is one of {@code govcloud.audit.always-keep}. */
  AuditEvent keptByRule(AuditEvent e) {
    if (e.kept() != null || e.action() == null) {
      return e;
    }
    for (String a : alwaysKeep) {
      if (e.action().equals(a) || e.action().startsWith(a + ".")) {
        return new AuditEvent(e.id(), e.occurredAt(), e.userId(), e.action(), e.channel(), e.method(), e.path(),
            e.objectType(), e.objectId(), e.status(), e.outcome(), e.clientIp(), e.detail(), e.engineLog(),
            new AuditEvent.Kept(e.occurredAt(), RULE, "按规则长期保存：" + a));
      }
    }
    return e;
  }

  /** What {@code q} is matched against: path, object id and detail, lower-cased. */
  static String searchText(String path, String objectId, String detail) {
    return cut((nz(path) + " " + nz(objectId) + " " + nz(detail)).toLowerCase(Locale.ROOT), 1200);
  }

  /** Filters of a search; null = any. {@code action} matches the action itself and its sub-actions. */
  record Query(String user, String action, String q, Instant from, Instant to, Boolean kept, int page, int size) {}

  /** One page, newest first; {@code hasMore} instead of a total keeps a fuzzy search over millions of rows cheap. */
  record Page(List<AuditEvent> items, int page, int size, boolean hasMore) {}

  Page search(Query query) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_event WHERE 1 = 1");
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
    if (query.kept() != null) {
      sql.append(query.kept() ? " AND kept_at IS NOT NULL" : " AND kept_at IS NULL");
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

  Optional<AuditEvent> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM audit_event WHERE id = ?").param(id).query(AuditLog::row).optional();
  }

  /**
   * Marks a row to keep beyond the retention period; marking a kept row again replaces who, when and why. Returns
   * false when there is no such row (it may have been deleted by the retention already).
   */
  boolean keep(long id, String by, String reason, Instant at) {
    return jdbc.sql("UPDATE audit_event SET kept_at = ?, kept_by = ?, keep_reason = ? WHERE id = ?")
        .params(Timestamp.from(at), cut(by, 128), cut(reason, 200), id).update() == 1;
  }

  /** Returns a kept row to the retention period: the next cleanup deletes it if it is old enough. */
  boolean release(long id) {
    return jdbc.sql("UPDATE audit_event SET kept_at = NULL, kept_by = NULL, keep_reason = NULL WHERE id = ?")
        .param(id).update() == 1;
  }

  /**
   * Deletes rows older than the cutoff in batches of {@code batch}, each in its own statement, so that the table is
   * never locked for long. Idempotent: several nodes may run it at the same time.
   */
  int deleteOlderThan(Instant cutoff, int batch) {
    int total = 0;
    while (true) {
      int n = jdbc.sql("DELETE FROM audit_event WHERE id IN (SELECT id FROM audit_event WHERE occurred_at < ? "
              + "AND kept_at IS NULL ORDER BY id FETCH FIRST " + batch + " ROWS ONLY)")
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
    Timestamp kept = rs.getTimestamp("kept_at");
    return new AuditEvent(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("user_id"),
        rs.getString("action"), rs.getString("channel"), rs.getString("method"), rs.getString("path"), objectType,
        objectId, rs.getInt("status"), rs.getString("outcome"), rs.getString("client_ip"), rs.getString("detail"),
        engineLog(objectType, objectId), kept == null ? null
            : new AuditEvent.Kept(kept.toInstant(), rs.getString("kept_by"), rs.getString("keep_reason")));
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
