package cn.gov.gz.govcloud.resourceapplication;

import static cn.gov.gz.govcloud.engine.Sql.ts;

import cn.gov.gz.govcloud.engine.CaseNumbers;
import cn.gov.gz.govcloud.access.UnitScope;
import cn.gov.gz.govcloud.resourceapplication.ResourceApplication.Line;
import cn.gov.gz.govcloud.resourceapplication.ResourceApplication.Status;
import cn.gov.gz.govcloud.resourceapplication.ResourceApplication.Urgency;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class ApplicationRepository {

  private static final String COLUMNS = "id, application_no, external_ref, process_instance_id, unit_code, "
      + "business_system_code, purpose, urgency, idle_justification, status, decision_reason, applicant, created_at, "
      + "closed_at";

  private final JdbcClient jdbc;

  ApplicationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The important assurance covering a business system now (P6 7.3.3.3 b), from the assurance room's view
   * {@code rv_assurance_active}: its number and event name, or empty.
   */
  java.util.Optional<String> assuranceCovering(String businessSystemCode, java.time.Instant at) {
    return jdbc.sql("SELECT assurance_no, event_name FROM rv_assurance_active WHERE business_system_code = ? "
            + "AND period_from <= ? AND period_to > ? ORDER BY assurance_no")
        .params(businessSystemCode, java.sql.Timestamp.from(at), java.sql.Timestamp.from(at))
        .query((rs, n) -> rs.getString(2) + "，" + rs.getString(1)).list().stream().findFirst();
  }

  long insert(String externalRef, String processInstanceId, String unit, String system, String purpose,
      Urgency urgency, String justification, String applicant, Instant now) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO resource_application (application_no, external_ref, process_instance_id, unit_code, "
            + "business_system_code, purpose, urgency, idle_justification, status, applicant, created_at, updated_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'SUBMITTED', ?, ?, ?)")
        .params("TMP-" + java.util.UUID.randomUUID().toString().substring(0, 20), externalRef, processInstanceId, unit,
            system, purpose, urgency.name(), justification, applicant, ts(now), ts(now))
        .update(keys, "id");
    long id = keys.getKey().longValue();
    String no = CaseNumbers.of("RA", id, now);
    jdbc.sql("UPDATE resource_application SET application_no = ? WHERE id = ?").params(no, id).update();
    return id;
  }

  void replaceLines(long applicationId, List<Line> lines) {
    jdbc.sql("DELETE FROM application_line WHERE application_id = ?").param(applicationId).update();
    for (Line l : lines) {
      jdbc.sql("INSERT INTO application_line (application_id, line_no, type, vcpu, memory_gb, disk_tb, os, brand, "
              + "model, quantity, duration_months) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(applicationId, l.lineNo(), l.type(), l.vcpu(), l.memoryGb(), l.diskTb(), l.os(), l.brand(),
              l.model(), l.quantity(), l.durationMonths())
          .update();
    }
  }

  Optional<ResourceApplication> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM resource_application WHERE id = ?").param(id)
        .query(this::map).optional();
  }

  Optional<ResourceApplication> findByNo(String no) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM resource_application WHERE application_no = ?").param(no)
        .query(this::map).optional();
  }

  Optional<ResourceApplication> findByExternalRef(String ref) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM resource_application WHERE external_ref = ?").param(ref)
        .query(this::map).optional();
  }

  Optional<ResourceApplication> findByProcessInstance(String processInstanceId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM resource_application WHERE process_instance_id = ?")
        .param(processInstanceId).query(this::map).optional();
  }

  List<ResourceApplication> search(List<String> units, Status status, int limit) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM resource_application WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    if (!UnitScope.restrict(units, "unit_code", sql, params)) {
      return List.of();
    }
    if (status != null) {
      sql.append(" AND status = ?");
      params.add(status.name());
    }
    sql.append(" ORDER BY id DESC FETCH FIRST ").append(limit).append(" ROWS ONLY");
    return jdbc.sql(sql.toString()).params(params).query(this::map).list();
  }

  void status(long id, Status status, String reason, boolean closes, Instant now) {
    jdbc.sql("UPDATE resource_application SET status = ?, decision_reason = COALESCE(?, decision_reason), "
            + "updated_at = ?, closed_at = CASE WHEN ? THEN ? ELSE closed_at END WHERE id = ?")
        .params(status.name(), reason, ts(now), closes, ts(now), id).update();
  }

  void justification(long id, String text) {
    jdbc.sql("UPDATE resource_application SET idle_justification = ? WHERE id = ?").params(text, id).update();
  }

  void event(long id, String kind, String author, String text, Instant now) {
    jdbc.sql("INSERT INTO application_event (application_id, kind, author, text, created_at) VALUES (?, ?, ?, ?, ?)")
        .params(id, kind, author, text.length() > 4000 ? text.substring(0, 4000) : text, ts(now)).update();
  }

  List<ApplicationEvent> events(long id) {
    return jdbc.sql("SELECT kind, author, text, created_at FROM application_event WHERE application_id = ? "
            + "ORDER BY created_at, id").param(id)
        .query((rs, i) -> new ApplicationEvent(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getTimestamp(4).toInstant()))
        .list();
  }

  void replaceDeliveries(long id, List<DeliveryInput> deliveries, String by, Instant now) {
    jdbc.sql("DELETE FROM application_delivery WHERE application_id = ?").param(id).update();
    for (DeliveryInput d : deliveries) {
      jdbc.sql("INSERT INTO application_delivery (application_id, line_no, resource_id, ip, location, vcpu, "
              + "memory_gb, disk_tb, brand, model, delivered_by, delivered_at) "
              + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(id, d.lineNo(), d.resourceId().strip(), d.ip(), d.location(), d.vcpu(), d.memoryGb(), d.diskTb(),
              d.brand(), d.model(), by, ts(now))
          .update();
    }
  }

  List<DeliveryInput> deliveries(long id) {
    return jdbc.sql("SELECT line_no, resource_id, ip, location, vcpu, memory_gb, disk_tb, brand, model "
            + "FROM application_delivery WHERE application_id = ? ORDER BY line_no, id").param(id)
        .query((rs, i) -> new DeliveryInput(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
            (Integer) rs.getObject(5, Integer.class), (Integer) rs.getObject(6, Integer.class), rs.getBigDecimal(7),
            rs.getString(8), rs.getString(9)))
        .list();
  }

  private List<Line> lines(long id) {
    return jdbc.sql("SELECT line_no, type, vcpu, memory_gb, disk_tb, os, brand, model, quantity, duration_months "
            + "FROM application_line WHERE application_id = ? ORDER BY line_no").param(id)
        .query((rs, i) -> new Line(rs.getInt(1), rs.getString(2), (Integer) rs.getObject(3, Integer.class),
            (Integer) rs.getObject(4, Integer.class), rs.getBigDecimal(5), rs.getString(6), rs.getString(7),
            rs.getString(8), rs.getInt(9), (Integer) rs.getObject(10, Integer.class)))
        .list();
  }

  private ResourceApplication map(ResultSet rs, int row) throws SQLException {
    long id = rs.getLong("id");
    return new ResourceApplication(id, rs.getString("application_no"), rs.getString("external_ref"),
        rs.getString("process_instance_id"), rs.getString("unit_code"), rs.getString("business_system_code"),
        rs.getString("purpose"), Urgency.valueOf(rs.getString("urgency")), rs.getString("idle_justification"),
        Status.valueOf(rs.getString("status")), rs.getString("decision_reason"), rs.getString("applicant"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("closed_at") == null ? null : rs.getTimestamp("closed_at").toInstant(), lines(id));
  }
}
