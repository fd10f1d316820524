package cn.gov.gz.govcloud.evaluation;

import cn.gov.gz.govcloud.access.AccessDeniedException;
import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.access.NotFoundException;
import cn.gov.gz.govcloud.access.UnitScope;
import cn.gov.gz.govcloud.compliance.Implements;
import cn.gov.gz.govcloud.report.ReportArchive;
import cn.gov.gz.govcloud.report.ReportDocument;
import cn.gov.gz.govcloud.web.ValidationException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * Feedback on archived reports (P6 7.6.2.5 收集相关方反馈意见) and the provider's answer and action (7.6.2.6 根据反馈意见对
 * 报表、报告进行改进). A unit gives feedback on the reports it may read (its own unit's); management and the supervisor on
 * any. Unit users see their own unit's feedback only.
 */
@Implements(value = "P6 7.6.2.5", what = "收集相关方对报表、报告的反馈意见")
@Implements(value = "P6 7.6.2.6", what = "根据反馈意见对报告进行改进并记录答复")
@Service
public class ReportFeedbackService {

  static final Map<String, String> ACTIONS = Map.of("REVISE", "修订本报告", "IMPROVE_NEXT", "在以后的报告中改进",
      "EXPLAIN", "说明情况，不作修改");
  static final Map<String, String> PARTIES = Map.of("UNIT", "使用单位", "MANAGEMENT", "管理方", "SUPERVISOR", "监理方");
  private static final String COLUMNS = "id, report_id, report_title, unit_code, party, content, submitted_by, "
      + "submitted_at, process_instance_id, status, action, answer, answered_by, answered_at";

  private final JdbcClient jdbc;
  private final ReportArchive archive;
  private final Clock clock;

  ReportFeedbackService(JdbcClient jdbc, ReportArchive archive, Clock clock) {
    this.jdbc = jdbc;
    this.archive = archive;
    this.clock = clock;
  }

  public record Feedback(long id, long reportId, String reportTitle, String unitCode, String party, String content,
      String submittedBy, Instant submittedAt, String processInstanceId, String status, String action, String answer,
      String answeredBy, Instant answeredAt) {}

  /** Who may give feedback and as which party: a unit user, management or the supervisor; 403 for others. */
  static String party(Caller caller) {
    if (caller.inAny(Groups.MANAGEMENT)) {
      return "MANAGEMENT";
    }
    if (caller.inAny(Groups.SUPERVISOR)) {
      return "SUPERVISOR";
    }
    if (!caller.seesAllUnits() && !caller.unitCodes().isEmpty()) {
      return "UNIT";
    }
    throw new AccessDeniedException("只有使用单位、管理方和监理方可以对报告提出反馈意见");
  }

  /** Checks the feedback before anything is started: the report exists for the caller, the text is given. */
  ReportDocument check(long reportId, String content, Caller caller) {
    party(caller);
    if (content == null || content.isBlank()) {
      throw ValidationException.of("feedbackContent", "请填写反馈意见");
    }
    if (content.length() > 2000) {
      throw ValidationException.of("feedbackContent", "反馈意见不能超过 2000 字");
    }
    try {
      return archive.get(reportId, caller);
    } catch (NotFoundException e) {
      throw ValidationException.of("reportId", "报告不存在或无权查看: " + reportId);
    }
  }

  public Feedback register(long reportId, String content, Caller caller, String processInstanceId) {
    ReportDocument d = check(reportId, content, caller);
    String party = party(caller);
    String unit = "UNIT".equals(party) ? (d.unitCode() != null ? d.unitCode() : caller.unitCodes().get(0)) : null;
    var keys = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO report_feedback (report_id, report_title, unit_code, party, content, submitted_by, "
            + "submitted_at, process_instance_id, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')")
        .params(reportId, d.title() + "（第 " + d.version() + " 版）", unit, party, content.strip(), caller.userId(),
            Timestamp.from(clock.instant()), processInstanceId)
        .update(keys, "id");
    return get(keys.getKey().longValue());
  }

  public void answer(long id, String action, String answer, String by) {
    if (action == null || !ACTIONS.containsKey(action)) {
      throw ValidationException.of("feedbackAction", "请选择处理方式：" + String.join("、", ACTIONS.values()));
    }
    if (answer == null || answer.isBlank()) {
      throw ValidationException.of("feedbackAnswer", "请填写答复");
    }
    if (answer.length() > 2000) {
      throw ValidationException.of("feedbackAnswer", "答复不能超过 2000 字");
    }
    jdbc.sql("UPDATE report_feedback SET status = 'ANSWERED', action = ?, answer = ?, answered_by = ?, answered_at = ? "
        + "WHERE id = ?").params(action, answer.strip(), by, Timestamp.from(clock.instant()), id).update();
  }

  public Feedback get(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM report_feedback WHERE id = ?").param(id)
        .query(ReportFeedbackService::map).optional().orElseThrow(() -> new NotFoundException("反馈不存在: " + id));
  }

  public List<Feedback> search(Caller caller, Long reportId, int limit) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM report_feedback WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    if (!caller.seesAllUnits()) {
      // a unit's users see their own unit's feedback
      if (!UnitScope.restrict(caller, "unit_code", sql, params)) {
        return List.of();
      }
    }
    if (reportId != null) {
      sql.append(" AND report_id = ?");
      params.add(reportId);
    }
    sql.append(" ORDER BY submitted_at DESC, id DESC FETCH FIRST ").append(Math.min(Math.max(limit, 1), 500))
        .append(" ROWS ONLY");
    return jdbc.sql(sql.toString()).params(params).query(ReportFeedbackService::map).list();
  }

  /** The feedback of a period in one sentence, for the evaluation report (P6 7.6.2.6). */
  public String periodSummary(LocalDate from, LocalDate to) {
    Instant a = from.atStartOfDay(cn.gov.gz.govcloud.engine.CityTime.ZONE).toInstant();
    Instant b = to.plusDays(1).atStartOfDay(cn.gov.gz.govcloud.engine.CityTime.ZONE).toInstant();
    long[] c = jdbc.sql("SELECT COUNT(*), SUM(CASE WHEN status = 'ANSWERED' THEN 1 ELSE 0 END), "
            + "SUM(CASE WHEN action = 'REVISE' THEN 1 ELSE 0 END) FROM report_feedback "
            + "WHERE submitted_at >= ? AND submitted_at < ?")
        .params(Timestamp.from(a), Timestamp.from(b))
        .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
    return "本期收到对报告的反馈意见 " + c[0] + " 条，已答复 " + c[1] + " 条，其中修订报告 " + c[2]
        + " 条（P6 7.6.2.5、7.6.2.6）。";
  }

  private static Feedback map(ResultSet rs, int row) throws SQLException {
    Timestamp answeredAt = rs.getTimestamp("answered_at");
    return new Feedback(rs.getLong("id"), rs.getLong("report_id"), rs.getString("report_title"),
        rs.getString("unit_code"), rs.getString("party"), rs.getString("content"), rs.getString("submitted_by"),
        rs.getTimestamp("submitted_at").toInstant(), rs.getString("process_instance_id"), rs.getString("status"),
        rs.getString("action"), rs.getString("answer"), rs.getString("answered_by"),
        answeredAt == null ? null : answeredAt.toInstant());
  }
}
