package cn.gov.gz.govcloud.inspection;

import static cn.gov.gz.govcloud.inspection.InspectionSql.cut;
import static cn.gov.gz.govcloud.inspection.InspectionSql.instant;
import static cn.gov.gz.govcloud.inspection.InspectionSql.ts;

import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.access.NotFoundException;
import cn.gov.gz.govcloud.inspection.ChecklistTemplates.ChecklistItem;
import cn.gov.gz.govcloud.notification.CaseNotifier;
import cn.gov.gz.govcloud.web.ValidationException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes of the checklist templates (P3 Appendix A) as the ops manager proposes them: the checklist is part of the
 * inspection requirements the provider confirms with management (P6 7.2.3.1.1, 7.2.3.2.1), so a change takes effect
 * only once management has confirmed it — over REST, or in the requirements task of the next inspection, which lists
 * the changes pending. A change is PENDING, CONFIRMED (applied to the template) or REJECTED.
 */
@Service
class ChecklistChanges {

  static final String PENDING = "PENDING";
  private static final String COLUMNS = "id, item_id, area_kind, category, item, content, clause, automatic, "
      + "sort_order, active, status, proposed_by, proposed_at, decided_by, decided_at, decision_note";

  private final JdbcClient jdbc;
  private final Clock clock;
  private final ChecklistTemplates templates;
  private final CaseNotifier notifier;

  ChecklistChanges(JdbcClient jdbc, Clock clock, ChecklistTemplates templates, CaseNotifier notifier) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.templates = templates;
    this.notifier = notifier;
  }

  /** Records a proposed change (a new item when {@code itemId} is null) and asks management to confirm it. */
  @Transactional
  Change propose(Long itemId, ChecklistItem in, String by) {
    ChecklistTemplates.validate(in);
    if (itemId != null && !templates.exists(itemId)) {
      throw new NotFoundException("巡检项不存在: " + itemId);
    }
    var keys = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO inspection_checklist_change (item_id, area_kind, category, item, content, clause, automatic, "
            + "sort_order, active, status, proposed_by, proposed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)")
        .params(itemId, in.areaKind(), in.category().strip(), in.item().strip(), in.content().strip(),
            in.clause().strip(), in.automatic(), in.sortOrder(), in.active() == null || in.active(), by,
            ts(clock.instant()))
        .update(keys, "id");
    Change c = get(keys.getKey().longValue());
    notifier.toGroups(List.of(Groups.MANAGEMENT), "inspection-checklist-change", "CL-" + c.id(), "巡检项变更 " + c.id(),
        "请确认巡检项变更", "运维经理提出巡检项变更，经管理方确认后生效（P6 7.2.3.1.1、7.2.3.2.1）。\n" + c.line()
            + "\n确认：POST /api/inspections/checklist-changes/" + c.id() + "/confirm；也可在下一次巡检的"
            + "“管理方确认巡检要求”任务中一并确认。", "提出人：" + by);
    return c;
  }

  List<Change> search(String status) {
    if (status != null && !Set.of(PENDING, "CONFIRMED", "REJECTED").contains(status)) {
      throw ValidationException.of("status", "取值 PENDING、CONFIRMED、REJECTED");
    }
    if (status == null) {
      return jdbc.sql("SELECT " + COLUMNS + " FROM inspection_checklist_change ORDER BY id")
          .query(ChecklistChanges::map).list();
    }
    return jdbc.sql("SELECT " + COLUMNS + " FROM inspection_checklist_change WHERE status = ? ORDER BY id")
        .param(status).query(ChecklistChanges::map).list();
  }

  Change get(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM inspection_checklist_change WHERE id = ?").param(id)
        .query(ChecklistChanges::map).optional().orElseThrow(() -> new NotFoundException("巡检项变更不存在: " + id));
  }

  /** Management confirms: the change is applied to the template and used from the next checklist on. */
  @Transactional
  Change confirm(long id, String by, String note) {
    Change c = pending(id);
    ChecklistItem applied = templates.apply(c.itemId(), new ChecklistItem(c.itemId() == null ? 0 : c.itemId(),
        c.areaKind(), c.category(), c.item(), c.content(), c.clause(), c.automatic(), c.sortOrder(), c.active()), by);
    decide(id, "CONFIRMED", by, note, applied.id());
    return get(id);
  }

  /** Management rejects: the template stays as it was. */
  @Transactional
  Change reject(long id, String by, String note) {
    if (note == null || note.isBlank()) {
      throw ValidationException.of("note", "不同意须说明原因");
    }
    pending(id);
    decide(id, "REJECTED", by, note, null);
    return get(id);
  }

  /** Confirms the given changes still pending (those listed in a requirements task management confirmed). */
  @Transactional
  int confirmListed(List<Long> ids, String by) {
    int n = 0;
    for (long id : ids) {
      if (PENDING.equals(get(id).status())) {
        confirm(id, by, "随巡检要求一并确认");
        n++;
      }
    }
    return n;
  }

  private Change pending(long id) {
    Change c = get(id);
    if (!PENDING.equals(c.status())) {
      throw ValidationException.of("status", "该变更已处理（" + c.status() + "），不能再次确认或退回");
    }
    return c;
  }

  private void decide(long id, String status, String by, String note, Long itemId) {
    jdbc.sql("UPDATE inspection_checklist_change SET status = ?, decided_by = ?, decided_at = ?, decision_note = ?, "
            + "item_id = COALESCE(?, item_id) WHERE id = ?")
        .params(status, by, ts(clock.instant()), cut(note, 1000), itemId, id).update();
  }

  /** One proposed change of a checklist item. */
  public record Change(long id, Long itemId, String areaKind, String category, String item, String content, String clause,
      String automatic, Integer sortOrder, boolean active, String status, String proposedBy, Instant proposedAt,
      String decidedBy, Instant decidedAt, String decisionNote) {

    /** How the requirements task and the notice show it. */
    String line() {
      return "变更 " + id + "：" + (itemId == null ? "新增" : active ? "修改（巡检项 " + itemId + "）" : "停用（巡检项 " + itemId
          + "）") + " " + ("ROOM".equals(areaKind) ? "机房" : "云资源") + " / " + category + " / " + item + "：" + content
          + "（" + clause + "，" + proposedBy + " 提出）";
    }
  }

  static Change map(ResultSet rs, int row) throws SQLException {
    return new Change(rs.getLong("id"), (Long) rs.getObject("item_id", Long.class), rs.getString("area_kind"),
        rs.getString("category"), rs.getString("item"), rs.getString("content"), rs.getString("clause"),
        rs.getString("automatic"), (Integer) rs.getObject("sort_order", Integer.class), rs.getBoolean("active"),
        rs.getString("status"), rs.getString("proposed_by"), instant(rs, "proposed_at"), rs.getString("decided_by"),
        instant(rs, "decided_at"), rs.getString("decision_note"));
  }
}
