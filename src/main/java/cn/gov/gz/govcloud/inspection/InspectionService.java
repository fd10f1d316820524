package cn.gov.gz.govcloud.inspection;

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
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inspections (P6 7.2.3.1, 7.2.3.2; P3 5.1.3): the plan derived from the checklist templates and the machine rooms, the
 * areas inspectors work through, their results, the findings and how each was followed up.
 */
@Service
public class InspectionService {

  static final Set<String> RESULTS = Set.of("NORMAL", "ABNORMAL", "NA");
  static final Set<String> SEVERITIES = Set.of("GENERAL", "SEVERE");
  private static final String COLUMNS = "id, inspection_no, kind, quarter_key, scope_rooms, scope_units, "
      + "scope_categories, reason, process_instance_id, status, due_at, planned_by, started_by, reconciliation_run_id, "
      + "report_id, escalated_at, created_at, checked_at, completed_at";
  private static final String AREA_COLUMNS = "id, inspection_id, kind, ref, name, inspector, status, access_at, "
      + "access_note, access_comment, access_by, checked_by, checked_at";
  private static final String FINDING_COLUMNS = "id, finding_no, inspection_id, area_id, source, title, description, "
      + "severity, unit_code, status, case_key, case_instance_id, resolution, created_at, closed_at";

  private final JdbcClient jdbc;
  private final Clock clock;

  InspectionService(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
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
    deriveAreas(id, scope);
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
    Set<String> categories = new LinkedHashSet<>(categories());
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

  /** Categories of the cloud-resource checklist (A.1) in use. */
  public List<String> categories() {
    return jdbc.sql("SELECT category FROM inspection_checklist_item WHERE area_kind = 'RESOURCE' AND active = TRUE "
        + "GROUP BY category ORDER BY MIN(sort_order)").query(String.class).list();
  }

  /**
   * The plan (P6 7.2.3.1.2, 7.2.3.2.2): one area per machine room in scope (A.2) and one per cloud-resource category
   * (A.1). A special inspection limited to rooms has no resource areas and the other way round.
   */
  private void deriveAreas(long inspectionId, Scope scope) {
    boolean special = !scope.rooms().isEmpty() || !scope.categories().isEmpty();
    List<String[]> areas = new ArrayList<>();
    if (!special || !scope.rooms().isEmpty()) {
      jdbc.sql("SELECT code, name FROM machine_room WHERE active = TRUE ORDER BY code")
          .query((rs, i) -> new String[] {"ROOM", rs.getString(1), rs.getString(2)}).list().stream()
          .filter(a -> scope.rooms().isEmpty() || scope.rooms().contains(a[1])).forEach(areas::add);
    }
    if (!special || !scope.categories().isEmpty()) {
      categories().stream().filter(c -> scope.categories().isEmpty() || scope.categories().contains(c))
          .forEach(c -> areas.add(new String[] {"RESOURCE", c, c}));
    }
    if (areas.isEmpty()) {
      throw ValidationException.of("scope", "巡检范围内没有可巡检的机房或资源类别");
    }
    for (String[] a : areas) {
      jdbc.sql("INSERT INTO inspection_area (inspection_id, kind, ref, name, status) VALUES (?, ?, ?, ?, 'PLANNED')")
          .params(inspectionId, a[0], a[1], a[0].equals("ROOM") ? a[2] + "（机房）" : a[2]).update();
    }
  }

  /** The manager's plan: due date and who inspects rooms and resources (P6 7.2.3.1.2). */
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
    jdbc.sql("UPDATE inspection SET due_at = ?, planned_by = ?, status = 'IN_PROGRESS' WHERE id = ?")
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

  /** Whether any resource area of the inspection has an item the ledger check answers (A.1 items 3 and 8). */
  public boolean hasLedgerItems(long inspectionId) {
    return jdbc.sql("SELECT COUNT(*) FROM inspection_area a JOIN inspection_checklist_item c ON c.category = a.ref "
            + "AND c.area_kind = 'RESOURCE' AND c.active = TRUE AND c.automatic = 'LEDGER' "
            + "WHERE a.inspection_id = ? AND a.kind = 'RESOURCE'")
        .param(inspectionId).query(Long.class).single() > 0;
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

  /**
   * The checklist an inspector fills for one area, from the templates as they are now: A.2 for a room, the A.1 items
   * of the category for resources. Items checked automatically (the ledger check) come filled in.
   */
  public List<ChecklistLine> checklist(long areaId) {
    Area area = area(areaId);
    Inspection inspection = get(area.inspectionId());
    long ledgerFindings = jdbc.sql("SELECT COUNT(*) FROM inspection_finding WHERE inspection_id = ? AND source = 'LEDGER'")
        .param(inspection.id()).query(Long.class).single();
    String sql = "SELECT id, category, item, content, automatic FROM inspection_checklist_item WHERE active = TRUE AND "
        + (area.kind() == Area.Kind.ROOM ? "area_kind = 'ROOM'" : "area_kind = 'RESOURCE' AND category = ?")
        + " ORDER BY sort_order, id";
    var query = jdbc.sql(sql);
    if (area.kind() == Area.Kind.RESOURCE) {
      query = query.param(area.ref());
    }
    return query.query((rs, i) -> {
      boolean ledger = "LEDGER".equals(rs.getString(5));
      String result = null;
      String remark = null;
      if (ledger) {
        if (inspection.reconciliationRunId() == null) {
          result = "NA";
          remark = "尚未导入资源清单，未能自动核对台账";
        } else {
          result = ledgerFindings == 0 ? "NORMAL" : "ABNORMAL";
          remark = ledgerFindings == 0 ? "台账核对（自动）：订单、台账与实际运行一致"
              : "台账核对（自动）：发现 " + ledgerFindings + " 类差异，已逐项列为问题并跟进";
        }
      }
      return new ChecklistLine(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), ledger, result,
          "GENERAL", remark);
    }).list();
  }

  @Transactional
  public void requestAccess(long areaId, Instant at, String note, String by) {
    List<FieldError> errors = new ArrayList<>();
    if (at == null) {
      errors.add(new FieldError(null, "accessAt", "请填写计划进入机房的时间"));
    }
    if (note == null || note.isBlank()) {
      errors.add(new FieldError(null, "accessNote", "请填写进入人员与事由"));
    } else if (note.length() > 1000) {
      errors.add(new FieldError(null, "accessNote", "最长 1000 字"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    jdbc.sql("UPDATE inspection_area SET status = 'ACCESS_REQUESTED', access_at = ?, access_note = ?, "
        + "access_comment = NULL, access_by = NULL WHERE id = ?").params(ts(at), note.strip(), areaId).update();
  }

  @Transactional
  public void decideAccess(long areaId, boolean approved, String comment, String by) {
    if (!approved && (comment == null || comment.isBlank())) {
      throw ValidationException.of("accessComment", "不同意进入时须说明原因");
    }
    jdbc.sql("UPDATE inspection_area SET status = ?, access_comment = ?, access_by = ? WHERE id = ?")
        .params(approved ? "ACCESS_GRANTED" : "ACCESS_DENIED", blankToNull(comment), by, areaId).update();
  }

  /**
   * Records a filled checklist (P6 7.2.3.1.5, 7.2.3.2.6): every item of the area once, each normal, abnormal (with a
   * remark saying what is wrong) or not applicable. Every abnormal item becomes a finding (7.2.3.1.4); automatic
   * items are already findings of their own.
   *
   * @return the number of findings created
   */
  @Transactional
  public int recordChecklist(long areaId, List<ChecklistLine> lines, String by) {
    Area area = area(areaId);
    if (area.status() == Area.Status.DONE) {
      throw ValidationException.of("checklist", "该区域的巡检记录已提交");
    }
    Map<Long, ChecklistLine> template = new HashMap<>();
    checklist(areaId).forEach(l -> template.put(l.itemId(), l));
    List<FieldError> errors = new ArrayList<>();
    Map<Long, ChecklistLine> filled = new HashMap<>();
    for (int i = 0; i < (lines == null ? 0 : lines.size()); i++) {
      ChecklistLine l = lines.get(i);
      ChecklistLine t = l == null ? null : template.get(l.itemId());
      if (t == null) {
        errors.add(new FieldError(i, "checklist", "不是本区域的巡检项"));
        continue;
      }
      if (filled.put(t.itemId(), l) != null) {
        errors.add(new FieldError(i, "checklist", "巡检项重复: " + t.item()));
      }
      if (l.result() == null || !RESULTS.contains(l.result())) {
        errors.add(new FieldError(i, "result", t.category() + " / " + t.item() + "：请选择正常、异常或不适用"));
      }
      if ("ABNORMAL".equals(l.result()) && (l.remark() == null || l.remark().isBlank())) {
        errors.add(new FieldError(i, "remark", t.category() + " / " + t.item() + "：异常项须说明情况"));
      }
      if (l.remark() != null && l.remark().length() > 1000) {
        errors.add(new FieldError(i, "remark", "最长 1000 字"));
      }
      if (l.severity() != null && !SEVERITIES.contains(l.severity())) {
        errors.add(new FieldError(i, "severity", "取值 GENERAL（一般）或 SEVERE（严重）"));
      }
    }
    template.values().stream().filter(t -> !filled.containsKey(t.itemId())).forEach(t -> errors.add(
        new FieldError(null, "checklist", "缺少巡检项: " + t.category() + " / " + t.item())));
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    Inspection inspection = get(area.inspectionId());
    Instant now = clock.instant();
    int findings = 0;
    for (ChecklistLine t : template.values().stream().sorted((a, b) -> Long.compare(a.itemId(), b.itemId())).toList()) {
      ChecklistLine l = t.automatic() ? t : filled.get(t.itemId());
      String severity = "ABNORMAL".equals(l.result()) ? (l.severity() == null ? "GENERAL" : l.severity()) : null;
      jdbc.sql("INSERT INTO inspection_result (area_id, item_id, category, item, result, severity, remark) "
              + "VALUES (?, ?, ?, ?, ?, ?, ?)")
          .params(areaId, t.itemId(), t.category(), t.item(), l.result(), severity, blankToNull(l.remark())).update();
      if ("ABNORMAL".equals(l.result()) && !t.automatic()) {
        addFinding(inspection, areaId, "CHECKLIST", (area.kind() == Area.Kind.ROOM ? area.name() + "：" : "")
                + t.category() + " / " + t.item() + " 异常",
            t.content() + "\n巡检记录：" + l.remark().strip(), severity, null, now);
        findings++;
      }
    }
    jdbc.sql("UPDATE inspection_area SET status = 'DONE', checked_by = ?, checked_at = ? WHERE id = ?")
        .params(by, ts(now), areaId).update();
    return findings;
  }

  public List<Result> results(long inspectionId) {
    return jdbc.sql("SELECT r.area_id, a.name, r.category, r.item, r.result, r.severity, r.remark "
            + "FROM inspection_result r JOIN inspection_area a ON a.id = r.area_id WHERE a.inspection_id = ? "
            + "ORDER BY r.area_id, r.id")
        .param(inspectionId).query((rs, i) -> new Result(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7))).list();
  }

  /** The ledger check's outcome: the run and one finding per kind of difference and unit (P3 A.1 items 3 and 8). */
  @Transactional
  public int recordLedgerCheck(long inspectionId, Long runId, Map<List<String>, List<String>> groups) {
    Inspection inspection = get(inspectionId);
    jdbc.sql("UPDATE inspection SET reconciliation_run_id = ? WHERE id = ?").params(runId, inspectionId).update();
    Instant now = clock.instant();
    int n = 0;
    for (var group : groups.entrySet()) {
      String kind = group.getKey().get(0);
      String unit = group.getKey().get(1);
      List<String> lines = group.getValue();
      String shown = lines.stream().limit(50).collect(Collectors.joining("\n"));
      addFinding(inspection, null, "LEDGER", "台账核对：" + (unit == null ? "未登记单位" : unit) + " " + kind + " "
              + lines.size() + " 处",
          shown + (lines.size() > 50 ? "\n……共 " + lines.size() + " 处，详见台账核对记录（批次 " + runId + "）" : ""),
          "GENERAL", unit, now);
      n++;
    }
    return n;
  }

  private void addFinding(Inspection inspection, Long areaId, String source, String title, String description,
      String severity, String unitCode, Instant now) {
    long seq = jdbc.sql("SELECT COUNT(*) FROM inspection_finding WHERE inspection_id = ?").param(inspection.id())
        .query(Long.class).single() + 1;
    jdbc.sql("INSERT INTO inspection_finding (finding_no, inspection_id, area_id, source, title, description, severity, "
            + "unit_code, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)")
        .params(inspection.inspectionNo() + "-" + String.format("%03d", seq), inspection.id(), areaId, source,
            cut(title, 200), cut(description, 4000), severity, unitCode, ts(now))
        .update();
  }

  public List<Finding> findings(long inspectionId) {
    return jdbc.sql("SELECT " + FINDING_COLUMNS + " FROM inspection_finding WHERE inspection_id = ? ORDER BY id")
        .param(inspectionId).query(InspectionService::mapFinding).list();
  }

  @Transactional
  public void followedUpBy(long findingId, String caseKey, String caseInstanceId) {
    jdbc.sql("UPDATE inspection_finding SET status = 'FOLLOWING', case_key = ?, case_instance_id = ? WHERE id = ?")
        .params(caseKey, caseInstanceId, findingId).update();
  }

  /** The follow-up case was cancelled without fixing the finding: it waits for a new one. */
  @Transactional
  public void reopen(long findingId) {
    jdbc.sql("UPDATE inspection_finding SET status = 'OPEN', case_key = NULL, case_instance_id = NULL WHERE id = ?")
        .param(findingId).update();
  }

  @Transactional
  public void closeFinding(long findingId, String resolution) {
    jdbc.sql("UPDATE inspection_finding SET status = 'CLOSED', resolution = ?, closed_at = ? WHERE id = ? "
        + "AND status IN ('OPEN', 'FOLLOWING')").params(cut(resolution, 1000), ts(clock.instant()), findingId).update();
  }

  /** The manager accepts the findings still open as carried over to the next inspection (P6 7.2.3.1.4). */
  @Transactional
  public int carryOver(long inspectionId, String comment, String by) {
    return jdbc.sql("UPDATE inspection_finding SET status = 'CARRIED_OVER', resolution = ?, closed_at = ? "
            + "WHERE inspection_id = ? AND status IN ('OPEN', 'FOLLOWING')")
        .params(cut("结转下次巡检跟进（" + by + "）：" + comment, 1000), ts(clock.instant()), inspectionId).update();
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

  // ---- checklist templates and rooms (data process owners edit)

  public List<ChecklistItem> templates(boolean all) {
    return jdbc.sql("SELECT id, area_kind, category, item, content, clause, automatic, sort_order, active "
            + "FROM inspection_checklist_item" + (all ? "" : " WHERE active = TRUE") + " ORDER BY area_kind, sort_order, id")
        .query((rs, i) -> new ChecklistItem(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8), rs.getBoolean(9))).list();
  }

  @Transactional
  public ChecklistItem saveTemplate(Long id, ChecklistItem in, String by) {
    List<FieldError> errors = new ArrayList<>();
    if (in.areaKind() == null || !Set.of("ROOM", "RESOURCE").contains(in.areaKind())) {
      errors.add(new FieldError(null, "areaKind", "取值 ROOM（机房，附录 A.2）或 RESOURCE（云资源，附录 A.1）"));
    }
    requireText(errors, "category", in.category(), 50);
    requireText(errors, "item", in.item(), 100);
    requireText(errors, "content", in.content(), 1000);
    requireText(errors, "clause", in.clause(), 50);
    if (in.automatic() != null && !"LEDGER".equals(in.automatic())) {
      errors.add(new FieldError(null, "automatic", "只能为空或 LEDGER（台账自动核对）"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    Timestamp now = ts(clock.instant());
    boolean active = in.active() == null || in.active();
    if (id == null) {
      var keys = new GeneratedKeyHolder();
      jdbc.sql("INSERT INTO inspection_checklist_item (area_kind, category, item, content, clause, automatic, "
              + "sort_order, active, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(in.areaKind(), in.category().strip(), in.item().strip(), in.content().strip(), in.clause().strip(),
              in.automatic(), in.sortOrder() == null ? 1000 : in.sortOrder(), active, by, now)
          .update(keys, "id");
      id = keys.getKey().longValue();
    } else {
      int n = jdbc.sql("UPDATE inspection_checklist_item SET area_kind = ?, category = ?, item = ?, content = ?, "
              + "clause = ?, automatic = ?, sort_order = COALESCE(?, sort_order), active = ?, updated_by = ?, "
              + "updated_at = ? WHERE id = ?")
          .params(in.areaKind(), in.category().strip(), in.item().strip(), in.content().strip(), in.clause().strip(),
              in.automatic(), in.sortOrder(), active, by, now, id)
          .update();
      if (n == 0) {
        throw new NotFoundException("巡检项不存在: " + id);
      }
    }
    long key = id;
    return templates(true).stream().filter(t -> t.id() == key).findFirst().orElseThrow();
  }

  public List<MachineRoom> rooms() {
    return jdbc.sql("SELECT code, name, location, active FROM machine_room ORDER BY code")
        .query((rs, i) -> new MachineRoom(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
        .list();
  }

  @Transactional
  public MachineRoom saveRoom(String code, MachineRoom in, String by) {
    List<FieldError> errors = new ArrayList<>();
    if (code == null || !code.matches("[A-Za-z0-9_-]{1,32}")) {
      errors.add(new FieldError(null, "code", "机房编码只能包含字母、数字、- 和 _，最长 32 位"));
    }
    requireText(errors, "name", in.name(), 100);
    if (in.location() != null && in.location().length() > 200) {
      errors.add(new FieldError(null, "location", "最长 200 字"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    boolean active = in.active() == null || in.active();
    Timestamp now = ts(clock.instant());
    int n = jdbc.sql("UPDATE machine_room SET name = ?, location = ?, active = ?, updated_by = ?, updated_at = ? "
        + "WHERE code = ?").params(in.name().strip(), blankToNull(in.location()), active, by, now, code).update();
    if (n == 0) {
      jdbc.sql("INSERT INTO machine_room (code, name, location, active, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?)")
          .params(code, in.name().strip(), blankToNull(in.location()), active, by, now).update();
    }
    return new MachineRoom(code, in.name().strip(), blankToNull(in.location()), active);
  }

  private static void requireText(List<FieldError> errors, String field, String value, int max) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(null, field, "不能为空"));
    } else if (value.length() > max) {
      errors.add(new FieldError(null, field, "最长 " + max + " 字"));
    }
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

  /** One line of an area's checklist as the form shows and returns it. */
  public record ChecklistLine(long itemId, String category, String item, String content, boolean automatic,
      String result, String severity, String remark) {}

  public record Result(long areaId, String area, String category, String item, String result, String severity,
      String remark) {}

  public record ChecklistItem(long id, String areaKind, String category, String item, String content, String clause,
      String automatic, Integer sortOrder, Boolean active) {}

  public record MachineRoom(String code, String name, String location, Boolean active) {}

  public record Area(long id, long inspectionId, Kind kind, String ref, String name, String inspector, Status status,
      Instant accessAt, String accessNote, String accessComment, String accessBy, String checkedBy,
      Instant checkedAt) {
    public enum Kind { ROOM, RESOURCE }

    public enum Status { PLANNED, PENDING, ACCESS_REQUESTED, ACCESS_DENIED, ACCESS_GRANTED, DONE }
  }

  public record Finding(long id, String findingNo, long inspectionId, Long areaId, String source, String title,
      String description, String severity, String unitCode, String status, String caseKey, String caseInstanceId,
      String resolution, Instant createdAt, Instant closedAt) {}

  // ---- mapping

  static Inspection map(ResultSet rs, int row) throws SQLException {
    return new Inspection(rs.getLong("id"), rs.getString("inspection_no"), Inspection.Kind.valueOf(rs.getString("kind")),
        rs.getString("quarter_key"), new Scope(split(rs.getString("scope_rooms")), split(rs.getString("scope_units")),
            split(rs.getString("scope_categories"))), rs.getString("reason"), rs.getString("process_instance_id"),
        Inspection.Status.valueOf(rs.getString("status")), instant(rs, "due_at"), rs.getString("planned_by"),
        rs.getString("started_by"), (Long) rs.getObject("reconciliation_run_id", Long.class),
        (Long) rs.getObject("report_id", Long.class), instant(rs, "escalated_at"), instant(rs, "created_at"),
        instant(rs, "checked_at"), instant(rs, "completed_at"));
  }

  static Area mapArea(ResultSet rs, int row) throws SQLException {
    return new Area(rs.getLong("id"), rs.getLong("inspection_id"), Area.Kind.valueOf(rs.getString("kind")),
        rs.getString("ref"), rs.getString("name"), rs.getString("inspector"), Area.Status.valueOf(rs.getString("status")),
        instant(rs, "access_at"), rs.getString("access_note"), rs.getString("access_comment"),
        rs.getString("access_by"), rs.getString("checked_by"), instant(rs, "checked_at"));
  }

  static Finding mapFinding(ResultSet rs, int row) throws SQLException {
    return new Finding(rs.getLong("id"), rs.getString("finding_no"), rs.getLong("inspection_id"),
        (Long) rs.getObject("area_id", Long.class), rs.getString("source"), rs.getString("title"),
        rs.getString("description"), rs.getString("severity"), rs.getString("unit_code"), rs.getString("status"),
        rs.getString("case_key"), rs.getString("case_instance_id"), rs.getString("resolution"),
        instant(rs, "created_at"), instant(rs, "closed_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }

  private static String join(List<String> values) {
    return values.isEmpty() ? null : String.join(",", values);
  }

  private static List<String> split(String joined) {
    return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(","));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
