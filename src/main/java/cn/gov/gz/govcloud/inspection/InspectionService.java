package cn.gov.gz.govcloud.inspection;

import static cn.gov.gz.govcloud.inspection.InspectionSql.blankToNull;
import static cn.gov.gz.govcloud.inspection.InspectionSql.instant;
import static cn.gov.gz.govcloud.inspection.InspectionSql.join;
import static cn.gov.gz.govcloud.inspection.InspectionSql.split;
import static cn.gov.gz.govcloud.inspection.InspectionSql.ts;

import cn.gov.gz.govcloud.access.NotFoundException;
import cn.gov.gz.govcloud.engine.CaseNumbers;
import cn.gov.gz.govcloud.sla.WorkingCalendar;
import cn.gov.gz.govcloud.web.ValidationException;
import cn.gov.gz.govcloud.web.ValidationException.FieldError;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inspections (P6 7.2.3.1, 7.2.3.2; P3 5.1.3): registration, the plan derived from the checklist templates and the
 * machine rooms, the areas inspectors work through, and the inspection's progress. The checklists are
 * {@link InspectionChecklists}', the findings {@link InspectionFindings}'.
 */
@Service
public class InspectionService {

  private static final String COLUMNS = "id, inspection_no, kind, quarter_key, scope_rooms, scope_units, "
      + "scope_categories, reason, process_instance_id, status, due_at, planned_by, started_by, reconciliation_run_id, "
      + "report_id, escalated_at, created_at, checked_at, completed_at, addendum_id, requirements_by, requirements_at";
  private static final String AREA_COLUMNS = "id, inspection_id, kind, ref, name, inspector, status, access_at, "
      + "access_note, access_comment, access_by, checked_by, checked_at";

  private final JdbcClient jdbc;
  private final Clock clock;
  private final ChecklistTemplates templates;

  InspectionService(JdbcClient jdbc, Clock clock, ChecklistTemplates templates) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.templates = templates;
  }

  /** "2026Q4": the quarter a moment falls in, in China time. */
  static String quarterOf(Instant at) {
    LocalDate day = at.atZone(WorkingCalendar.CHINA).toLocalDate();
    return day.getYear() + "Q" + ((day.getMonthValue() - 1) / 3 + 1);
  }

  /**
   * Registers an inspection. A quarterly one is unique per quarter: when that quarter already has one, nothing is
   * created and the result is empty.
   */
  @Transactional
  public Optional<Inspection> create(Inspection.Kind kind, Scope scope, String reason, String processInstanceId,
      String by) {
    Instant now = clock.instant();
    String quarter = kind == Inspection.Kind.QUARTERLY ? quarterOf(now) : null;
    if (quarter != null && jdbc.sql("SELECT COUNT(*) FROM inspection WHERE quarter_key = ?").param(quarter)
        .query(Long.class).single() > 0) {
      return Optional.empty();
    }
    validateScope(scope);
    List<String[]> areas = plannedAreas(scope);
    if (areas.isEmpty()) {
      throw ValidationException.of("scope", "巡检范围内没有可巡检的机房或资源类别");
    }
    var keys = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO inspection (inspection_no, kind, quarter_key, scope_rooms, scope_units, scope_categories, "
            + "reason, process_instance_id, status, started_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PLANNING', ?, ?)")
        .params("TMP-" + java.util.UUID.randomUUID().toString().substring(0, 20), kind.name(), quarter,
            join(scope.rooms()), join(scope.units()), join(scope.categories()), blankToNull(reason), processInstanceId,
            by, ts(now))
        .update(keys, "id");
    long id = keys.getKey().longValue();
    jdbc.sql("UPDATE inspection SET inspection_no = ? WHERE id = ?").params(CaseNumbers.of("XJ", id, now), id)
        .update();
    for (String[] a : areas) {
      jdbc.sql("INSERT INTO inspection_area (inspection_id, kind, ref, name, status) VALUES (?, ?, ?, ?, 'PLANNED')")
          .params(id, a[0], a[1], a[0].equals("ROOM") ? a[2] + "（机房）" : a[2]).update();
    }
    return Optional.of(get(id));
  }

  private void validateScope(Scope scope) {
    List<FieldError> errors = new ArrayList<>();
    Set<String> rooms = new LinkedHashSet<>(jdbc.sql("SELECT code FROM machine_room").query(String.class).list());
    for (String r : scope.rooms()) {
      if (!rooms.contains(r)) {
        errors.add(new FieldError(null, "scopeRooms", "机房不存在: " + r));
      }
    }
    Set<String> categories = new LinkedHashSet<>(templates.categories());
    for (String c : scope.categories()) {
      if (!categories.contains(c)) {
        errors.add(new FieldError(null, "scopeCategories", "巡检类别不存在: " + c + "（可选：" + categories + "）"));
      }
    }
    Set<String> units = new LinkedHashSet<>(jdbc.sql("SELECT code FROM rv_org_unit").query(String.class).list());
    for (String u : scope.units()) {
      if (!units.contains(u)) {
        errors.add(new FieldError(null, "scopeUnits", "使用单位不存在: " + u));
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }

  /** The using units that have business systems of these service levels (GB/T 34077.3 5.3.6), in code order. */
  public List<String> unitsWithLevels(java.util.Collection<Integer> levels) {
    if (levels.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("SELECT DISTINCT unit_code FROM rv_business_system WHERE service_level IN ("
            + String.join(", ", levels.stream().map(l -> "?").toList()) + ") ORDER BY unit_code")
        .params(List.copyOf(levels)).query(String.class).list();
  }

  /** The resource checklist categories (P3 Appendix A.1) a special inspection of cloud resources covers. */
  public List<String> resourceCategories() {
    return templates.categories();
  }

  /** Whether a full inspection would have anything to inspect: an active machine room or resource checklist item. */
  public boolean anythingToInspect() {
    return !plannedAreas(Scope.ALL).isEmpty();
  }

  /**
   * The plan (P6 7.2.3.1.2, 7.2.3.2.2): one area per machine room in scope (A.2) and one per cloud-resource category
   * (A.1). A special inspection limited to rooms has no resource areas and the other way round.
   */
  private List<String[]> plannedAreas(Scope scope) {
    boolean special = !scope.rooms().isEmpty() || !scope.categories().isEmpty();
    List<String[]> areas = new ArrayList<>();
    if (!special || !scope.rooms().isEmpty()) {
      jdbc.sql("SELECT code, name FROM machine_room WHERE active = TRUE ORDER BY code")
          .query((rs, i) -> new String[] {"ROOM", rs.getString(1), rs.getString(2)}).list().stream()
          .filter(a -> scope.rooms().isEmpty() || scope.rooms().contains(a[1])).forEach(areas::add);
    }
    if (!special || !scope.categories().isEmpty()) {
      templates.categories().stream().filter(c -> scope.categories().isEmpty() || scope.categories().contains(c))
          .forEach(c -> areas.add(new String[] {"RESOURCE", c, c}));
    }
    return areas;
  }

  /**
   * The manager's plan: due date and who inspects rooms and resources (P6 7.2.3.1.2). The inspection stays PLANNING
   * until management confirms the requirements ({@link #requirementsConfirmed}).
   */
  @Transactional
  public void applyPlan(long id, Instant dueAt, String roomInspector, String resourceInspector, String by) {
    List<FieldError> errors = new ArrayList<>();
    if (dueAt == null || !dueAt.isAfter(clock.instant())) {
      errors.add(new FieldError(null, "dueDate", "计划完成时间须晚于当前时间"));
    }
    List<Area> areas = areas(id);
    if (roomInspector == null && areas.stream().anyMatch(a -> a.kind() == Area.Kind.ROOM)) {
      errors.add(new FieldError(null, "roomInspector", "本次巡检包含机房，须指定机房巡检人员"));
    }
    if (resourceInspector == null && areas.stream().anyMatch(a -> a.kind() == Area.Kind.RESOURCE)) {
      errors.add(new FieldError(null, "resourceInspector", "本次巡检包含云资源，须指定资源巡检人员"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    jdbc.sql("UPDATE inspection SET due_at = ?, planned_by = ? WHERE id = ?")
        .params(ts(dueAt), by, id).update();
    jdbc.sql("UPDATE inspection_area SET inspector = CASE WHEN kind = 'ROOM' THEN ? ELSE ? END, status = 'PENDING' "
        + "WHERE inspection_id = ?").params(roomInspector, resourceInspector, id).update();
  }

  public Inspection get(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM inspection WHERE id = ?").param(id).query(InspectionService::map)
        .optional().orElseThrow(() -> new NotFoundException("巡检不存在: " + id));
  }

  public Optional<Inspection> findByProcessInstance(String processInstanceId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM inspection WHERE process_instance_id = ?").param(processInstanceId)
        .query(InspectionService::map).optional();
  }

  public Optional<Inspection> findByNo(String no) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM inspection WHERE inspection_no = ?").param(no)
        .query(InspectionService::map).optional();
  }

  public List<Inspection> search(String status, Instant from, Instant to, int limit) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM inspection WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    if (status != null) {
      sql.append(" AND status = ?");
      params.add(status);
    }
    if (from != null) {
      sql.append(" AND created_at >= ?");
      params.add(ts(from));
    }
    if (to != null) {
      sql.append(" AND created_at < ?");
      params.add(ts(to));
    }
    sql.append(" ORDER BY created_at DESC, id DESC LIMIT ").append(Math.max(1, Math.min(limit, 500)));
    return jdbc.sql(sql.toString()).params(params).query(InspectionService::map).list();
  }

  public List<Area> areas(long inspectionId) {
    return jdbc.sql("SELECT " + AREA_COLUMNS + " FROM inspection_area WHERE inspection_id = ? ORDER BY id")
        .param(inspectionId).query(InspectionService::mapArea).list();
  }

  public Area area(long areaId) {
    return jdbc.sql("SELECT " + AREA_COLUMNS + " FROM inspection_area WHERE id = ?").param(areaId)
        .query(InspectionService::mapArea).optional()
        .orElseThrow(() -> new NotFoundException("巡检区域不存在: " + areaId));
  }

  @Transactional
  public void extendDue(long inspectionId, Instant dueAt) {
    if (dueAt == null || !dueAt.isAfter(clock.instant())) {
      throw ValidationException.of("newDueDate", "新的计划完成时间须晚于当前时间");
    }
    jdbc.sql("UPDATE inspection SET due_at = ? WHERE id = ?").params(ts(dueAt), inspectionId).update();
  }

  @Transactional
  public void status(long inspectionId, Inspection.Status status) {
    Timestamp now = ts(clock.instant());
    jdbc.sql("UPDATE inspection SET status = ? WHERE id = ?").params(status.name(), inspectionId).update();
    if (status == Inspection.Status.FOLLOW_UP) {
      jdbc.sql("UPDATE inspection SET checked_at = ? WHERE id = ? AND checked_at IS NULL").params(now, inspectionId)
          .update();
    } else if (status == Inspection.Status.COMPLETED) {
      jdbc.sql("UPDATE inspection SET completed_at = ? WHERE id = ?").params(now, inspectionId).update();
    }
  }

  @Transactional
  public void escalated(long inspectionId) {
    jdbc.sql("UPDATE inspection SET escalated_at = ? WHERE id = ? AND escalated_at IS NULL")
        .params(ts(clock.instant()), inspectionId).update();
  }

  @Transactional
  public void reported(long inspectionId, long reportId) {
    jdbc.sql("UPDATE inspection SET report_id = ? WHERE id = ?").params(reportId, inspectionId).update();
  }

  @Transactional
  public void addendum(long inspectionId, long addendumId) {
    jdbc.sql("UPDATE inspection SET addendum_id = ? WHERE id = ?").params(addendumId, inspectionId).update();
  }

  /** Management confirmed the inspection requirements (P6 7.2.3.1.1, 7.2.3.2.1): the inspection may start. */
  @Transactional
  public void requirementsConfirmed(long inspectionId, String by, String comment) {
    jdbc.sql("UPDATE inspection SET requirements_by = ?, requirements_at = ?, requirements_comment = ?, "
            + "status = 'IN_PROGRESS' WHERE id = ?")
        .params(by, ts(clock.instant()), InspectionSql.cut(comment, 1000), inspectionId).update();
  }

  // ---- records

  /** What a special inspection covers; empty lists mean "all". */
  public record Scope(List<String> rooms, List<String> units, List<String> categories) {
    public Scope {
      rooms = rooms == null ? List.of() : List.copyOf(rooms);
      units = units == null ? List.of() : List.copyOf(units);
      categories = categories == null ? List.of() : List.copyOf(categories);
    }

    static final Scope ALL = new Scope(List.of(), List.of(), List.of());
  }

  public record Area(long id, long inspectionId, Kind kind, String ref, String name, String inspector, Status status,
      Instant accessAt, String accessNote, String accessComment, String accessBy, String checkedBy,
      Instant checkedAt) {
    public enum Kind { ROOM, RESOURCE }

    public enum Status { PLANNED, PENDING, ACCESS_REQUESTED, ACCESS_DENIED, ACCESS_GRANTED, DONE }
  }

  // ---- mapping

  static Inspection map(ResultSet rs, int row) throws SQLException {
    return new Inspection(rs.getLong("id"), rs.getString("inspection_no"), Inspection.Kind.valueOf(rs.getString("kind")),
        rs.getString("quarter_key"), new Scope(split(rs.getString("scope_rooms")), split(rs.getString("scope_units")),
            split(rs.getString("scope_categories"))), rs.getString("reason"), rs.getString("process_instance_id"),
        Inspection.Status.valueOf(rs.getString("status")), instant(rs, "due_at"), rs.getString("planned_by"),
        rs.getString("started_by"), (Long) rs.getObject("reconciliation_run_id", Long.class),
        (Long) rs.getObject("report_id", Long.class), instant(rs, "escalated_at"), instant(rs, "created_at"),
        instant(rs, "checked_at"), instant(rs, "completed_at"), (Long) rs.getObject("addendum_id", Long.class),
        rs.getString("requirements_by"), instant(rs, "requirements_at"));
  }

  static Area mapArea(ResultSet rs, int row) throws SQLException {
    return new Area(rs.getLong("id"), rs.getLong("inspection_id"), Area.Kind.valueOf(rs.getString("kind")),
        rs.getString("ref"), rs.getString("name"), rs.getString("inspector"), Area.Status.valueOf(rs.getString("status")),
        instant(rs, "access_at"), rs.getString("access_note"), rs.getString("access_comment"),
        rs.getString("access_by"), rs.getString("checked_by"), instant(rs, "checked_at"));
  }
}
