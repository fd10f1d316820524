package cn.gov.gz.govcloud.evaluation;

import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.NotFoundException;
import cn.gov.gz.govcloud.access.UnitScope;
import cn.gov.gz.govcloud.compliance.Implements;
import cn.gov.gz.govcloud.web.ValidationException;
import cn.gov.gz.govcloud.web.ValidationException.FieldError;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The surveys and their answers: one survey per period, one answer row per surveyed unit (PENDING, ANSWERED or
 * NO_REPLY), the evaluation opinion and the report filed. Unit users see their own unit's answers only.
 */
@Implements(value = "P3 7.2", what = "使用单位按评价指标开展服务效果评价，反馈本单位满意度、服务中发现的问题")
@Implements(value = "P3 7.3.2 c", what = "使用单位满意度、整体满意度")
@Implements(value = "P3 7.4.1", what = "通过问卷收集相关方（使用单位）反馈的问题")
@Service
public class SurveyService {

  static final String PENDING = "PENDING";
  static final String ANSWERED = "ANSWERED";
  static final String NO_REPLY = "NO_REPLY";
  static final Map<String, String> STATUS_LABELS = Map.of(PENDING, "待答复", ANSWERED, "已答复", NO_REPLY, "未答复");
  private static final String SURVEY_COLUMNS = "id, survey_no, period_from, period_to, status, due_at, "
      + "process_instance_id, opinion, requirements, opinion_by, opinion_at, report_id, created_by, created_at";

  private final JdbcClient jdbc;
  private final Clock clock;

  SurveyService(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A survey of a period: OPEN while units answer, EVALUATING while the opinion is written, CLOSED when filed. */
  public record Survey(long id, String surveyNo, LocalDate periodFrom, LocalDate periodTo, String status,
      Instant dueAt, String processInstanceId, String opinion, String requirements, String opinionBy,
      Instant opinionAt, Long reportId, String createdBy, Instant createdAt) {}

  /** One unit's answer; the scores by dimension field ({@link SurveyDimension#field()}), null until answered. */
  public record Answer(String unitCode, String unitName, String status, Map<String, Integer> scores, Double average,
      String problems, String suggestions, String answeredBy, Instant answeredAt, int reminders) {}

  /** What a unit submits (form or REST). */
  public record AnswerInput(Map<String, Object> scores, String problems, String suggestions) {}

  /** The survey's figures: units surveyed and answered, the average of each dimension and of the units' averages. */
  public record Results(long surveyed, long answered, long noReply, long pending, Map<String, Double> dimensions,
      Double unitSatisfaction, List<Answer> answers) {

    public Double responseRate() {
      return surveyed == 0 ? null : (double) answered / surveyed;
    }
  }

  /** Whether the period has a survey already. */
  public boolean exists(LocalDate from, LocalDate to) {
    return jdbc.sql("SELECT COUNT(*) FROM satisfaction_survey WHERE survey_no = ?").param("SS-" + from + "_" + to)
        .query(Long.class).single() > 0;
  }

  /**
   * Opens the survey of a period for the given units (every registered unit when none is given). A further survey of
   * the same period (started by hand) gets a suffix; without {@code again} the number stays the period's, so a second
   * run of the schedule fails on the unique number instead of surveying twice.
   */
  @Transactional
  public Survey open(LocalDate from, LocalDate to, Collection<String> unitCodes, Instant due,
      String processInstanceId, String by, boolean again) {
    if (from == null || to == null) {
      throw ValidationException.of(from == null ? "periodFrom" : "periodTo", "请填写统计期间");
    }
    if (to.isBefore(from)) {
      throw ValidationException.of("periodTo", "结束日期不能早于开始日期");
    }
    Map<String, String> known = unitNames();
    List<String> units = new ArrayList<>(new LinkedHashSet<>(unitCodes == null || unitCodes.isEmpty()
        ? known.keySet() : unitCodes));
    List<String> unknown = units.stream().filter(u -> !known.containsKey(u)).toList();
    if (!unknown.isEmpty()) {
      throw ValidationException.of("unitCodes", "没有这些使用单位: " + String.join(", ", unknown));
    }
    String base = "SS-" + from + "_" + to;
    long same = jdbc.sql("SELECT COUNT(*) FROM satisfaction_survey WHERE survey_no = ? OR survey_no LIKE ?")
        .params(base, base + "-%").query(Long.class).single();
    String no = same == 0 || !again ? base : base + "-" + (same + 1);
    var keys = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO satisfaction_survey (survey_no, period_from, period_to, status, due_at, process_instance_id, "
            + "created_by, created_at) VALUES (?, ?, ?, 'OPEN', ?, ?, ?, ?)")
        .params(no, java.sql.Date.valueOf(from), java.sql.Date.valueOf(to), Timestamp.from(due), processInstanceId,
            by, Timestamp.from(clock.instant()))
        .update(keys, "id");
    long id = keys.getKey().longValue();
    for (String unit : units) {
      jdbc.sql("INSERT INTO satisfaction_answer (survey_id, unit_code, status) VALUES (?, ?, 'PENDING')")
          .params(id, unit).update();
    }
    return get(id);
  }

  public Survey get(long id) {
    return jdbc.sql("SELECT " + SURVEY_COLUMNS + " FROM satisfaction_survey WHERE id = ?").param(id)
        .query(SurveyService::survey).optional().orElseThrow(() -> new NotFoundException("满意度调查不存在: " + id));
  }

  public List<Survey> list(int limit) {
    return jdbc.sql("SELECT " + SURVEY_COLUMNS + " FROM satisfaction_survey ORDER BY period_to DESC, id DESC "
        + "FETCH FIRST " + Math.min(Math.max(limit, 1), 500) + " ROWS ONLY").query(SurveyService::survey).list();
  }

  /** The surveyed units, in order (the multi-instance collection of the model). */
  public List<String> units(long surveyId) {
    return jdbc.sql("SELECT unit_code FROM satisfaction_answer WHERE survey_id = ? ORDER BY unit_code")
        .param(surveyId).query(String.class).list();
  }

  /** Checks an answer: every dimension scored 1–5; texts not too long. */
  static Map<String, Integer> validate(AnswerInput in) {
    List<FieldError> errors = new ArrayList<>();
    Map<String, Integer> scores = new LinkedHashMap<>();
    for (SurveyDimension d : SurveyDimension.all()) {
      Object v = in == null || in.scores() == null ? null : in.scores().get(d.field());
      Integer score = null;
      if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
        score = n.intValue();
      } else if (v != null && v.toString().strip().matches("[0-9]+")) {
        score = Integer.valueOf(v.toString().strip());
      }
      if (score == null || score < 1 || score > 5) {
        errors.add(new FieldError(null, d.field(), d.label() + "：请填写 1–5 分的整数"));
      }
      scores.put(d.field(), score);
    }
    if (in != null && in.problems() != null && in.problems().length() > 2000) {
      errors.add(new FieldError(null, "problems", "服务中发现的问题不能超过 2000 字"));
    }
    if (in != null && in.suggestions() != null && in.suggestions().length() > 2000) {
      errors.add(new FieldError(null, "suggestions", "意见与建议不能超过 2000 字"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return scores;
  }

  /** Records a unit's answer; refused when the unit was not surveyed, has answered already or the survey closed. */
  @Transactional
  public void answer(long surveyId, String unitCode, AnswerInput in, String by) {
    Map<String, Integer> s = validate(in);
    String status = status(surveyId, unitCode);
    if (!PENDING.equals(status)) {
      throw ValidationException.of("unitCode", "本单位的调查" + STATUS_LABELS.get(status) + "，不能再次答复");
    }
    jdbc.sql("UPDATE satisfaction_answer SET status = 'ANSWERED', attitude = ?, response_speed = ?, resolution = ?, "
            + "follow_up = ?, overall = ?, problems = ?, suggestions = ?, answered_by = ?, answered_at = ? "
            + "WHERE survey_id = ? AND unit_code = ?")
        .params(s.get("attitude"), s.get("responseSpeed"), s.get("resolution"), s.get("followUp"), s.get("overall"),
            blankToNull(in.problems()), blankToNull(in.suggestions()), by, Timestamp.from(clock.instant()), surveyId,
            unitCode)
        .update();
  }

  /** The answer's state for a unit, or a validation error naming the unit when it was not surveyed. */
  String status(long surveyId, String unitCode) {
    return jdbc.sql("SELECT status FROM satisfaction_answer WHERE survey_id = ? AND unit_code = ?")
        .params(surveyId, unitCode).query(String.class).optional()
        .orElseThrow(() -> ValidationException.of("unitCode", "使用单位 " + unitCode + " 不在本次调查范围内"));
  }

  /** The due date passed without an answer: 未答复. */
  public void noReply(long surveyId, String unitCode) {
    jdbc.sql("UPDATE satisfaction_answer SET status = 'NO_REPLY' WHERE survey_id = ? AND unit_code = ? "
        + "AND status = 'PENDING'").params(surveyId, unitCode).update();
  }

  public void reminded(long surveyId, String unitCode) {
    jdbc.sql("UPDATE satisfaction_answer SET reminders = reminders + 1 WHERE survey_id = ? AND unit_code = ?")
        .params(surveyId, unitCode).update();
  }

  public void setStatus(long surveyId, String status) {
    jdbc.sql("UPDATE satisfaction_survey SET status = ? WHERE id = ?").params(status, surveyId).update();
  }

  public void opinion(long surveyId, String opinion, String requirements, String by) {
    jdbc.sql("UPDATE satisfaction_survey SET opinion = ?, requirements = ?, opinion_by = ?, opinion_at = ? WHERE id = ?")
        .params(opinion, blankToNull(requirements), by, Timestamp.from(clock.instant()), surveyId).update();
  }

  public void filed(long surveyId, long reportId) {
    jdbc.sql("UPDATE satisfaction_survey SET report_id = ?, status = 'CLOSED' WHERE id = ?").params(reportId, surveyId)
        .update();
  }

  /** Every answer with the figures (a unit user: its own units' answers, the overall figures stay whole). */
  public Results results(long surveyId, Caller caller) {
    List<Answer> all = answers(surveyId);
    Map<String, Double> dims = new LinkedHashMap<>();
    for (SurveyDimension d : SurveyDimension.all()) {
      dims.put(d.field(), average(all.stream().map(a -> a.scores().get(d.field())).filter(v -> v != null)
          .map(Integer::doubleValue).toList()));
    }
    long answered = all.stream().filter(a -> ANSWERED.equals(a.status())).count();
    long noReply = all.stream().filter(a -> NO_REPLY.equals(a.status())).count();
    Double unitSatisfaction = average(all.stream().map(Answer::average).filter(v -> v != null).toList());
    List<Answer> visible = caller == null || caller.seesAllUnits() ? all
        : all.stream().filter(a -> caller.unitCodes().contains(a.unitCode())).toList();
    return new Results(all.size(), answered, noReply, all.size() - answered - noReply, dims, unitSatisfaction,
        visible);
  }

  /** The overall satisfaction of the surveys before this one (oldest first), for the trend. */
  public Map<String, Double> previousOverall(long surveyId, int count) {
    Survey s = get(surveyId);
    List<Survey> before = jdbc.sql("SELECT " + SURVEY_COLUMNS + " FROM satisfaction_survey WHERE status = 'CLOSED' "
            + "AND period_to < ? ORDER BY period_to DESC, id DESC FETCH FIRST " + count + " ROWS ONLY")
        .param(java.sql.Date.valueOf(s.periodFrom())).query(SurveyService::survey).list();
    Map<String, Double> out = new LinkedHashMap<>();
    for (int i = before.size() - 1; i >= 0; i--) {
      Survey b = before.get(i);
      out.put(b.periodFrom() + "–" + b.periodTo(), results(b.id(), null).unitSatisfaction());
    }
    return out;
  }

  /** A user of a unit: the surveys' answer rows of its units only (UnitScope). */
  public List<Answer> answersOf(long surveyId, Caller caller) {
    StringBuilder where = new StringBuilder(" WHERE a.survey_id = ?");
    List<Object> params = new ArrayList<>(List.of(surveyId));
    if (!UnitScope.restrict(caller, "a.unit_code", where, params)) {
      return List.of();
    }
    return answers(where.toString(), params);
  }

  private List<Answer> answers(long surveyId) {
    return answers(" WHERE a.survey_id = ?", List.of(surveyId));
  }

  private List<Answer> answers(String where, List<Object> params) {
    Map<String, String> names = unitNames();
    return jdbc.sql("SELECT a.unit_code, a.status, a.attitude, a.response_speed, a.resolution, a.follow_up, a.overall, "
            + "a.problems, a.suggestions, a.answered_by, a.answered_at, a.reminders FROM satisfaction_answer a"
            + where + " ORDER BY a.unit_code")
        .params(params)
        .query((rs, i) -> {
          Map<String, Integer> scores = new LinkedHashMap<>();
          for (SurveyDimension d : SurveyDimension.all()) {
            int v = rs.getInt(d.column());
            scores.put(d.field(), rs.wasNull() ? null : v);
          }
          List<Double> given = scores.values().stream().filter(v -> v != null).map(Integer::doubleValue).toList();
          Timestamp at = rs.getTimestamp("answered_at");
          return new Answer(rs.getString("unit_code"), names.getOrDefault(rs.getString("unit_code"),
              rs.getString("unit_code")), rs.getString("status"), scores, average(given), rs.getString("problems"),
              rs.getString("suggestions"), rs.getString("answered_by"), at == null ? null : at.toInstant(),
              rs.getInt("reminders"));
        }).list();
  }

  Map<String, String> unitNames() {
    Map<String, String> m = new LinkedHashMap<>();
    jdbc.sql("SELECT code, name FROM rv_org_unit ORDER BY code").query((rs, i) -> m.put(rs.getString(1),
        rs.getString(2))).list();
    return m;
  }

  static Double average(List<Double> values) {
    return values.isEmpty() ? null : values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static Survey survey(ResultSet rs, int row) throws SQLException {
    Timestamp opinionAt = rs.getTimestamp("opinion_at");
    long report = rs.getLong("report_id");
    Long reportId = rs.wasNull() ? null : report;
    return new Survey(rs.getLong("id"), rs.getString("survey_no"), rs.getDate("period_from").toLocalDate(),
        rs.getDate("period_to").toLocalDate(), rs.getString("status"), rs.getTimestamp("due_at").toInstant(),
        rs.getString("process_instance_id"), rs.getString("opinion"), rs.getString("requirements"),
        rs.getString("opinion_by"), opinionAt == null ? null : opinionAt.toInstant(), reportId,
        rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
  }
}
