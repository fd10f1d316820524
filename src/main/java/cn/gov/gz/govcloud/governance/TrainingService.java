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
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Trainings and their feedback: the need (topic, form, goal, audience) confirmed by management, the plan, the
 * session held, the attendees' feedback (content, form and effect scored 1–5) while the feedback is open, the summary
 * and improvements, the training record filed.
 */
@Implements(value = "P6 7.6.3.1", what = "与管理方确认培训需求：培训主题、培训形式、培训目标")
@Implements(value = "P6 7.6.3.4", what = "收集培训人员对培训内容、形式、效果的反馈")
@Service
public class TrainingService {

  static final Map<String, String> FORMS = Map.of("ONLINE", "线上", "OFFLINE", "线下");
  static final Map<String, String> STATUS_LABELS = Map.of("REQUESTED", "待确认需求", "RETURNED", "需求退回",
      "PLANNING", "制定计划", "SCHEDULED", "待实施", "FEEDBACK", "收集反馈", "SUMMARY", "总结改进", "CLOSED", "已完成");
  private static final String COLUMNS = "id, training_no, topic, form, goal, audience, status, need_comment, need_by, "
      + "need_at, content, method, lecturer, session_at, place, attendees, planned_by, attendance_count, "
      + "attendance_list, materials, held_by, held_at, feedback_due, feedback_reminders, exchange_note, summary, "
      + "improvements, summary_by, report_id, process_instance_id, requested_by, requested_at";

  private final JdbcClient jdbc;
  private final Clock clock;

  TrainingService(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A training as recorded so far. */
  public record Training(long id, String trainingNo, String topic, String form, String goal, String audience,
      String status, String needComment, String needBy, Instant needAt, String content, String method,
      String lecturer, Instant sessionAt, String place, String attendees, String plannedBy, Integer attendanceCount,
      String attendanceList, String materials, String heldBy, Instant heldAt, Instant feedbackDue,
      int feedbackReminders, String exchangeNote, String summary, String improvements, String summaryBy, Long reportId,
      String processInstanceId, String requestedBy, Instant requestedAt) {

    public String formLabel() {
      return FORMS.getOrDefault(form, form);
    }

    public String statusLabel() {
      return STATUS_LABELS.getOrDefault(status, status);
    }
  }

  /** The plan of a training (P6 7.6.3.2). */
  public record Plan(String content, String method, String lecturer, Instant sessionAt, String place,
      String attendees) {}

  /** One attendee's feedback. */
  public record Feedback(int contentScore, int formScore, int effectScore, String comments, String submittedBy,
      Instant submittedAt) {

    public double average() {
      return (contentScore + formScore + effectScore) / 3.0;
    }
  }

  /** The feedback's figures: count and the average of each dimension (null when nobody answered). */
  public record FeedbackFigures(int count, Double content, Double form, Double effect) {}

  /** Checks and registers the need; the number is PX + the day + the id. */
  @Transactional
  public Training register(String topic, String form, String goal, String audience, String processInstanceId,
      String by) {
    String t = Scores.required(topic, TrainingVariables.TOPIC, "培训主题", 200);
    if (form == null || !FORMS.containsKey(form.strip())) {
      throw ValidationException.of(TrainingVariables.FORM, "培训形式应为 ONLINE（线上）或 OFFLINE（线下）");
    }
    String g = Scores.required(goal, TrainingVariables.GOAL, "培训目标", 2000);
    String a = Scores.required(audience, TrainingVariables.AUDIENCE, "培训对象", 500);
    Instant now = clock.instant();
    var keys = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO training (training_no, topic, form, goal, audience, status, process_instance_id, "
            + "requested_by, requested_at) VALUES (?, ?, ?, ?, ?, 'REQUESTED', ?, ?, ?)")
        .params("PX-PENDING-" + System.nanoTime(), t, form.strip(), g, a, processInstanceId, by, Timestamp.from(now))
        .update(keys, "id");
    long id = keys.getKey().longValue();
    jdbc.sql("UPDATE training SET training_no = ? WHERE id = ?").params(CaseNumbers.of("PX", id, now), id).update();
    return get(id);
  }

  public void needDecision(long id, boolean confirmed, String comment, String by) {
    jdbc.sql("UPDATE training SET status = ?, need_comment = ?, need_by = ?, need_at = ? WHERE id = ?")
        .params(confirmed ? "PLANNING" : "RETURNED", comment, by, Timestamp.from(clock.instant()), id).update();
  }

  public void plan(long id, Plan p, String by) {
    jdbc.sql("UPDATE training SET status = 'SCHEDULED', content = ?, method = ?, lecturer = ?, session_at = ?, "
            + "place = ?, attendees = ?, planned_by = ? WHERE id = ?")
        .params(p.content(), p.method(), p.lecturer(), Timestamp.from(p.sessionAt()), p.place(), p.attendees(), by, id)
        .update();
  }

  public void held(long id, int attendanceCount, String attendanceList, String materials, Instant feedbackDue,
      String by) {
    jdbc.sql("UPDATE training SET status = 'FEEDBACK', attendance_count = ?, attendance_list = ?, materials = ?, "
            + "held_by = ?, held_at = ?, feedback_due = ? WHERE id = ?")
        .params(attendanceCount, attendanceList, materials, by, Timestamp.from(clock.instant()),
            Timestamp.from(feedbackDue), id).update();
  }

  public void reminded(long id) {
    jdbc.sql("UPDATE training SET feedback_reminders = feedback_reminders + 1 WHERE id = ?").param(id).update();
  }

  /** The feedback closes (the organiser ends it, or its due date passed): the summary follows. */
  public void closeFeedback(long id, String exchangeNote) {
    jdbc.sql("UPDATE training SET status = 'SUMMARY', exchange_note = ? WHERE id = ? AND status = 'FEEDBACK'")
        .params(exchangeNote, id).update();
  }

  public void summary(long id, String summary, String improvements, String by) {
    jdbc.sql("UPDATE training SET summary = ?, improvements = ?, summary_by = ? WHERE id = ?")
        .params(summary, improvements, by, id).update();
  }

  public void filed(long id, long reportId) {
    jdbc.sql("UPDATE training SET status = 'CLOSED', report_id = ? WHERE id = ?").params(reportId, id).update();
  }

  /** An attendee's feedback while the feedback is open; once per person. */
  @Transactional
  public Feedback feedback(String trainingNo, Object content, Object form, Object effect, String comments, String by) {
    Training t = get(trainingNo);
    int c = Scores.whole(content, "contentScore", "培训内容评分", 1, 5);
    int f = Scores.whole(form, "formScore", "培训形式评分", 1, 5);
    int e = Scores.whole(effect, "effectScore", "培训效果评分", 1, 5);
    String text = Scores.optional(comments, "comments", "意见与建议", 2000);
    if (!"FEEDBACK".equals(t.status())) {
      throw ValidationException.of("trainingNo", "培训 " + t.trainingNo() + " 当前" + t.statusLabel() + "，不在反馈收集期内");
    }
    Instant now = clock.instant();
    try {
      jdbc.sql("INSERT INTO training_feedback (training_id, content_score, form_score, effect_score, comments, "
              + "submitted_by, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
          .params(t.id(), c, f, e, text, by, Timestamp.from(now)).update();
    } catch (DuplicateKeyException dup) {
      throw ValidationException.of("trainingNo", "您已提交过培训 " + t.trainingNo() + " 的反馈");
    }
    return new Feedback(c, f, e, text, by, now);
  }

  public List<Feedback> feedbacks(long id) {
    return jdbc.sql("SELECT content_score, form_score, effect_score, comments, submitted_by, submitted_at "
            + "FROM training_feedback WHERE training_id = ? ORDER BY submitted_at, id").param(id)
        .query((rs, i) -> new Feedback(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getString(4), rs.getString(5),
            rs.getTimestamp(6).toInstant())).list();
  }

  public FeedbackFigures figures(long id) {
    List<Feedback> all = feedbacks(id);
    return new FeedbackFigures(all.size(), Scores.average(all.stream().map(Feedback::contentScore).toList()),
        Scores.average(all.stream().map(Feedback::formScore).toList()),
        Scores.average(all.stream().map(Feedback::effectScore).toList()));
  }

  public Training get(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM training WHERE id = ?").param(id).query(TrainingService::training)
        .optional().orElseThrow(() -> new NotFoundException("培训不存在: " + id));
  }

  public Training get(String trainingNo) {
    return find(trainingNo).orElseThrow(() -> new NotFoundException("培训不存在: " + trainingNo));
  }

  public Optional<Training> find(String trainingNo) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM training WHERE training_no = ?").param(trainingNo)
        .query(TrainingService::training).optional();
  }

  public Optional<Training> findByProcessInstance(String processInstanceId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM training WHERE process_instance_id = ?").param(processInstanceId)
        .query(TrainingService::training).optional();
  }

  public List<Training> list(String status, int limit) {
    if (status != null && !STATUS_LABELS.containsKey(status)) {
      throw ValidationException.of("status", "没有这个状态: " + status);
    }
    return jdbc.sql("SELECT " + COLUMNS + " FROM training" + (status == null ? "" : " WHERE status = :status")
            + " ORDER BY requested_at DESC, id DESC FETCH FIRST " + Math.min(Math.max(limit, 1), 500) + " ROWS ONLY")
        .paramSource(status == null ? Map.of() : Map.of("status", status)).query(TrainingService::training).list();
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static Integer integer(ResultSet rs, String column) throws SQLException {
    int v = rs.getInt(column);
    return rs.wasNull() ? null : v;
  }

  private static Training training(ResultSet rs, int row) throws SQLException {
    long report = rs.getLong("report_id");
    Long reportId = rs.wasNull() ? null : report;
    return new Training(rs.getLong("id"), rs.getString("training_no"), rs.getString("topic"), rs.getString("form"),
        rs.getString("goal"), rs.getString("audience"), rs.getString("status"), rs.getString("need_comment"),
        rs.getString("need_by"), instant(rs, "need_at"), rs.getString("content"), rs.getString("method"),
        rs.getString("lecturer"), instant(rs, "session_at"), rs.getString("place"), rs.getString("attendees"),
        rs.getString("planned_by"), integer(rs, "attendance_count"), rs.getString("attendance_list"),
        rs.getString("materials"), rs.getString("held_by"), instant(rs, "held_at"), instant(rs, "feedback_due"),
        rs.getInt("feedback_reminders"), rs.getString("exchange_note"), rs.getString("summary"),
        rs.getString("improvements"),
        rs.getString("summary_by"), reportId, rs.getString("process_instance_id"), rs.getString("requested_by"),
        instant(rs, "requested_at"));
  }
}
