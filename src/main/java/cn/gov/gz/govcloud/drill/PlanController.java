package cn.gov.gz.govcloud.drill;

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
@RestController
@RequestMapping("/api/plans")
class PlanController {

  private final PlanService plans;
  private final DrillService drills;
  private final CurrentUser currentUser;

  PlanController(PlanService plans, DrillService drills, CurrentUser currentUser) {
    this.plans = plans;
    this.drills = drills;
    this.currentUser = currentUser;
  }

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

  /** A plan with its current content, every version (who, when, why, which drill or emergency), and its drills. */
  record Detail(ContingencyPlan plan, Version current, List<Version> versions, List<Drill> drills) {}

  @GetMapping("/{planNo}")
  Detail detail(@PathVariable String planNo) {
    Caller caller = currentUser.require();
    ContingencyPlan p = plans.get(planNo, caller);
    List<Version> versions = plans.versions(p.id());
    return new Detail(p, versions.get(0), versions, drills.search(caller, p.planNo(), 100));
  }

  @PostMapping
  ResponseEntity<ContingencyPlan> create(@RequestBody PlanInput in) {
    Caller caller = writer();
    return ResponseEntity.status(HttpStatus.CREATED).body(plans.create(in, caller.userId()));
  }

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
