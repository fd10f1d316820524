package cn.gov.gz.govcloud.governance;

import cn.gov.gz.govcloud.access.NotFoundException;
import cn.gov.gz.govcloud.compliance.Implements;
import cn.gov.gz.govcloud.engine.CaseNumbers;
import cn.gov.gz.govcloud.engine.CityTime;
import cn.gov.gz.govcloud.web.ValidationException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The management norms (管理制度、建设规范、运营规范、使用指南、安全管理规范; P6 7.6.1.1, Appendix A) with their current
 * version and published versions, and their reviews: need, opinions, review record, approval, publication.
 */
@Implements(value = "P6 7.6.1.5", what = "发布后的服务管理制度按版本登记归档")
@Implements(value = "P6 7.6.1.2", what = "征求相关方意见并记录")
@Service
public class NormService {

  static final Map<String, String> TYPES = linked("MANAGEMENT", "管理制度", "CONSTRUCTION", "建设规范", "OPERATION",
      "运营规范", "GUIDE", "使用指南", "SECURITY", "安全管理规范");
  static final Map<String, String> PARTIES = linked("MANAGEMENT", "管理方", "PROVIDER", "服务方", "SUPERVISOR", "监理方",
      "UNIT", "使用方");
  static final Map<String, String> STATUS_LABELS = Map.of("REQUESTED", "待确认", "RETURNED", "需求退回", "OPINIONS",
      "征求意见", "REVIEW", "评审", "APPROVAL", "待审批", "CLOSED", "已完成");
  private static final String NORM_COLUMNS = "id, code, title, norm_type, version, published_on, last_reviewed_on, "
      + "created_by, created_at";
  private static final String REVIEW_COLUMNS = "id, review_no, norm_id, reason, status, need_comment, opinion_due, "
      + "participants, conclusions, revisions, revise, approval_comment, approved_by, approved_at, new_version, "
      + "report_id, process_instance_id, requested_by, requested_at";

  private final JdbcClient jdbc;
  private final Clock clock;

  NormService(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public record Norm(long id, String code, String title, String type, int version, LocalDate publishedOn,
      LocalDate lastReviewedOn, String createdBy, Instant createdAt) {

    public String typeLabel() {
      return TYPES.getOrDefault(type, type);
    }
  }

  public record Version(int version, LocalDate publishedOn, String changes, Long reviewId, String publishedBy) {}

  public record Review(long id, String reviewNo, long normId, String reason, String status, String needComment,
      Instant opinionDue, String participants, String conclusions, String revisions, Boolean revise,
      String approvalComment, String approvedBy, Instant approvedAt, Integer newVersion, Long reportId,
      String processInstanceId, String requestedBy, Instant requestedAt) {

    public String statusLabel() {
      return STATUS_LABELS.getOrDefault(status, status);
    }
  }

  public record Opinion(String party, String content, String submittedBy, Instant submittedAt) {

    public String partyLabel() {
      return PARTIES.getOrDefault(party, party);
    }
  }

  /** Registers a norm in force with its current version. */
  @Transactional
  public Norm register(String code, String title, String type, Object version, Object publishedOn, String by) {
    String c = Scores.required(code, "code", "规范编号", 40);
    if (!c.matches("[A-Za-z0-9._-]+")) {
      throw ValidationException.of("code", "规范编号只能包含字母、数字和 . _ -");
    }
    String t = Scores.required(title, "title", "规范名称", 200);
    if (type == null || !TYPES.containsKey(type)) {
      throw ValidationException.of("type", "类型应为 " + String.join("、", TYPES.keySet()));
    }
    int v = Scores.whole(version == null ? 1 : version, "version", "当前版本", 1, 999);
    LocalDate day = Scores.day(publishedOn, "publishedOn", "发布日期");
    var keys = new GeneratedKeyHolder();
    try {
      jdbc.sql("INSERT INTO management_norm (code, title, norm_type, version, published_on, created_by, created_at) "
              + "VALUES (?, ?, ?, ?, ?, ?, ?)")
          .params(c, t, type, v, java.sql.Date.valueOf(day), by, Timestamp.from(clock.instant())).update(keys, "id");
    } catch (DuplicateKeyException e) {
      throw ValidationException.of("code", "规范编号已登记: " + c);
    }
    long id = keys.getKey().longValue();
    jdbc.sql("INSERT INTO management_norm_version (norm_id, version, published_on, changes, published_by) "
        + "VALUES (?, ?, ?, ?, ?)").params(id, v, java.sql.Date.valueOf(day), "登记", by).update();
    return get(id);
  }

  public Norm get(long id) {
    return jdbc.sql("SELECT " + NORM_COLUMNS + " FROM management_norm WHERE id = ?").param(id)
        .query(NormService::norm).optional().orElseThrow(() -> new NotFoundException("管理规范不存在: " + id));
  }

  public Optional<Norm> find(String code) {
    return jdbc.sql("SELECT " + NORM_COLUMNS + " FROM management_norm WHERE code = ?").param(code)
        .query(NormService::norm).optional();
  }

  public Norm get(String code) {
    return find(code).orElseThrow(() -> new NotFoundException("管理规范不存在: " + code));
  }

  public List<Norm> list() {
    return jdbc.sql("SELECT " + NORM_COLUMNS + " FROM management_norm ORDER BY norm_type, code")
        .query(NormService::norm).list();
  }

  public List<Version> versions(long normId) {
    return jdbc.sql("SELECT version, published_on, changes, review_id, published_by FROM management_norm_version "
            + "WHERE norm_id = ? ORDER BY version").param(normId)
        .query((rs, i) -> {
          long r = rs.getLong("review_id");
          return new Version(rs.getInt("version"), rs.getDate("published_on").toLocalDate(), rs.getString("changes"),
              rs.wasNull() ? null : r, rs.getString("published_by"));
        }).list();
  }

  /**
   * The norms the yearly schedule reviews: every security rule (P6 7.4.1.2 定期评审) and every norm not reviewed
   * (or published) within the cycle; none with a review under way.
   */
  public List<String> dueForReview(Period every) {
    LocalDate limit = clock.instant().atZone(CityTime.ZONE).toLocalDate().minus(every);
    return list().stream()
        .filter(n -> "SECURITY".equals(n.type())
            || (n.lastReviewedOn() == null ? n.publishedOn() : n.lastReviewedOn()).isBefore(limit.plusDays(1)))
        .filter(n -> jdbc.sql("SELECT COUNT(*) FROM norm_review WHERE norm_id = ? AND status NOT IN ('CLOSED', "
            + "'RETURNED')").param(n.id()).query(Long.class).single() == 0)
        .map(Norm::code).toList();
  }

  @Transactional
  public Review open(String normCode, String reason, String processInstanceId, String by) {
    if (normCode == null || normCode.isBlank()) {
      throw ValidationException.of("normCode", "请填写规范编号");
    }
    Norm n = find(normCode.strip()).orElseThrow(() -> ValidationException.of("normCode", "没有这个管理规范: " + normCode));
    String r = Scores.required(reason, "reviewReason", "评审原因", 500);
    Instant now = clock.instant();
    var keys = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO norm_review (review_no, norm_id, reason, status, process_instance_id, requested_by, "
            + "requested_at) VALUES (?, ?, ?, 'REQUESTED', ?, ?, ?)")
        .params("GF-PENDING-" + System.nanoTime(), n.id(), r, processInstanceId, by, Timestamp.from(now))
        .update(keys, "id");
    long id = keys.getKey().longValue();
    jdbc.sql("UPDATE norm_review SET review_no = ? WHERE id = ?").params(CaseNumbers.of("GF", id, now), id).update();
    return review(id);
  }

  public void needDecision(long id, boolean confirmed, String comment, Instant opinionDue) {
    jdbc.sql("UPDATE norm_review SET status = ?, need_comment = ?, opinion_due = ? WHERE id = ?")
        .params(confirmed ? "OPINIONS" : "RETURNED", comment, opinionDue == null ? null : Timestamp.from(opinionDue),
            id).update();
  }

  public Opinion opinion(String reviewNo, String content, String party, String by) {
    Review r = review(reviewNo);
    String c = Scores.required(content, "content", "意见", 2000);
    if (!"OPINIONS".equals(r.status())) {
      throw ValidationException.of("reviewNo", "评审 " + r.reviewNo() + " 当前" + r.statusLabel() + "，不在征求意见期内");
    }
    Instant now = clock.instant();
    jdbc.sql("INSERT INTO norm_review_opinion (review_id, party, content, submitted_by, submitted_at) "
        + "VALUES (?, ?, ?, ?, ?)").params(r.id(), party, c, by, Timestamp.from(now)).update();
    return new Opinion(party, c, by, now);
  }

  public void closeOpinions(long id) {
    jdbc.sql("UPDATE norm_review SET status = 'REVIEW' WHERE id = ? AND status = 'OPINIONS'").param(id).update();
  }

  public void record(long id, String participants, String conclusions, String revisions, boolean revise) {
    jdbc.sql("UPDATE norm_review SET status = 'APPROVAL', participants = ?, conclusions = ?, revisions = ?, "
        + "revise = ? WHERE id = ?").params(participants, conclusions, revisions, revise, id).update();
  }

  public void approval(long id, boolean approved, String comment, String by) {
    jdbc.sql("UPDATE norm_review SET status = ?, approval_comment = ?, approved_by = ?, approved_at = ? WHERE id = ?")
        .params(approved ? "APPROVAL" : "REVIEW", comment, by, Timestamp.from(clock.instant()), id).update();
  }

  /** Publishes the approved review: a revision becomes the norm's next version; either way the norm is reviewed. */
  @Transactional
  public Norm publish(long reviewId, String by) {
    Review r = review(reviewId);
    Norm n = get(r.normId());
    LocalDate today = clock.instant().atZone(CityTime.ZONE).toLocalDate();
    if (Boolean.TRUE.equals(r.revise())) {
      int next = n.version() + 1;
      jdbc.sql("INSERT INTO management_norm_version (norm_id, version, published_on, changes, review_id, "
              + "published_by) VALUES (?, ?, ?, ?, ?, ?)")
          .params(n.id(), next, java.sql.Date.valueOf(today), r.revisions(), r.id(), by).update();
      jdbc.sql("UPDATE management_norm SET version = ?, published_on = ?, last_reviewed_on = ? WHERE id = ?")
          .params(next, java.sql.Date.valueOf(today), java.sql.Date.valueOf(today), n.id()).update();
      jdbc.sql("UPDATE norm_review SET new_version = ? WHERE id = ?").params(next, r.id()).update();
    } else {
      jdbc.sql("UPDATE management_norm SET last_reviewed_on = ? WHERE id = ?").params(java.sql.Date.valueOf(today),
          n.id()).update();
    }
    return get(n.id());
  }

  public void filed(long reviewId, long reportId) {
    jdbc.sql("UPDATE norm_review SET status = 'CLOSED', report_id = ? WHERE id = ?").params(reportId, reviewId)
        .update();
  }

  public Review review(long id) {
    return jdbc.sql("SELECT " + REVIEW_COLUMNS + " FROM norm_review WHERE id = ?").param(id)
        .query(NormService::review).optional().orElseThrow(() -> new NotFoundException("评审不存在: " + id));
  }

  public Review review(String reviewNo) {
    return jdbc.sql("SELECT " + REVIEW_COLUMNS + " FROM norm_review WHERE review_no = ?").param(reviewNo)
        .query(NormService::review).optional().orElseThrow(() -> new NotFoundException("评审不存在: " + reviewNo));
  }

  public Optional<Review> findByProcessInstance(String processInstanceId) {
    return jdbc.sql("SELECT " + REVIEW_COLUMNS + " FROM norm_review WHERE process_instance_id = ?")
        .param(processInstanceId).query(NormService::review).optional();
  }

  public List<Review> reviews(long normId) {
    return jdbc.sql("SELECT " + REVIEW_COLUMNS + " FROM norm_review WHERE norm_id = ? ORDER BY id").param(normId)
        .query(NormService::review).list();
  }

  public List<Opinion> opinions(long reviewId) {
    return jdbc.sql("SELECT party, content, submitted_by, submitted_at FROM norm_review_opinion WHERE review_id = ? "
            + "ORDER BY submitted_at, id").param(reviewId)
        .query((rs, i) -> new Opinion(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4)
            .toInstant())).list();
  }

  private static Map<String, String> linked(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  private static Norm norm(ResultSet rs, int row) throws SQLException {
    java.sql.Date reviewed = rs.getDate("last_reviewed_on");
    return new Norm(rs.getLong("id"), rs.getString("code"), rs.getString("title"), rs.getString("norm_type"),
        rs.getInt("version"), rs.getDate("published_on").toLocalDate(), reviewed == null ? null
        : reviewed.toLocalDate(), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
  }

  private static Review review(ResultSet rs, int row) throws SQLException {
    Timestamp due = rs.getTimestamp("opinion_due");
    Timestamp approvedAt = rs.getTimestamp("approved_at");
    boolean revise = rs.getBoolean("revise");
    Boolean reviseOrNull = rs.wasNull() ? null : revise;
    int v = rs.getInt("new_version");
    Integer newVersion = rs.wasNull() ? null : v;
    long report = rs.getLong("report_id");
    Long reportId = rs.wasNull() ? null : report;
    return new Review(rs.getLong("id"), rs.getString("review_no"), rs.getLong("norm_id"), rs.getString("reason"),
        rs.getString("status"), rs.getString("need_comment"), due == null ? null : due.toInstant(),
        rs.getString("participants"), rs.getString("conclusions"), rs.getString("revisions"), reviseOrNull,
        rs.getString("approval_comment"), rs.getString("approved_by"), approvedAt == null ? null
        : approvedAt.toInstant(), newVersion, reportId, rs.getString("process_instance_id"),
        rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant());
  }
}
