package cn.gov.gz.govcloud.research;

import static cn.gov.gz.govcloud.research.ResearchLabels.*;

import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.NotFoundException;
import cn.gov.gz.govcloud.access.UnitScope;
import cn.gov.gz.govcloud.compliance.Implements;
import cn.gov.gz.govcloud.engine.CityTime;
import cn.gov.gz.govcloud.web.ValidationException;
import cn.gov.gz.govcloud.web.ValidationException.FieldError;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demand researches: one row per research, one answer row per unit asked (PENDING, ANSWERED, INTERVIEWED or
 * NO_REPLY) with the unit's demands, the provider's analysis and recommendations, and management's review. Unit
 * users see their own unit's answers and demands only.
 */
@Implements(value = "P6 7.5.1.1", what = "通过问卷、访谈收集服务需求信息：云资源使用情况、满意度、意见、建议和需求")
@Implements(value = "P3 5.4.1.1", what = "收集、分析政务云服务使用情况、问题、建议和需求")
@Implements(value = "P6 7.5.1.2", what = "记录服务方对管理状况、存在问题和未来发展方向的分析")
@Implements(value = "P6 7.5.1.3", what = "优化建议：技术改进、流程优化、资源调整，注明涉及的使用单位")
@Implements(value = "P3 5.4.1.2", what = "提供政务云运营服务优化建议")
@Service
public class ResearchService {

  static final int MAX_DEMANDS = 30;
  static final int MAX_RECOMMENDATIONS = 50;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(CityTime.ZONE);
  private static final String COLUMNS = "id, research_no, topic, period_from, period_to, method, status, due_at, "
      + "process_instance_id, management_state, problems, direction, analysed_by, analysed_at, return_count, "
      + "return_reason, review_comment, reviewed_by, accepted_at, report_id, report_version, created_by, created_at";

  private final JdbcClient jdbc;
  private final Clock clock;

  ResearchService(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** One research and where it stands. */
  public record Research(long id, String researchNo, String topic, LocalDate periodFrom, LocalDate periodTo,
      String method, String status, Instant dueAt, String processInstanceId, String managementState,
      String problems, String direction, String analysedBy, Instant analysedAt, int returnCount, String returnReason,
      String reviewComment, String reviewedBy, Instant acceptedAt, Long reportId, Integer reportVersion,
      String createdBy, Instant createdAt) {

    public String statusLabel() {
      return ResearchLabels.of(STATUS, status);
    }

    public String methodLabel() {
      return ResearchLabels.of(METHOD, method);
    }
  }

  /** One unit's answer (questionnaire or interview record). */
  public record Answer(String unitCode, String unitName, String status, String resourceAdequacy,
      Integer satisfaction, String problems, String suggestions, String interviewee, String answeredBy,
      Instant answeredAt, int reminders) {

    public String statusLabel() {
      return ResearchLabels.of(ANSWER_STATUS, status);
    }
  }

  /** A demand a unit stated. */
  public record Demand(long id, String unitCode, String unitName, String type, String content) {

    public String typeLabel() {
      return ResearchLabels.of(DEMAND_TYPE, type);
    }
  }

  /** A recommendation of the provider; {@code unitCodes} empty = every unit asked. */
  public record Recommendation(long id, int seq, String category, List<String> unitCodes, String content) {

    public String categoryLabel() {
      return ResearchLabels.of(CATEGORY, category);
    }
  }

  /** What a unit submits, or what the provider records of an interview. */
  public record AnswerInput(String resourceAdequacy, Object satisfaction, String problems, String suggestions,
      List<DemandInput> demands, String interviewee) {}

  public record DemandInput(String type, String content) {}

  public record RecommendationInput(String category, String unitCodes, String content) {}

  /** The provider's analysis (P6 7.5.1.2) and recommendations (7.5.1.3). */
  public record AnalysisInput(String managementState, String problems, String direction,
      List<RecommendationInput> recommendations) {}

  /** Opens a research for the given units (every registered unit when none is given). */
  @Transactional
  public Research open(String topic, LocalDate from, LocalDate to, String method, Collection<String> unitCodes,
      Instant due, String processInstanceId, String by) {
    List<FieldError> errors = new ArrayList<>();
    if (topic == null || topic.isBlank()) {
      errors.add(new FieldError(null, ResearchVariables.TOPIC, "请填写调研主题"));
    } else if (topic.strip().length() > 200) {
      errors.add(new FieldError(null, ResearchVariables.TOPIC, "调研主题不能超过 200 字"));
    }
    if (from == null) {
      errors.add(new FieldError(null, ResearchVariables.PERIOD_FROM, "请填写调研期间的开始日期"));
    }
    if (to == null) {
      errors.add(new FieldError(null, ResearchVariables.PERIOD_TO, "请填写调研期间的结束日期"));
    } else if (from != null && to.isBefore(from)) {
      errors.add(new FieldError(null, ResearchVariables.PERIOD_TO, "结束日期不能早于开始日期"));
    }
    if (!METHOD.containsKey(method)) {
      errors.add(new FieldError(null, ResearchVariables.METHOD, "调研方式应为问卷（QUESTIONNAIRE）或访谈（INTERVIEW）"));
    }
    Map<String, String> known = unitNames();
    List<String> units = new ArrayList<>(new LinkedHashSet<>(unitCodes == null || unitCodes.isEmpty()
        ? known.keySet() : unitCodes));
    List<String> unknown = units.stream().filter(u -> !known.containsKey(u)).toList();
    if (!unknown.isEmpty()) {
      errors.add(new FieldError(null, ResearchVariables.UNIT_CODES, "没有这些使用单位: " + String.join(", ", unknown)));
    } else if (units.isEmpty()) {
      errors.add(new FieldError(null, ResearchVariables.UNIT_CODES, "没有可调研的使用单位"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    Instant now = clock.instant();
    String prefix = "DY" + DAY.format(now) + "-";
    long same = jdbc.sql("SELECT COUNT(*) FROM demand_research WHERE research_no LIKE ?").param(prefix + "%")
        .query(Long.class).single();
    String no = prefix + (same + 1);
    var keys = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO demand_research (research_no, topic, period_from, period_to, method, status, due_at, "
            + "process_instance_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?)")
        .params(no, topic.strip(), java.sql.Date.valueOf(from), java.sql.Date.valueOf(to), method,
            Timestamp.from(due), processInstanceId, by, Timestamp.from(now))
        .update(keys, "id");
    long id = keys.getKey().longValue();
    for (String unit : units) {
      jdbc.sql("INSERT INTO demand_research_answer (research_id, unit_code, status) VALUES (?, ?, 'PENDING')")
          .params(id, unit).update();
    }
    return get(id);
  }

  public Research get(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM demand_research WHERE id = ?").param(id)
        .query(ResearchService::research).optional().orElseThrow(() -> new NotFoundException("需求调研不存在: " + id));
  }

  public Research byNo(String no) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM demand_research WHERE research_no = ?").param(no)
        .query(ResearchService::research).optional().orElseThrow(() -> new NotFoundException("需求调研不存在: " + no));
  }

  /** Newest first; a unit user sees the researches that asked one of its units. */
  public List<Research> list(Caller caller, String status, int limit) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    if (status != null && !status.isBlank()) {
      if (!STATUS.containsKey(status)) {
        throw ValidationException.of("status", "状态应为 " + String.join("、", STATUS.keySet()));
      }
      where.append(" AND status = ?");
      params.add(status);
    }
    if (caller != null && !caller.seesAllUnits()) {
      StringBuilder sub = new StringBuilder(" WHERE a.research_id = demand_research.id");
      if (!UnitScope.restrict(caller, "a.unit_code", sub, params)) {
        return List.of();
      }
      where.append(" AND EXISTS (SELECT 1 FROM demand_research_answer a").append(sub).append(")");
    }
    return jdbc.sql("SELECT " + COLUMNS + " FROM demand_research" + where + " ORDER BY created_at DESC, id DESC "
        + "FETCH FIRST " + Math.min(Math.max(limit, 1), 500) + " ROWS ONLY").params(params)
        .query(ResearchService::research).list();
  }

  /** The units asked, in order (the multi-instance collection of the model). */
  public List<String> units(long researchId) {
    return jdbc.sql("SELECT unit_code FROM demand_research_answer WHERE research_id = ? ORDER BY unit_code")
        .param(researchId).query(String.class).list();
  }

  /** Records a unit's answer or the interview record; refused when the unit was not asked or has answered. */
  @Transactional
  public void answer(long researchId, String unitCode, AnswerInput in, boolean interview, String by) {
    int score = ResearchInputs.answer(in, interview);
    String status = status(researchId, unitCode);
    if (!PENDING.equals(status)) {
      throw ValidationException.of("unitCode", "本单位的需求调研" + ResearchLabels.of(ANSWER_STATUS, status) + "，不能再次答复");
    }
    jdbc.sql("UPDATE demand_research_answer SET status = ?, resource_adequacy = ?, satisfaction = ?, problems = ?, "
            + "suggestions = ?, interviewee = ?, answered_by = ?, answered_at = ? WHERE research_id = ? AND unit_code = ?")
        .params(interview ? INTERVIEWED : ANSWERED, in.resourceAdequacy(), score, blankToNull(in.problems()),
            blankToNull(in.suggestions()), interview ? in.interviewee().strip() : null, by,
            Timestamp.from(clock.instant()), researchId, unitCode)
        .update();
    for (DemandInput d : in.demands() == null ? List.<DemandInput>of() : in.demands()) {
      jdbc.sql("INSERT INTO demand_research_demand (research_id, unit_code, demand_type, content) VALUES (?, ?, ?, ?)")
          .params(researchId, unitCode, d.type(), d.content().strip()).update();
    }
  }

  /** The answer's state for a unit, or a validation error naming the unit when it was not asked. */
  String status(long researchId, String unitCode) {
    return jdbc.sql("SELECT status FROM demand_research_answer WHERE research_id = ? AND unit_code = ?")
        .params(researchId, unitCode).query(String.class).optional()
        .orElseThrow(() -> ValidationException.of("unitCode", "使用单位 " + unitCode + " 不在本次调研范围内"));
  }

  /** The due date passed without an answer: 未答复. */
  public void noReply(long researchId, String unitCode) {
    jdbc.sql("UPDATE demand_research_answer SET status = 'NO_REPLY' WHERE research_id = ? AND unit_code = ? "
        + "AND status = 'PENDING'").params(researchId, unitCode).update();
  }

  public void reminded(long researchId, String unitCode) {
    jdbc.sql("UPDATE demand_research_answer SET reminders = reminders + 1 WHERE research_id = ? AND unit_code = ?")
        .params(researchId, unitCode).update();
  }

  public void setStatus(long researchId, String status) {
    jdbc.sql("UPDATE demand_research SET status = ? WHERE id = ?").params(status, researchId).update();
  }

  /** Checks and stores the provider's analysis and recommendations (replacing the ones of a returned report). */
  @Transactional
  public List<Recommendation> analyse(long researchId, AnalysisInput in, String by) {
    List<RecommendationInput> recs = in.recommendations() == null ? List.of() : in.recommendations();
    List<List<String>> unitLists = ResearchInputs.analysis(in, units(researchId));
    jdbc.sql("UPDATE demand_research SET management_state = ?, problems = ?, direction = ?, analysed_by = ?, "
            + "analysed_at = ? WHERE id = ?")
        .params(in.managementState().strip(), in.problems().strip(), in.direction().strip(), by,
            Timestamp.from(clock.instant()), researchId)
        .update();
    jdbc.sql("DELETE FROM demand_research_recommendation WHERE research_id = ?").param(researchId).update();
    for (int i = 0; i < recs.size(); i++) {
      jdbc.sql("INSERT INTO demand_research_recommendation (research_id, seq, category, unit_codes, content) "
              + "VALUES (?, ?, ?, ?, ?)")
          .params(researchId, i + 1, recs.get(i).category(),
              unitLists.get(i).isEmpty() ? null : String.join(",", unitLists.get(i)), recs.get(i).content().strip())
          .update();
    }
    return recommendations(researchId);
  }

  /** The report filed: management reviews it. */
  public void filed(long researchId, long reportId, int version) {
    jdbc.sql("UPDATE demand_research SET report_id = ?, report_version = ?, status = 'REVIEWING' WHERE id = ?")
        .params(reportId, version, researchId).update();
  }

  /** Management's review: ACCEPT, or RETURN with a reason (back to the analysis). */
  @Transactional
  public void review(long researchId, String decision, String comment, String by) {
    if (!ACCEPT.equals(decision) && !RETURN.equals(decision)) {
      throw ValidationException.of(ResearchVariables.REVIEW_DECISION, "请选择通过（ACCEPT）或退回修改（RETURN）");
    }
    if (RETURN.equals(decision) && (comment == null || comment.isBlank())) {
      throw ValidationException.of(ResearchVariables.REVIEW_COMMENT, "退回修改须说明理由");
    }
    if (comment != null && comment.length() > 2000) {
      throw ValidationException.of(ResearchVariables.REVIEW_COMMENT, "审阅意见不能超过 2000 字");
    }
    if (RETURN.equals(decision)) {
      jdbc.sql("UPDATE demand_research SET status = 'ANALYSING', return_count = return_count + 1, return_reason = ?, "
          + "reviewed_by = ? WHERE id = ?").params(comment.strip(), by, researchId).update();
    } else {
      jdbc.sql("UPDATE demand_research SET status = 'ACCEPTED', review_comment = ?, reviewed_by = ?, accepted_at = ? "
          + "WHERE id = ?").params(blankToNull(comment), by, Timestamp.from(clock.instant()), researchId).update();
    }
  }

  /** Every answer (a unit user: its own units' only). */
  public List<Answer> answers(long researchId, Caller caller) {
    StringBuilder where = new StringBuilder(" WHERE a.research_id = ?");
    List<Object> params = new ArrayList<>(List.of(researchId));
    if (caller != null && !UnitScope.restrict(caller, "a.unit_code", where, params)) {
      return List.of();
    }
    Map<String, String> names = unitNames();
    return jdbc.sql("SELECT a.unit_code, a.status, a.resource_adequacy, a.satisfaction, a.problems, a.suggestions, "
            + "a.interviewee, a.answered_by, a.answered_at, a.reminders FROM demand_research_answer a" + where
            + " ORDER BY a.unit_code")
        .params(params)
        .query((rs, i) -> {
          int s = rs.getInt("satisfaction");
          Integer score = rs.wasNull() ? null : s;
          Timestamp at = rs.getTimestamp("answered_at");
          return new Answer(rs.getString("unit_code"), names.getOrDefault(rs.getString("unit_code"),
              rs.getString("unit_code")), rs.getString("status"), rs.getString("resource_adequacy"), score,
              rs.getString("problems"), rs.getString("suggestions"), rs.getString("interviewee"),
              rs.getString("answered_by"), at == null ? null : at.toInstant(), rs.getInt("reminders"));
        }).list();
  }

  /** The demands stated (a unit user: its own units' only), by unit and type. */
  public List<Demand> demands(long researchId, Caller caller) {
    StringBuilder where = new StringBuilder(" WHERE d.research_id = ?");
    List<Object> params = new ArrayList<>(List.of(researchId));
    if (caller != null && !UnitScope.restrict(caller, "d.unit_code", where, params)) {
      return List.of();
    }
    Map<String, String> names = unitNames();
    List<String> order = new ArrayList<>(DEMAND_TYPE.keySet());
    return jdbc.sql("SELECT d.id, d.unit_code, d.demand_type, d.content FROM demand_research_demand d" + where
            + " ORDER BY d.unit_code, d.id").params(params)
        .query((rs, i) -> new Demand(rs.getLong("id"), rs.getString("unit_code"),
            names.getOrDefault(rs.getString("unit_code"), rs.getString("unit_code")), rs.getString("demand_type"),
            rs.getString("content")))
        .list().stream().sorted(java.util.Comparator.comparing(Demand::unitCode)
            .thenComparing(d -> order.indexOf(d.type()))).toList();
  }

  public List<Recommendation> recommendations(long researchId) {
    return jdbc.sql("SELECT id, seq, category, unit_codes, content FROM demand_research_recommendation "
            + "WHERE research_id = ? ORDER BY seq").param(researchId)
        .query((rs, i) -> new Recommendation(rs.getLong("id"), rs.getInt("seq"), rs.getString("category"),
            ResearchInputs.codes(rs.getString("unit_codes")), rs.getString("content")))
        .list();
  }

  /** Registered units by code, with their names. */
  Map<String, String> unitNames() {
    Map<String, String> m = new LinkedHashMap<>();
    jdbc.sql("SELECT code, name FROM rv_org_unit ORDER BY code").query((rs, i) -> m.put(rs.getString(1),
        rs.getString(2))).list();
    return m;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static Research research(ResultSet rs, int row) throws SQLException {
    Timestamp analysedAt = rs.getTimestamp("analysed_at");
    Timestamp acceptedAt = rs.getTimestamp("accepted_at");
    long report = rs.getLong("report_id");
    Long reportId = rs.wasNull() ? null : report;
    int version = rs.getInt("report_version");
    Integer reportVersion = rs.wasNull() ? null : version;
    return new Research(rs.getLong("id"), rs.getString("research_no"), rs.getString("topic"),
        rs.getDate("period_from").toLocalDate(), rs.getDate("period_to").toLocalDate(), rs.getString("method"),
        rs.getString("status"), rs.getTimestamp("due_at").toInstant(), rs.getString("process_instance_id"),
        rs.getString("management_state"), rs.getString("problems"), rs.getString("direction"),
        rs.getString("analysed_by"), analysedAt == null ? null : analysedAt.toInstant(), rs.getInt("return_count"),
        rs.getString("return_reason"), rs.getString("review_comment"), rs.getString("reviewed_by"),
        acceptedAt == null ? null : acceptedAt.toInstant(), reportId, reportVersion, rs.getString("created_by"),
        rs.getTimestamp("created_at").toInstant());
  }
}
