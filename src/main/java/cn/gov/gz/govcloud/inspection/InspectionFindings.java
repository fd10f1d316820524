package cn.gov.gz.govcloud.inspection;

import static cn.gov.gz.govcloud.inspection.InspectionSql.cut;
import static cn.gov.gz.govcloud.inspection.InspectionSql.instant;
import static cn.gov.gz.govcloud.inspection.InspectionSql.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The findings of an inspection (P6 7.2.3.1.4, 7.2.3.2.5; P3 5.1.3.5) and how each was followed up: handed to a
 * work order the inspection calls, closed when that order was done, or carried over to the next inspection.
 * A finding is OPEN, FOLLOWING (a work order runs for it), CLOSED or CARRIED_OVER.
 */
@Service
public class InspectionFindings {

  /** The process the findings are handed to (processes/work-order.bpmn), as the inspection model calls it. */
  static final String WORK_ORDER = "work-order";
  private static final String COLUMNS = "id, finding_no, inspection_id, area_id, source, title, description, "
      + "severity, unit_code, status, case_key, case_instance_id, resolution, created_at, closed_at, work_order_no";

  private final JdbcClient jdbc;
  private final Clock clock;

  InspectionFindings(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  void add(Inspection inspection, Long areaId, String source, String title, String description, String severity,
      String unitCode, Instant now) {
    long seq = jdbc.sql("SELECT COUNT(*) FROM inspection_finding WHERE inspection_id = ?").param(inspection.id())
        .query(Long.class).single() + 1;
    jdbc.sql("INSERT INTO inspection_finding (finding_no, inspection_id, area_id, source, title, description, severity, "
            + "unit_code, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)")
        .params(inspection.inspectionNo() + "-" + String.format("%03d", seq), inspection.id(), areaId, source,
            cut(title, 200), cut(description, 4000), severity, unitCode, ts(now))
        .update();
  }

  /** The ledger check's outcome: one finding per kind of difference and unit (P3 A.1 items 3 and 8). */
  @Transactional
  int recordLedgerCheck(Inspection inspection, Long runId, Map<List<String>, List<String>> groups) {
    jdbc.sql("UPDATE inspection SET reconciliation_run_id = ? WHERE id = ?").params(runId, inspection.id()).update();
    Instant now = clock.instant();
    int n = 0;
    for (var group : groups.entrySet()) {
      String kind = group.getKey().get(0);
      String unit = group.getKey().get(1);
      List<String> lines = group.getValue();
      String shown = lines.stream().limit(50).collect(Collectors.joining("\n"));
      add(inspection, null, "LEDGER", "台账核对：" + (unit == null ? "未登记单位" : unit) + " " + kind + " "
              + lines.size() + " 处",
          shown + (lines.size() > 50 ? "\n……共 " + lines.size() + " 处，详见台账核对记录（批次 " + runId + "）" : ""),
          "GENERAL", unit, now);
      n++;
    }
    return n;
  }

  long countBySource(long inspectionId, String source) {
    return jdbc.sql("SELECT COUNT(*) FROM inspection_finding WHERE inspection_id = ? AND source = ?")
        .params(inspectionId, source).query(Long.class).single();
  }

  public List<Finding> findings(long inspectionId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM inspection_finding WHERE inspection_id = ? ORDER BY id")
        .param(inspectionId).query(InspectionFindings::map).list();
  }

  Finding finding(long findingId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM inspection_finding WHERE id = ?").param(findingId)
        .query(InspectionFindings::map).single();
  }

  Optional<Finding> findByNo(String findingNo) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM inspection_finding WHERE finding_no = ?").param(findingNo)
        .query(InspectionFindings::map).optional();
  }

  /**
   * Hands every finding not yet closed to a work order: the open ones, and those whose order ended without closing
   * them (cancelled). Called while no order of the inspection runs.
   *
   * @return how many findings are handed over
   */
  @Transactional
  int offer(long inspectionId) {
    return jdbc.sql("UPDATE inspection_finding SET status = 'FOLLOWING', case_key = ?, case_instance_id = NULL "
            + "WHERE inspection_id = ? AND status IN ('OPEN', 'FOLLOWING')")
        .params(WORK_ORDER, inspectionId).update();
  }

  /** The findings handed to work orders, one work order each: the inspection model's multi-instance collection. */
  List<Long> following(long inspectionId) {
    return jdbc.sql("SELECT id FROM inspection_finding WHERE inspection_id = ? AND status = 'FOLLOWING' ORDER BY id")
        .param(inspectionId).query(Long.class).list();
  }

  /** The findings not closed nor carried over. */
  List<Finding> open(long inspectionId) {
    return findings(inspectionId).stream().filter(f -> "OPEN".equals(f.status()) || "FOLLOWING".equals(f.status()))
        .toList();
  }

  /** The work order following the finding ended: the finding is closed (a carried-over one stays carried over). */
  @Transactional
  void closeFinding(long findingId, String caseInstanceId, String workOrderNo, String resolution) {
    jdbc.sql("UPDATE inspection_finding SET status = 'CLOSED', case_instance_id = ?, resolution = ?, closed_at = ? "
            + "WHERE id = ? AND status IN ('OPEN', 'FOLLOWING')")
        .params(caseInstanceId, cut(resolution, 1000), ts(clock.instant()), findingId).update();
    if (workOrderNo != null) {
      jdbc.sql("UPDATE inspection_finding SET work_order_no = ? WHERE id = ?").params(cut(workOrderNo, 40), findingId)
          .update();
    }
  }

  /** The work order now following the finding (its number is the work order room's, read from the called instance). */
  @Transactional
  void linkOrder(long inspectionId, String findingNo, String caseInstanceId, String workOrderNo) {
    jdbc.sql("UPDATE inspection_finding SET case_instance_id = ?, work_order_no = ? WHERE inspection_id = ? "
            + "AND finding_no = ? AND status = 'FOLLOWING'")
        .params(caseInstanceId, cut(workOrderNo, 40), inspectionId, findingNo).update();
  }

  /** The manager accepts the findings still open as carried over to the next inspection (P6 7.2.3.1.4). */
  @Transactional
  int carryOver(long inspectionId, String comment, String by) {
    return jdbc.sql("UPDATE inspection_finding SET status = 'CARRIED_OVER', resolution = ?, closed_at = ? "
            + "WHERE inspection_id = ? AND status IN ('OPEN', 'FOLLOWING')")
        .params(cut("结转下次巡检跟进（" + by + "）：" + comment, 1000), ts(clock.instant()), inspectionId).update();
  }

  /** One problem found: an abnormal checklist item or a kind of ledger difference of one unit. */
  public record Finding(long id, String findingNo, long inspectionId, Long areaId, String source, String title,
      String description, String severity, String unitCode, String status, String caseKey, String caseInstanceId,
      String resolution, Instant createdAt, Instant closedAt, String workOrderNo) {}

  static Finding map(ResultSet rs, int row) throws SQLException {
    return new Finding(rs.getLong("id"), rs.getString("finding_no"), rs.getLong("inspection_id"),
        (Long) rs.getObject("area_id", Long.class), rs.getString("source"), rs.getString("title"),
        rs.getString("description"), rs.getString("severity"), rs.getString("unit_code"), rs.getString("status"),
        rs.getString("case_key"), rs.getString("case_instance_id"), rs.getString("resolution"),
        instant(rs, "created_at"), instant(rs, "closed_at"), rs.getString("work_order_no"));
  }
}
