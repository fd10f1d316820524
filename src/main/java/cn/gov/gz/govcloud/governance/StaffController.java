package cn.gov.gz.govcloud.governance;

import static cn.gov.gz.govcloud.governance.PledgeVariables.*;

import cn.gov.gz.govcloud.access.AccessDeniedException;
import cn.gov.gz.govcloud.access.CurrentUser;
import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.engine.Privileged;
import cn.gov.gz.govcloud.governance.StaffService.Pledge;
import cn.gov.gz.govcloud.governance.StaffService.RosterEntry;
import cn.gov.gz.govcloud.governance.StaffService.Staff;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/staff}: the roster of the provider's operations staff with their confidentiality pledges. A joining or
 * a leaving starts {@code staff-pledge}: the ops managers' task 签订保密协议 with reminders until the signing day is
 * recorded. The ops managers keep the roster; management and the supervisor read it.
 */
@Tag(name = "运维人员与保密协议", description = "运维人员名册，入职、离职签订保密协议（P6 7.4.1.3 c）。")
@RestController
@RequestMapping("/api/staff")
class StaffController {

  private final StaffService staff;
  private final RuntimeService runtime;
  private final TransactionTemplate transactions;
  private final CurrentUser currentUser;
  private final Privileged privileged;
  private final StaffRegister register;

  StaffController(StaffService staff, RuntimeService runtime, TransactionTemplate transactions,
      CurrentUser currentUser, Privileged privileged, StaffRegister register) {
    this.register = register;
    this.staff = staff;
    this.runtime = runtime;
    this.transactions = transactions;
    this.currentUser = currentUser;
    this.privileged = privileged;
  }

  /** A joining: name, optional system account, post, day of joining (YYYY-MM-DD). */
  record Joining(String name, String userId, String post, String joinedOn) {}

  record Leaving(String leftOn) {}

  /** The staff member and the pledge opened for the joining or leaving. */
  record Changed(Staff staff, String pledgeNo, String processInstanceId) {}

  @Operation(summary = "运维人员名册", description = "每名运维人员的岗位、入职和离职日期及其保密协议（类型、状态、应签时间、签订日期）；"
      + "可按 ACTIVE（在岗）或 LEFT（已离职）筛选。")
  @GetMapping
  List<RosterEntry> roster(@RequestParam(required = false) String status) {
    Caller caller = currentUser.require();
    if (!caller.isAdmin() && !caller.inAny(Groups.OPS_MANAGER, Groups.MANAGEMENT, Groups.SUPERVISOR)) {
      throw new AccessDeniedException("运维人员名册仅限运维经理、管理方和监理方查看");
    }
    return staff.roster(status);
  }

  @Operation(summary = "生成人员与保密协议登记", description = "按当前名册生成《人员与保密协议登记》（Word，含签订情况图表），"
      + "归档为 STAFF_PLEDGES 的新版本（201）；用 GET /api/reports/{id}/content 下载。")
  @PostMapping("/register")
  ResponseEntity<cn.gov.gz.govcloud.report.ReportDocument> registerDocument() {
    Caller caller = currentUser.require();
    if (!caller.isAdmin() && !caller.inAny(Groups.OPS_MANAGER, Groups.MANAGEMENT)) {
      throw new AccessDeniedException("只有运维经理和管理方可以生成人员与保密协议登记");
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(register.generate(caller.userId()));
  }

  @Operation(summary = "登记入职", description = "运维经理登记入职的运维人员（201），随即发起入职保密协议的签订任务；字段有误时返回 400 "
      + "并指明字段，不登记。")
  @PostMapping
  ResponseEntity<Changed> join(@RequestBody(required = false) Joining in) {
    Caller caller = keeper();
    Joining j = in == null ? new Joining(null, null, null, null) : in;
    Changed c = transactions.execute(tx -> {
      Staff s = staff.join(j.name(), j.userId(), j.post(), j.joinedOn(), caller.userId());
      return pledge(s, StaffService.JOIN);
    });
    return ResponseEntity.status(HttpStatus.CREATED).body(c);
  }

  @Operation(summary = "登记离职", description = "运维经理登记运维人员离职（离职日期 YYYY-MM-DD），随即发起离职保密协议的签订任务；"
      + "已离职或日期有误时返回 400 并指明字段。")
  @PostMapping("/{id}/leave")
  Changed leave(@PathVariable long id, @RequestBody(required = false) Leaving in) {
    keeper();
    return transactions.execute(tx -> pledge(staff.leave(id, in == null ? null : in.leftOn()), StaffService.LEAVE));
  }

  /**
   * The system opens the pledge on its own behalf (nobody starts {@code staff-pledge} from Tasklist): the caller's
   * right to change the roster was checked; the task goes to the ops managers.
   */
  private Changed pledge(Staff s, String kind) {
    String instanceId = privileged.run(() -> runtime.createProcessInstanceByKey(PROCESS_KEY)
        .setVariables(Map.of(STAFF_ID, s.id(), PLEDGE_KIND, kind)).execute().getId());
    Pledge p = staff.pledges(s.id()).stream().filter(x -> instanceId.equals(x.processInstanceId())).findFirst()
        .orElseThrow();
    return new Changed(staff.get(s.id()), p.pledgeNo(), instanceId);
  }

  private Caller keeper() {
    Caller caller = currentUser.require();
    if (!caller.isAdmin() && !caller.inAny(Groups.OPS_MANAGER)) {
      throw new AccessDeniedException("只有运维经理可以登记运维人员的入职和离职");
    }
    return caller;
  }
}
