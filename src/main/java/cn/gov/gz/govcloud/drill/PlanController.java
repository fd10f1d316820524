package cn.gov.gz.govcloud.drill;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import cn.gov.gz.govcloud.access.AccessDeniedException;
import cn.gov.gz.govcloud.access.CurrentUser;
import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.drill.ContingencyPlan.Version;
import cn.gov.gz.govcloud.web.ValidationException;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/plans}: contingency plans with their version history and drill status. Staff read all plans, unit
 * users the plans of their own unit's business systems; ops managers write and revise them.
 * {@code ?overdue=true} lists the plans not drilled within their type's required period.
 */
@Tag(name = "应急预案", description = "应急预案及其全部版本（P6 7.4.2.1）。")
@RestController
@RequestMapping("/api/plans")
class PlanController {

  private final PlanService plans;
  private final DrillService drills;
  private final PlanReviews reviews;
  private final CurrentUser currentUser;

  PlanController(PlanService plans, DrillService drills, PlanReviews reviews, CurrentUser currentUser) {
    this.plans = plans;
    this.drills = drills;
    this.reviews = reviews;
    this.currentUser = currentUser;
  }

  @Operation(summary = "查询应急预案", description = "可按预案类型和是否逾期未演练筛选。")
  @GetMapping
  List<ContingencyPlan> search(@RequestParam(required = false) String type,
      @RequestParam(required = false) Boolean overdue) {
    PlanType planType = null;
    if (type != null) {
      try {
        planType = PlanType.valueOf(type.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw ValidationException.of("type", "取值 APPLICATION_DR、DATA_DR、SECURITY、GENERAL");
      }
    }
    return plans.search(currentUser.require(), planType, overdue);
  }

  /**
   * A plan with its current content, every version (who, when, why, which drill or emergency), its drills, its
   * periodic reviews (P6 7.4.2.1.3: due date, parties, result, the version a revision produced) and the next one due.
   */
  record Detail(ContingencyPlan plan, Version current, List<Version> versions, List<Drill> drills,
      List<PlanReview> reviews, java.time.Instant nextReviewDue) {}

  @Operation(summary = "应急预案详情", description = "当前内容、全部版本（修订人、时间、原因、关联演练或事件）、演练、定期评审记录及下次评审期限。")
  @GetMapping("/{planNo}")
  Detail detail(@PathVariable String planNo) {
    Caller caller = currentUser.require();
    ContingencyPlan p = plans.get(planNo, caller);
    List<Version> versions = plans.versions(p.id());
    return new Detail(p, versions.get(0), versions, drills.search(caller, p.planNo(), 100), reviews.of(p.id()),
        reviews.nextDue(p));
  }

  @Operation(summary = "新建应急预案", description = "仅运维经理或系统管理员；输入有误时返回 400 并指明字段。")
  @PostMapping
  ResponseEntity<ContingencyPlan> create(@RequestBody PlanInput in) {
    Caller caller = writer();
    return ResponseEntity.status(HttpStatus.CREATED).body(plans.create(in, caller.userId()));
  }

  @Operation(summary = "修订应急预案", description = "新增一个版本：只提交有变化的内容并说明修订原因。")
  @PostMapping("/{planNo}/versions")
  ResponseEntity<Version> revise(@PathVariable String planNo, @RequestBody PlanInput in) {
    Caller caller = writer();
    return ResponseEntity.status(HttpStatus.CREATED).body(plans.revise(planNo, in, caller.userId()));
  }

  private Caller writer() {
    Caller caller = currentUser.require();
    if (!caller.isAdmin() && !caller.inAny(Groups.OPS_MANAGER)) {
      throw new AccessDeniedException("只有运维经理可以编制和修订应急预案");
    }
    return caller;
  }
}
