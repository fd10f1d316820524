package cn.gov.gz.govcloud.integration;

import static cn.gov.gz.govcloud.engine.Sql.ts;
import static cn.gov.gz.govcloud.engine.Sql.instant;

import cn.gov.gz.govcloud.web.Paging;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code integration_alert}: every alert an integration reported, its state and its case. */
@Repository
class IntakeAlerts {

  /** One stored alert, as operators see it. */
  record Row(long id, String clientId, Source source, String externalId, String status, String name, String severity,
      String businessSystemCode, String category, String caseKind, String caseRef, String caseNo, String note,
      String labels, String summary, Instant startedAt, Instant endedAt, Instant firstReceivedAt,
      Instant lastReceivedAt, int deliveries, Instant resolvedAt) {}

  private final JdbcClient jdbc;

  IntakeAlerts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Map<String, Row> find(String clientId, Collection<String> externalIds) {
    Map<String, Row> out = new HashMap<>();
    List<String> ids = List.copyOf(externalIds);
    for (int i = 0; i < ids.size(); i += 500) {
      jdbc.sql("SELECT * FROM integration_alert WHERE client_id = :client AND external_id IN (:ids)")
          .param("client", clientId).param("ids", ids.subList(i, Math.min(ids.size(), i + 500)))
          .query(IntakeAlerts::map).list().forEach(r -> out.put(r.externalId(), r));
    }
    return out;
  }

  void insert(String clientId, Source source, ExternalAlert a, AlertMapping.Target t, String labels, Instant now) {
    jdbc.sql("INSERT INTO integration_alert (client_id, source, external_id, status, name, severity, "
            + "business_system_code, category, case_kind, note, labels, summary, started_at, ended_at, "
            + "first_received_at, last_received_at, resolved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(clientId, source.name(), a.externalId(), a.firing() ? "FIRING" : "RESOLVED", a.name(),
            cut(t.severity(), 32), t.businessSystemCode(), t.category(), t.kind().name(), cut(t.note(), 500), labels,
            a.summary(), ts(a.startsAt()), ts(a.endsAt()), ts(now), ts(now), a.firing() ? null : ts(resolved(a, now)))
        .update();
  }

  /** A delivery of a known alert; returns true when it changed state (fired again, or resolved). */
  boolean update(long id, ExternalAlert a, AlertMapping.Target t, String labels, Instant now) {
    int changed = a.firing()
        ? jdbc.sql("UPDATE integration_alert SET status = 'FIRING', resolved_at = NULL, ended_at = NULL "
            + "WHERE id = ? AND status <> 'FIRING'").param(id).update()
        : jdbc.sql("UPDATE integration_alert SET status = 'RESOLVED', resolved_at = ?, ended_at = ? "
            + "WHERE id = ? AND status = 'FIRING'").params(ts(resolved(a, now)), ts(a.endsAt()), id).update();
    jdbc.sql("UPDATE integration_alert SET last_received_at = ?, deliveries = deliveries + 1, name = ?, severity = ?, "
            + "business_system_code = ?, category = ?, note = ?, labels = ?, summary = ?, "
            + "started_at = COALESCE(?, started_at) WHERE id = ?")
        .params(ts(now), a.name(), cut(t.severity(), 32), t.businessSystemCode(), t.category(), cut(t.note(), 500),
            labels, a.summary(), ts(a.startsAt()), id)
        .update();
    return changed == 1;
  }

  void touch(long id, Instant now) {
    jdbc.sql("UPDATE integration_alert SET last_received_at = ?, deliveries = deliveries + 1 WHERE id = ?")
        .params(ts(now), id).update();
  }

  void linkCase(String clientId, Collection<String> externalIds, String kind, String caseRef, String caseNo) {
    jdbc.sql("UPDATE integration_alert SET case_kind = :kind, case_ref = :ref, case_no = :no, note = NULL "
            + "WHERE client_id = :client AND external_id IN (:ids)")
        .param("kind", kind).param("ref", caseRef).param("no", caseNo).param("client", clientId)
        .param("ids", List.copyOf(externalIds)).update();
  }

  List<Row> search(String clientId, String status, String caseNo, Paging paging) {
    StringBuilder sql = new StringBuilder("SELECT * FROM integration_alert WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    if (clientId != null) {
      sql.append(" AND client_id = ?");
      params.add(clientId);
    }
    if (status != null) {
      sql.append(" AND status = ?");
      params.add(status);
    }
    if (caseNo != null) {
      sql.append(" AND case_no = ?");
      params.add(caseNo);
    }
    sql.append(" ORDER BY last_received_at DESC, id DESC OFFSET ").append(paging.offset())
        .append(" ROWS FETCH NEXT ").append(paging.size()).append(" ROWS ONLY");
    return jdbc.sql(sql.toString()).params(params).query(IntakeAlerts::map).list();
  }

  private static Instant resolved(ExternalAlert a, Instant now) {
    return a.endsAt() != null && !a.endsAt().isAfter(now) ? a.endsAt() : now;
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  private static Row map(ResultSet rs, int row) throws SQLException {
    return new Row(rs.getLong("id"), rs.getString("client_id"), Source.valueOf(rs.getString("source")),
        rs.getString("external_id"), rs.getString("status"), rs.getString("name"), rs.getString("severity"),
        rs.getString("business_system_code"), rs.getString("category"), rs.getString("case_kind"),
        rs.getString("case_ref"), rs.getString("case_no"), rs.getString("note"), rs.getString("labels"),
        rs.getString("summary"), instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("ended_at")),
        instant(rs.getTimestamp("first_received_at")), instant(rs.getTimestamp("last_received_at")),
        rs.getInt("deliveries"), instant(rs.getTimestamp("resolved_at")));
  }
}
