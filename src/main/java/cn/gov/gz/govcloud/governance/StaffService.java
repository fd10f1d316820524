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
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The roster of the provider's operations staff and their confidentiality pledges: a staff member joins (ACTIVE) and
 * leaves (LEFT) on a day; each joining and each leaving asks for a pledge (PENDING until its signing day is recorded,
 * then SIGNED). The scanned pledge itself goes to the deliverables register.
 */
@Implements(value = "P6 7.4.1.3", what = "c) 运营服务人员入职、离职签订保密协议：人员名册与保密协议登记")
@Service
public class StaffService {

  static final String JOIN = "JOIN";
  static final String LEAVE = "LEAVE";
  static final Map<String, String> KIND_LABELS = Map.of(JOIN, "入职", LEAVE, "离职");
  static final Map<String, String> STATUS_LABELS = Map.of("ACTIVE", "在岗", "LEFT", "已离职");
  private static final String STAFF_COLUMNS = "id, name, user_id, post, joined_on, left_on, status, created_by, "
      + "created_at";
  private static final String PLEDGE_COLUMNS = "p.id, p.staff_id, s.name, p.kind, p.status, p.due_at, p.signed_on, "
      + "p.note, p.recorded_by, p.recorded_at, p.reminders, p.process_instance_id, p.created_at";

  private final JdbcClient jdbc;
  private final Clock clock;

  StaffService(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A staff member of the provider's operations team. */
  public record Staff(long id, String name, String userId, String post, LocalDate joinedOn, LocalDate leftOn,
      String status, String createdBy, Instant createdAt) {

    public String statusLabel() {
      return STATUS_LABELS.getOrDefault(status, status);
    }
  }

  /** A confidentiality pledge at joining or leaving. */
  public record Pledge(long id, long staffId, String staffName, String kind, String status, Instant dueAt,
      LocalDate signedOn, String note, String recordedBy, Instant recordedAt, int reminders, String processInstanceId,
      Instant createdAt) {

    public String kindLabel() {
      return KIND_LABELS.getOrDefault(kind, kind);
    }

    /** The case number people quote: BM + day + id. */
    public String pledgeNo() {
      return CaseNumbers.of("BM", id, createdAt);
    }
  }

  /** A staff member with the pledges of the roster view. */
  public record RosterEntry(Staff staff, List<Pledge> pledges) {}

  /** Checks and adds a staff member who joins on the given day. */
  @Transactional
  public Staff join(String name, String userId, String post, Object joinedOn, String by) {
    String n = Scores.required(name, "name", "姓名", 100);
    String u = Scores.optional(userId, "userId", "系统账号", 64);
    if (u != null && !u.matches("[A-Za-z0-9._@-]+")) {
      throw ValidationException.of("userId", "系统账号只能包含字母、数字和 . _ @ -");
    }
    String p = Scores.required(post, "post", "岗位", 100);
    LocalDate day = Scores.day(joinedOn, "joinedOn", "入职日期");
    if (day.isAfter(today().plusDays(90))) {
      throw ValidationException.of("joinedOn", "入职日期不能晚于 90 天后");
    }
    var keys = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO ops_staff (name, user_id, post, joined_on, status, created_by, created_at) "
            + "VALUES (?, ?, ?, ?, 'ACTIVE', ?, ?)")
        .params(n, u, p, java.sql.Date.valueOf(day), by, Timestamp.from(clock.instant())).update(keys, "id");
    return get(keys.getKey().longValue());
  }

  /** Records the leaving of an active staff member on the given day. */
  @Transactional
  public Staff leave(long staffId, Object leftOn) {
    Staff s = get(staffId);
    LocalDate day = Scores.day(leftOn, "leftOn", "离职日期");
    if (!"ACTIVE".equals(s.status())) {
      throw ValidationException.of("staffId", s.name() + " 已于 " + s.leftOn() + " 离职");
    }
    if (day.isBefore(s.joinedOn())) {
      throw ValidationException.of("leftOn", "离职日期不能早于入职日期 " + s.joinedOn());
    }
    jdbc.sql("UPDATE ops_staff SET status = 'LEFT', left_on = ? WHERE id = ?").params(java.sql.Date.valueOf(day),
        staffId).update();
    return get(staffId);
  }

  /** Opens the pledge of a joining or leaving, due the configured time after the later of that day and now. */
  @Transactional
  public Pledge openPledge(long staffId, String kind, java.time.Duration within, String processInstanceId) {
    Staff s = get(staffId);
    if (!KIND_LABELS.containsKey(kind)) {
      throw ValidationException.of("pledgeKind", "保密协议类型应为 JOIN（入职）或 LEAVE（离职）");
    }
    LocalDate day = JOIN.equals(kind) ? s.joinedOn() : s.leftOn();
    if (day == null) {
      throw ValidationException.of("staffId", s.name() + " 尚未登记离职");
    }
    Instant now = clock.instant();
    Instant from = day.atTime(9, 0).atZone(CityTime.ZONE).toInstant();
    Instant due = (from.isAfter(now) ? from : now).plus(within);
    var keys = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO staff_pledge (staff_id, kind, status, due_at, process_instance_id, created_at) "
            + "VALUES (?, ?, 'PENDING', ?, ?, ?)")
        .params(staffId, kind, Timestamp.from(due), processInstanceId, Timestamp.from(now)).update(keys, "id");
    return pledge(keys.getKey().longValue());
  }

  /** Records the day the pledge was signed (not in the future). */
  public Pledge signed(long pledgeId, Object signedOn, String note, String by) {
    Pledge p = pledge(pledgeId);
    LocalDate day = Scores.day(signedOn, "signedOn", "签订日期");
    if (day.isAfter(today())) {
      throw ValidationException.of("signedOn", "签订日期不能晚于今天");
    }
    String n = Scores.optional(note, "pledgeNote", "备注", 500);
    if (!"PENDING".equals(p.status())) {
      throw ValidationException.of("pledgeId", "该保密协议已登记");
    }
    jdbc.sql("UPDATE staff_pledge SET status = 'SIGNED', signed_on = ?, note = ?, recorded_by = ?, recorded_at = ? "
            + "WHERE id = ?")
        .params(java.sql.Date.valueOf(day), n, by, Timestamp.from(clock.instant()), pledgeId).update();
    return pledge(pledgeId);
  }

  public void reminded(long pledgeId) {
    jdbc.sql("UPDATE staff_pledge SET reminders = reminders + 1 WHERE id = ?").param(pledgeId).update();
  }

  public Staff get(long id) {
    return jdbc.sql("SELECT " + STAFF_COLUMNS + " FROM ops_staff WHERE id = ?").param(id).query(StaffService::staff)
        .optional().orElseThrow(() -> new NotFoundException("运维人员不存在: " + id));
  }

  /** The active staff on a day, by name (the staff an assessment covers). */
  public List<Staff> active() {
    return jdbc.sql("SELECT " + STAFF_COLUMNS + " FROM ops_staff WHERE status = 'ACTIVE' ORDER BY name, id")
        .query(StaffService::staff).list();
  }

  public List<RosterEntry> roster(String status) {
    if (status != null && !STATUS_LABELS.containsKey(status)) {
      throw ValidationException.of("status", "状态应为 ACTIVE 或 LEFT");
    }
    List<Staff> staff = jdbc.sql("SELECT " + STAFF_COLUMNS + " FROM ops_staff"
            + (status == null ? "" : " WHERE status = :status") + " ORDER BY status, name, id")
        .paramSource(status == null ? Map.of() : Map.of("status", status)).query(StaffService::staff).list();
    return staff.stream().map(s -> new RosterEntry(s, pledges(s.id()))).toList();
  }

  public List<Pledge> pledges(long staffId) {
    return jdbc.sql("SELECT " + PLEDGE_COLUMNS + " FROM staff_pledge p JOIN ops_staff s ON s.id = p.staff_id "
        + "WHERE p.staff_id = ? ORDER BY p.id").param(staffId).query(StaffService::pledge).list();
  }

  public Pledge pledge(long id) {
    return jdbc.sql("SELECT " + PLEDGE_COLUMNS + " FROM staff_pledge p JOIN ops_staff s ON s.id = p.staff_id "
            + "WHERE p.id = ?").param(id).query(StaffService::pledge).optional()
        .orElseThrow(() -> new NotFoundException("保密协议不存在: " + id));
  }

  private LocalDate today() {
    return clock.instant().atZone(CityTime.ZONE).toLocalDate();
  }

  private static Staff staff(ResultSet rs, int row) throws SQLException {
    java.sql.Date left = rs.getDate("left_on");
    return new Staff(rs.getLong("id"), rs.getString("name"), rs.getString("user_id"), rs.getString("post"),
        rs.getDate("joined_on").toLocalDate(), left == null ? null : left.toLocalDate(), rs.getString("status"),
        rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
  }

  private static Pledge pledge(ResultSet rs, int row) throws SQLException {
    java.sql.Date signed = rs.getDate("signed_on");
    Timestamp recorded = rs.getTimestamp("recorded_at");
    return new Pledge(rs.getLong("id"), rs.getLong("staff_id"), rs.getString("name"), rs.getString("kind"),
        rs.getString("status"), rs.getTimestamp("due_at").toInstant(), signed == null ? null : signed.toLocalDate(),
        rs.getString("note"), rs.getString("recorded_by"), recorded == null ? null : recorded.toInstant(),
        rs.getInt("reminders"), rs.getString("process_instance_id"), rs.getTimestamp("created_at").toInstant());
  }
}
