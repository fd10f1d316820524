package cn.gov.gz.govcloud.governance;

import cn.gov.gz.govcloud.access.NotFoundException;
import cn.gov.gz.govcloud.compliance.Implements;
import cn.gov.gz.govcloud.engine.CaseNumbers;
import cn.gov.gz.govcloud.web.ValidationException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The periodic security awareness and operation assessments of the operations staff: one result row per active staff
 * member (PENDING; PASSED; RETAKE after a failure with attempts left; FAILED; ABSENT when the due date passed).
 */
@Implements(value = "P6 7.4.1.3", what = "b) 定期开展安全意识、安全操作考核，形成考核评价（成绩、补考、结果）")
@Service
public class AssessmentService {

  static final Map<String, String> RESULT_LABELS = Map.of("PENDING", "待考核", "PASSED", "通过", "RETAKE", "待补考",
      "FAILED", "未通过", "ABSENT", "缺考");
  private static final String COLUMNS = "id, assessment_no, title, status, due_at, pass_score, report_id, "
      + "process_instance_id, created_by, created_at";

  private final JdbcClient jdbc;
  private final StaffService staff;
  private final Clock clock;

  AssessmentService(JdbcClient jdbc, StaffService staff, Clock clock) {
    this.jdbc = jdbc;
    this.staff = staff;
    this.clock = clock;
  }

  public record Assessment(long id, String assessmentNo, String title, String status, Instant dueAt, int passScore,
      Long reportId, String processInstanceId, String createdBy, Instant createdAt) {}

  /** One staff member's result. */
  public record Result(long staffId, String name, String post, String status, int attempts, Integer firstScore,
      Integer score, String note, String recordedBy, Instant recordedAt, int reminders) {

    public String statusLabel() {
      return RESULT_LABELS.getOrDefault(status, status);
    }
  }

  public boolean exists(String assessmentNo) {
    return jdbc.sql("SELECT COUNT(*) FROM security_assessment WHERE assessment_no = ?").param(assessmentNo)
        .query(Long.class).single() > 0;
  }

  /**
   * Opens an assessment of every active staff member; the number is the given one (the half-year's, so that the
   * schedule run twice makes one) or KH + day + id. Refused (empty) when nobody is active.
   */
  @Transactional
  public Optional<Assessment> open(String assessmentNo, String title, Instant due, int passScore,
      String processInstanceId, String by) {
    List<StaffService.Staff> active = staff.active();
    if (active.isEmpty()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    var keys = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO security_assessment (assessment_no, title, status, due_at, pass_score, process_instance_id, "
            + "created_by, created_at) VALUES (?, ?, 'OPEN', ?, ?, ?, ?, ?)")
        .params(assessmentNo == null ? "KH-PENDING-" + System.nanoTime() : assessmentNo, title, Timestamp.from(due),
            passScore, processInstanceId, by, Timestamp.from(now))
        .update(keys, "id");
    long id = keys.getKey().longValue();
    if (assessmentNo == null) {
      jdbc.sql("UPDATE security_assessment SET assessment_no = ? WHERE id = ?").params(CaseNumbers.of("KH", id, now),
          id).update();
    }
    for (StaffService.Staff s : active) {
      jdbc.sql("INSERT INTO security_assessment_result (assessment_id, staff_id, status) VALUES (?, ?, 'PENDING')")
          .params(id, s.id()).update();
    }
    return Optional.of(get(id));
  }

  /** The staff still to be assessed in this round (PENDING or RETAKE), the model's multi-instance collection. */
  public List<Long> open(long assessmentId) {
    return jdbc.sql("SELECT r.staff_id FROM security_assessment_result r JOIN ops_staff s ON s.id = r.staff_id "
            + "WHERE r.assessment_id = ? AND r.status IN ('PENDING', 'RETAKE') ORDER BY s.name, s.id")
        .param(assessmentId).query(Long.class).list();
  }

  /** Records a score (0–100): passed at the pass score, else a retake while attempts are left, else failed. */
  @Transactional
  public Result score(long assessmentId, long staffId, Object score, String note, String by, int attempts) {
    Assessment a = get(assessmentId);
    int s = Scores.whole(score, AssessmentVariables.SCORE, "考核成绩", 0, 100);
    String n = Scores.optional(note, AssessmentVariables.NOTE, "备注", 500);
    Result r = result(assessmentId, staffId);
    if (!"PENDING".equals(r.status()) && !"RETAKE".equals(r.status())) {
      throw ValidationException.of("staffId", r.name() + " 的考核已" + r.statusLabel());
    }
    int tries = r.attempts() + 1;
    String status = s >= a.passScore() ? "PASSED" : tries < attempts ? "RETAKE" : "FAILED";
    jdbc.sql("UPDATE security_assessment_result SET status = ?, attempts = ?, first_score = COALESCE(first_score, ?), "
            + "score = ?, note = ?, recorded_by = ?, recorded_at = ? WHERE assessment_id = ? AND staff_id = ?")
        .params(status, tries, s, s, n, by, Timestamp.from(clock.instant()), assessmentId, staffId).update();
    return result(assessmentId, staffId);
  }

  /** The due date passed without a score: 缺考. */
  public void absent(long assessmentId, long staffId) {
    jdbc.sql("UPDATE security_assessment_result SET status = 'ABSENT' WHERE assessment_id = ? AND staff_id = ? "
        + "AND status IN ('PENDING', 'RETAKE')").params(assessmentId, staffId).update();
  }

  public void reminded(long assessmentId, long staffId) {
    jdbc.sql("UPDATE security_assessment_result SET reminders = reminders + 1 WHERE assessment_id = ? "
        + "AND staff_id = ?").params(assessmentId, staffId).update();
  }

  public int retakes(long assessmentId) {
    return jdbc.sql("SELECT COUNT(*) FROM security_assessment_result WHERE assessment_id = ? AND status = 'RETAKE'")
        .param(assessmentId).query(Integer.class).single();
  }

  public void due(long assessmentId, Instant due) {
    jdbc.sql("UPDATE security_assessment SET due_at = ? WHERE id = ?").params(Timestamp.from(due), assessmentId)
        .update();
  }

  public void filed(long assessmentId, long reportId) {
    jdbc.sql("UPDATE security_assessment SET status = 'CLOSED', report_id = ? WHERE id = ?").params(reportId,
        assessmentId).update();
  }

  public Assessment get(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM security_assessment WHERE id = ?").param(id)
        .query(AssessmentService::assessment).optional()
        .orElseThrow(() -> new NotFoundException("考核不存在: " + id));
  }

  public Assessment get(String assessmentNo) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM security_assessment WHERE assessment_no = ?").param(assessmentNo)
        .query(AssessmentService::assessment).optional()
        .orElseThrow(() -> new NotFoundException("考核不存在: " + assessmentNo));
  }

  public Optional<Assessment> findByProcessInstance(String processInstanceId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM security_assessment WHERE process_instance_id = ?")
        .param(processInstanceId).query(AssessmentService::assessment).optional();
  }

  public List<Assessment> list(int limit) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM security_assessment ORDER BY created_at DESC, id DESC FETCH FIRST "
        + Math.min(Math.max(limit, 1), 500) + " ROWS ONLY").query(AssessmentService::assessment).list();
  }

  public Result result(long assessmentId, long staffId) {
    return results(" AND r.staff_id = " + staffId, assessmentId).stream().findFirst()
        .orElseThrow(() -> ValidationException.of("staffId", "该人员不在本次考核范围内: " + staffId));
  }

  public List<Result> results(long assessmentId) {
    return results("", assessmentId);
  }

  private List<Result> results(String and, long assessmentId) {
    return jdbc.sql("SELECT r.staff_id, s.name, s.post, r.status, r.attempts, r.first_score, r.score, r.note, "
            + "r.recorded_by, r.recorded_at, r.reminders FROM security_assessment_result r "
            + "JOIN ops_staff s ON s.id = r.staff_id WHERE r.assessment_id = ?" + and + " ORDER BY s.name, s.id")
        .param(assessmentId)
        .query((rs, i) -> {
          Timestamp at = rs.getTimestamp("recorded_at");
          return new Result(rs.getLong("staff_id"), rs.getString("name"), rs.getString("post"),
              rs.getString("status"), rs.getInt("attempts"), integer(rs, "first_score"), integer(rs, "score"),
              rs.getString("note"), rs.getString("recorded_by"), at == null ? null : at.toInstant(),
              rs.getInt("reminders"));
        }).list();
  }

  private static Integer integer(ResultSet rs, String column) throws SQLException {
    int v = rs.getInt(column);
    return rs.wasNull() ? null : v;
  }

  private static Assessment assessment(ResultSet rs, int row) throws SQLException {
    long report = rs.getLong("report_id");
    Long reportId = rs.wasNull() ? null : report;
    return new Assessment(rs.getLong("id"), rs.getString("assessment_no"), rs.getString("title"),
        rs.getString("status"), rs.getTimestamp("due_at").toInstant(), rs.getInt("pass_score"), reportId,
        rs.getString("process_instance_id"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
  }
}
