package cn.gov.gz.govcloud.inspection;

import static cn.gov.gz.govcloud.inspection.InspectionSql.blankToNull;
import static cn.gov.gz.govcloud.inspection.InspectionSql.ts;

import cn.gov.gz.govcloud.inspection.InspectionService.Area;
import cn.gov.gz.govcloud.web.ValidationException;
import cn.gov.gz.govcloud.web.ValidationException.FieldError;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One area's inspection (P6 7.2.3.1.3, 7.2.3.2.3–6): the machine-room access request and its decision, the checklist
 * from the templates as they are now, the filled checklist and its results; abnormal items become findings.
 */
@Service
class InspectionChecklists {

  static final Set<String> RESULTS = Set.of("NORMAL", "ABNORMAL", "NA");
  static final Set<String> SEVERITIES = Set.of("GENERAL", "SEVERE");

  private final JdbcClient jdbc;
  private final Clock clock;
  private final InspectionService inspections;
  private final InspectionFindings findings;

  InspectionChecklists(JdbcClient jdbc, Clock clock, InspectionService inspections, InspectionFindings findings) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.inspections = inspections;
    this.findings = findings;
  }

  /** Whether any resource area of the inspection has an item the ledger check answers (A.1 items 3 and 8). */
  boolean hasLedgerItems(long inspectionId) {
    return jdbc.sql("SELECT COUNT(*) FROM inspection_area a JOIN inspection_checklist_item c ON c.category = a.ref "
            + "AND c.area_kind = 'RESOURCE' AND c.active = TRUE AND c.automatic = 'LEDGER' "
            + "WHERE a.inspection_id = ? AND a.kind = 'RESOURCE'")
        .param(inspectionId).query(Long.class).single() > 0;
  }

  /**
   * The checklist an inspector fills for one area, from the templates as they are now: A.2 for a room, the A.1 items
   * of the category for resources. Items checked automatically (the ledger check) come filled in.
   */
  List<ChecklistLine> checklist(long areaId) {
    Area area = inspections.area(areaId);
    Inspection inspection = inspections.get(area.inspectionId());
    long ledgerFindings = findings.countBySource(inspection.id(), "LEDGER");
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
  void requestAccess(long areaId, Instant at, String note, String by) {
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
  void decideAccess(long areaId, boolean approved, String comment, String by) {
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
  int recordChecklist(long areaId, List<ChecklistLine> lines, String by) {
    Area area = inspections.area(areaId);
    if (area.status() == Area.Status.DONE) {
      throw ValidationException.of("checklist", "该区域的巡检记录已提交");
    }
    Map<Long, ChecklistLine> template = new HashMap<>();
    checklist(areaId).forEach(l -> template.put(l.itemId(), l));
    Map<Long, ChecklistLine> filled = new HashMap<>();
    List<FieldError> errors = validate(lines, template, filled);
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    Inspection inspection = inspections.get(area.inspectionId());
    Instant now = clock.instant();
    int found = 0;
    for (ChecklistLine t : template.values().stream().sorted((a, b) -> Long.compare(a.itemId(), b.itemId())).toList()) {
      ChecklistLine l = t.automatic() ? t : filled.get(t.itemId());
      String severity = "ABNORMAL".equals(l.result()) ? (l.severity() == null ? "GENERAL" : l.severity()) : null;
      jdbc.sql("INSERT INTO inspection_result (area_id, item_id, category, item, result, severity, remark) "
              + "VALUES (?, ?, ?, ?, ?, ?, ?)")
          .params(areaId, t.itemId(), t.category(), t.item(), l.result(), severity, blankToNull(l.remark())).update();
      if ("ABNORMAL".equals(l.result()) && !t.automatic()) {
        findings.add(inspection, areaId, "CHECKLIST", (area.kind() == Area.Kind.ROOM ? area.name() + "：" : "")
                + t.category() + " / " + t.item() + " 异常",
            t.content() + "\n巡检记录：" + l.remark().strip(), severity, null, now);
        found++;
      }
    }
    jdbc.sql("UPDATE inspection_area SET status = 'DONE', checked_by = ?, checked_at = ? WHERE id = ?")
        .params(by, ts(now), areaId).update();
    return found;
  }

  private static List<FieldError> validate(List<ChecklistLine> lines, Map<Long, ChecklistLine> template,
      Map<Long, ChecklistLine> filled) {
    List<FieldError> errors = new ArrayList<>();
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
    return errors;
  }

  List<Result> results(long inspectionId) {
    return jdbc.sql("SELECT r.area_id, a.name, r.category, r.item, r.result, r.severity, r.remark "
            + "FROM inspection_result r JOIN inspection_area a ON a.id = r.area_id WHERE a.inspection_id = ? "
            + "ORDER BY r.area_id, r.id")
        .param(inspectionId).query((rs, i) -> new Result(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7))).list();
  }

  /** One line of an area's checklist as the form shows and returns it. */
  public record ChecklistLine(long itemId, String category, String item, String content, boolean automatic,
      String result, String severity, String remark) {}

  public record Result(long areaId, String area, String category, String item, String result, String severity,
      String remark) {}
}
