package cn.gov.gz.govcloud.inspection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import cn.gov.gz.govcloud.access.AccessDeniedException;
import cn.gov.gz.govcloud.access.CurrentUser;
import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.inspection.ChecklistChanges.Change;
import cn.gov.gz.govcloud.inspection.ChecklistTemplates.ChecklistItem;
import cn.gov.gz.govcloud.inspection.ChecklistTemplates.MachineRoom;
import cn.gov.gz.govcloud.inspection.InspectionChecklists.Result;
import cn.gov.gz.govcloud.inspection.InspectionFindings.Finding;
import cn.gov.gz.govcloud.inspection.InspectionService.Area;
import cn.gov.gz.govcloud.web.ValidationException;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/inspections}: inspections with their areas, results and findings (read by the provider's and the
 * bureau's staff and the supervisor); the checklist templates (P3 Appendix A) and machine rooms, which ops managers
 * maintain, checklist changes taking effect once management confirms them (P6 7.2.3.1.1, 7.2.3.2.1). Inspections
 * are started in Tasklist or over the engine REST API (process key {@code inspection}).
 */
@Tag(name = "巡检", description = "巡检、检查项模板和机房（P6 7.2.3.1、7.2.3.2）。")
@RestController
@RequestMapping("/api/inspections")
class InspectionController {

  private final InspectionService service;
  private final InspectionChecklists checklists;
  private final InspectionFindings findings;
  private final ChecklistTemplates templates;
  private final ChecklistChanges changes;
  private final CurrentUser currentUser;

  InspectionController(InspectionService service, InspectionChecklists checklists, InspectionFindings findings,
      ChecklistTemplates templates, ChecklistChanges changes, CurrentUser currentUser) {
    this.changes = changes;
    this.service = service;
    this.checklists = checklists;
    this.findings = findings;
    this.templates = templates;
    this.currentUser = currentUser;
  }

  record Detail(Inspection inspection, List<Area> areas, List<Result> results, List<Finding> findings) {}

  @Operation(summary = "查询巡检", description = "按状态和时间段筛选；使用单位无权访问。")
  @GetMapping
  List<Inspection> search(@RequestParam(required = false) String status,
      @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
      @RequestParam(defaultValue = "100") int limit) {
    staff();
    if (status != null && java.util.Arrays.stream(Inspection.Status.values()).noneMatch(s -> s.name().equals(status))) {
      throw ValidationException.of("status", "取值 PLANNING、IN_PROGRESS、FOLLOW_UP、COMPLETED");
    }
    return service.search(status, from, to, limit);
  }

  @Operation(summary = "巡检详情", description = "各巡检区域、检查结果和发现的问题。")
  @GetMapping("/{id}")
  Detail get(@PathVariable long id) {
    staff();
    return new Detail(service.get(id), service.areas(id), checklists.results(id), findings.findings(id));
  }

  @Operation(summary = "查询检查项模板", description = "默认只返回启用的检查项，all=true 返回全部。")
  @GetMapping("/checklist-items")
  List<ChecklistItem> templates(@RequestParam(defaultValue = "false") boolean all) {
    staff();
    return templates.templates(all);
  }

  @Operation(summary = "提出新增检查项", description = "仅运维经理或系统管理员；经管理方确认后生效（P6 7.2.3.1.1、7.2.3.2.1）。")
  @PostMapping("/checklist-items")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Change addTemplate(@RequestBody ChecklistItem item) {
    return changes.propose(null, item, owner().userId());
  }

  @Operation(summary = "提出修改或停用检查项", description = "仅运维经理或系统管理员；经管理方确认后生效。")
  @PutMapping("/checklist-items/{id}")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Change updateTemplate(@PathVariable long id, @RequestBody ChecklistItem item) {
    return changes.propose(id, item, owner().userId());
  }

  @Operation(summary = "查询检查项变更", description = "status 取 PENDING（待管理方确认）、CONFIRMED 或 REJECTED。")
  @GetMapping("/checklist-changes")
  List<Change> changes(@RequestParam(required = false) String status) {
    staff();
    return changes.search(status);
  }

  @Operation(summary = "确认检查项变更", description = "仅管理方；确认后变更写入检查项模板，下一份巡检清单起生效。")
  @PostMapping("/checklist-changes/{id}/confirm")
  Change confirmChange(@PathVariable long id, @RequestBody(required = false) Decision decision) {
    return changes.confirm(id, management().userId(), decision == null ? null : decision.note());
  }

  @Operation(summary = "不同意检查项变更", description = "仅管理方；须说明原因，检查项模板不变。")
  @PostMapping("/checklist-changes/{id}/reject")
  Change rejectChange(@PathVariable long id, @RequestBody(required = false) Decision decision) {
    return changes.reject(id, management().userId(), decision == null ? null : decision.note());
  }

  record Decision(String note) {}

  @Operation(summary = "查询机房", description = "服务方、管理方和监理方可查。")
  @GetMapping("/rooms")
  List<MachineRoom> rooms() {
    staff();
    return templates.rooms();
  }

  @Operation(summary = "登记或修改机房", description = "仅运维经理或系统管理员。")
  @PutMapping("/rooms/{code}")
  MachineRoom saveRoom(@PathVariable String code, @RequestBody MachineRoom room) {
    return templates.saveRoom(code, room, owner().userId());
  }

  /** Management confirms the inspection requirements, the checklist among them (P6 7.2.3.1.1, 7.2.3.2.1). */
  private Caller management() {
    Caller caller = currentUser.require();
    if (!caller.inAny(Groups.MANAGEMENT)) {
      throw new AccessDeniedException("只有管理方可以确认巡检项变更");
    }
    return caller;
  }

  private Caller staff() {
    Caller caller = currentUser.require();
    if (!caller.seesAllUnits()) {
      throw new AccessDeniedException("巡检记录仅供运维、管理与监理人员查看");
    }
    return caller;
  }

  /** Checklists and rooms are the process owner's data: ops managers and administrators change them. */
  private Caller owner() {
    Caller caller = currentUser.require();
    if (!caller.isAdmin() && !caller.inAny(Groups.OPS_MANAGER)) {
      throw new AccessDeniedException("只有运维经理或管理员可以维护巡检项和机房");
    }
    return caller;
  }
}
