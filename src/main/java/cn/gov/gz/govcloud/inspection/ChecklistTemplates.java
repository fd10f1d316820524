package cn.gov.gz.govcloud.inspection;

import static cn.gov.gz.govcloud.inspection.InspectionSql.blankToNull;
import static cn.gov.gz.govcloud.inspection.InspectionSql.ts;

import cn.gov.gz.govcloud.access.NotFoundException;
import cn.gov.gz.govcloud.web.ValidationException;
import cn.gov.gz.govcloud.web.ValidationException.FieldError;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The data process owners edit (P6 7.2.3.2.1–2, P3 5.1.3.1): the checklist templates of Appendix A and the machine
 * rooms an inspection covers.
 */
@Service
class ChecklistTemplates {

  private final JdbcClient jdbc;
  private final Clock clock;

  ChecklistTemplates(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Categories of the cloud-resource checklist (A.1) in use. */
  List<String> categories() {
    return jdbc.sql("SELECT category FROM inspection_checklist_item WHERE area_kind = 'RESOURCE' AND active = TRUE "
        + "GROUP BY category ORDER BY MIN(sort_order)").query(String.class).list();
  }

  List<ChecklistItem> templates(boolean all) {
    return jdbc.sql("SELECT id, area_kind, category, item, content, clause, automatic, sort_order, active "
            + "FROM inspection_checklist_item" + (all ? "" : " WHERE active = TRUE") + " ORDER BY area_kind, sort_order, id")
        .query((rs, i) -> new ChecklistItem(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8), rs.getBoolean(9))).list();
  }

  /** Checks a template item as proposed; a clear error per field. */
  static void validate(ChecklistItem in) {
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
  }

  boolean exists(long id) {
    return jdbc.sql("SELECT COUNT(*) FROM inspection_checklist_item WHERE id = ?").param(id).query(Long.class).single()
        > 0;
  }

  /**
   * Writes a template item. Called only for a change management has confirmed ({@link ChecklistChanges}): the
   * checklist is part of the inspection requirements (P6 7.2.3.1.1, 7.2.3.2.1).
   */
  @Transactional
  ChecklistItem apply(Long id, ChecklistItem in, String by) {
    validate(in);
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

  List<MachineRoom> rooms() {
    return jdbc.sql("SELECT code, name, location, active FROM machine_room ORDER BY code")
        .query((rs, i) -> new MachineRoom(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
        .list();
  }

  @Transactional
  MachineRoom saveRoom(String code, MachineRoom in, String by) {
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

  /** One checklist item of Appendix A as the owner edits it. */
  public record ChecklistItem(long id, String areaKind, String category, String item, String content, String clause,
      String automatic, Integer sortOrder, Boolean active) {}

  public record MachineRoom(String code, String name, String location, Boolean active) {}
}
