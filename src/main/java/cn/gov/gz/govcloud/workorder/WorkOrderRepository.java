package cn.gov.gz.govcloud.workorder;

import static cn.gov.gz.govcloud.engine.Sql.ts;
import static cn.gov.gz.govcloud.engine.Sql.instant;

import cn.gov.gz.govcloud.engine.CaseNumbers;
import cn.gov.gz.govcloud.access.UnitScope;
import cn.gov.gz.govcloud.workorder.WorkOrder.Channel;
import cn.gov.gz.govcloud.workorder.WorkOrder.Priority;
import cn.gov.gz.govcloud.workorder.WorkOrder.Status;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class WorkOrderRepository {

  private static final String COLUMNS = "id, order_no, process_instance_id, unit_code, business_system_code, "
      + "contact_name, contact_phone, type, priority, service_level, channel, source_ref, title, description, status, "
      + "handler_group, received_at, dispatch_due_at, dispatched_at, recover_within_s, paused_s, resolved_at, "
      + "closed_at, close_reason, reopen_count, escalation_level, satisfaction_score, satisfaction_comment, "
      + "knowledge_article_id, emergency_ref, created_by, service_hours, recovery_due_at";

  private final JdbcClient jdbc;

  WorkOrderRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(WorkOrderIntake in, int serviceLevel, String processInstanceId, String createdBy, Instant now) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO work_order (order_no, process_instance_id, unit_code, business_system_code, contact_name, "
            + "contact_phone, type, priority, service_level, channel, source_ref, title, description, status, "
            + "received_at, created_by, updated_at) VALUES (:no, :pi, :unit, :sys, :cn, :cp, :type, :prio, :lvl, "
            + ":ch, :src, :title, :descr, 'RECEIVED', :now, :by, :now)")
        .param("no", "TMP-" + java.util.UUID.randomUUID().toString().substring(0, 20))
        .param("pi", processInstanceId)
        .param("unit", in.unitCode())
        .param("sys", in.businessSystemCode())
        .param("cn", in.contactName())
        .param("cp", in.contactPhone())
        .param("type", in.type().name())
        .param("prio", in.priority().name())
        .param("lvl", serviceLevel)
        .param("ch", in.channel().name())
        .param("src", in.sourceRef())
        .param("title", in.title())
        .param("descr", in.description())
        .param("now", ts(now))
        .param("by", createdBy)
        .update(keys, "id");
    long id = keys.getKey().longValue();
    String no = CaseNumbers.of("WO", id, now);
    jdbc.sql("UPDATE work_order SET order_no = ? WHERE id = ?").params(no, id).update();
    return id;
  }

  Optional<WorkOrder> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM work_order WHERE id = ?").param(id)
        .query(WorkOrderRepository::map).optional();
  }

  Optional<WorkOrder> findByNo(String orderNo) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM work_order WHERE order_no = ?").param(orderNo)
        .query(WorkOrderRepository::map).optional();
  }

  Optional<WorkOrder> findByProcessInstance(String processInstanceId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM work_order WHERE process_instance_id = ?").param(processInstanceId)
        .query(WorkOrderRepository::map).optional();
  }

  long addAttachment(long workOrderId, String fileName, String contentType, byte[] content, String by, Instant now) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO work_order_attachment (work_order_id, file_name, content_type, size_bytes, content, "
            + "uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(workOrderId, fileName, contentType, content.length, content, by, ts(now))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  List<WorkOrderAttachment> attachments(long workOrderId) {
    return jdbc.sql("SELECT id, file_name, content_type, size_bytes, uploaded_by, uploaded_at "
            + "FROM work_order_attachment WHERE work_order_id = ? ORDER BY id")
        .param(workOrderId)
        .query((rs, i) -> new WorkOrderAttachment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
            rs.getString(5), rs.getTimestamp(6).toInstant()))
        .list();
  }

  Optional<byte[]> attachmentContent(long workOrderId, long attachmentId) {
    return jdbc.sql("SELECT content FROM work_order_attachment WHERE work_order_id = ? AND id = ?")
        .params(workOrderId, attachmentId).query((rs, i) -> rs.getBytes(1)).optional();
  }

  Optional<WorkOrder> findOpenBySource(String sourceRef) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM work_order WHERE source_ref = ? AND status <> 'CLOSED' "
            + "ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
        .param(sourceRef).query(WorkOrderRepository::map).optional();
  }

  List<WorkOrder> search(List<String> unitCodes, Status status, WorkOrderType type, Instant from, Instant to,
      int limit) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM work_order WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    if (!UnitScope.restrict(unitCodes, "unit_code", sql, params)) {
      return List.of();
    }
    if (status != null) {
      sql.append(" AND status = ?");
      params.add(status.name());
    }
    if (type != null) {
      sql.append(" AND type = ?");
      params.add(type.name());
    }
    if (from != null) {
      sql.append(" AND received_at >= ?");
      params.add(ts(from));
    }
    if (to != null) {
      sql.append(" AND received_at < ?");
      params.add(ts(to));
    }
    sql.append(" ORDER BY received_at DESC, id DESC FETCH FIRST ").append(limit).append(" ROWS ONLY");
    return jdbc.sql(sql.toString()).params(params).query(WorkOrderRepository::map).list();
  }

  /** Updates the given columns of one order (column names are ours, never from input). */
  void update(long id, Map<String, Object> columns, Instant now) {
    StringBuilder sql = new StringBuilder("UPDATE work_order SET updated_at = ?");
    List<Object> params = new ArrayList<>();
    params.add(ts(now));
    columns.forEach((column, value) -> {
      sql.append(", ").append(column).append(" = ?");
      params.add(value instanceof Instant i ? ts(i) : value instanceof Enum<?> e ? e.name() : value);
    });
    sql.append(" WHERE id = ?");
    params.add(id);
    jdbc.sql(sql.toString()).params(params).update();
  }

  void addNote(long workOrderId, String kind, String author, String text, Instant now) {
    jdbc.sql("INSERT INTO work_order_note (work_order_id, kind, author, text, created_at) VALUES (?, ?, ?, ?, ?)")
        .params(workOrderId, kind, author, text, ts(now)).update();
  }

  List<WorkOrderNote> notes(long workOrderId) {
    return jdbc.sql("SELECT kind, author, text, created_at FROM work_order_note WHERE work_order_id = ? "
            + "ORDER BY created_at, id")
        .param(workOrderId)
        .query((rs, i) -> new WorkOrderNote(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getTimestamp(4).toInstant()))
        .list();
  }

  Optional<Instant> lastNoteAt(long workOrderId, String kind) {
    return jdbc.sql("SELECT MAX(created_at) FROM work_order_note WHERE work_order_id = ? AND kind = ?")
        .params(workOrderId, kind).query(Timestamp.class).optional().map(Timestamp::toInstant);
  }

  void openPause(long workOrderId, String reason, Instant now) {
    jdbc.sql("INSERT INTO work_order_pause (work_order_id, reason, started_at) VALUES (?, ?, ?)")
        .params(workOrderId, reason, ts(now)).update();
  }

  Optional<Instant> openPauseStart(long workOrderId) {
    return jdbc.sql("SELECT started_at FROM work_order_pause WHERE work_order_id = ? AND ended_at IS NULL")
        .param(workOrderId).query(Timestamp.class).optional().map(Timestamp::toInstant);
  }

  void closePause(long workOrderId, Instant now) {
    jdbc.sql("UPDATE work_order_pause SET ended_at = ? WHERE work_order_id = ? AND ended_at IS NULL")
        .params(ts(now), workOrderId).update();
  }

  List<WorkOrderPause> pauses(long workOrderId) {
    return jdbc.sql("SELECT reason, started_at, ended_at FROM work_order_pause WHERE work_order_id = ? "
            + "ORDER BY started_at")
        .param(workOrderId)
        .query((rs, i) -> new WorkOrderPause(rs.getString(1), rs.getTimestamp(2).toInstant(),
            rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))
        .list();
  }

  /** The order's security incident category (P6 7.4.1.5), if the desk marked it as one. */
  Optional<SecurityCategory> securityCategory(long id) {
    return jdbc.sql("SELECT security_category FROM work_order WHERE id = ? AND security_category IS NOT NULL")
        .param(id).query(String.class).optional().map(SecurityCategory::valueOf);
  }

  void securityCategory(long id, SecurityCategory category, Instant now) {
    jdbc.sql("UPDATE work_order SET security_category = ?, updated_at = ? WHERE id = ?")
        .params(category == null ? null : category.name(), ts(now), id).update();
  }

  /** Rows for the statistics: every order received in [from, to). */
  List<WorkOrder> receivedBetween(Instant from, Instant to) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM work_order WHERE received_at >= ? AND received_at < ?")
        .params(ts(from), ts(to)).query(WorkOrderRepository::map).list();
  }

  private static WorkOrder map(ResultSet rs, int row) throws SQLException {
    return new WorkOrder(rs.getLong("id"), rs.getString("order_no"), rs.getString("process_instance_id"),
        rs.getString("unit_code"), rs.getString("business_system_code"), rs.getString("contact_name"),
        rs.getString("contact_phone"), WorkOrderType.valueOf(rs.getString("type")),
        Priority.valueOf(rs.getString("priority")), rs.getInt("service_level"), Channel.valueOf(rs.getString("channel")),
        rs.getString("source_ref"), rs.getString("title"), rs.getString("description"),
        Status.valueOf(rs.getString("status")), rs.getString("handler_group"), instant(rs, "received_at"),
        instant(rs, "dispatch_due_at"), instant(rs, "dispatched_at"), (Long) rs.getObject("recover_within_s", Long.class),
        rs.getLong("paused_s"), instant(rs, "resolved_at"), instant(rs, "closed_at"), rs.getString("close_reason"),
        rs.getInt("reopen_count"), rs.getInt("escalation_level"), (Integer) rs.getObject("satisfaction_score",
            Integer.class), rs.getString("satisfaction_comment"), (Long) rs.getObject("knowledge_article_id",
            Long.class), rs.getString("emergency_ref"), rs.getString("created_by"), rs.getString("service_hours"),
        instant(rs, "recovery_due_at"));
  }
}
