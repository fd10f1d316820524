package cn.gov.gz.govcloud.governance;

import static cn.gov.gz.govcloud.governance.NormVariables.*;

import cn.gov.gz.govcloud.access.AccessDeniedException;
import cn.gov.gz.govcloud.access.CurrentUser;
import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.governance.NormService.Norm;
import cn.gov.gz.govcloud.governance.NormService.Opinion;
import cn.gov.gz.govcloud.governance.NormService.Review;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/norms}: the management norms with their current version (registered by management or the ops
 * managers), their versions and reviews; starting a review; a party's opinion on a norm under review.
 */
@Tag(name = "管理规范", description = "管理规范登记、版本与评审（P6 7.6.1、7.4.1.2）。")
@RestController
class NormController {

  private final NormService norms;
  private final RuntimeService runtime;
  private final TransactionTemplate transactions;
  private final CurrentUser currentUser;

  NormController(NormService norms, RuntimeService runtime, TransactionTemplate transactions,
      CurrentUser currentUser) {
    this.norms = norms;
    this.runtime = runtime;
    this.transactions = transactions;
    this.currentUser = currentUser;
  }

  /** A norm in force: type MANAGEMENT, CONSTRUCTION, OPERATION, GUIDE or SECURITY. */
  record Registration(String code, String title, String type, Object version, String publishedOn) {}

  record ReviewRequest(String reason) {}

  record OpinionBody(String content) {}

  record Started(String reviewNo, String processInstanceId) {}

  @Operation(summary = "管理规范清单", description = "已登记的管理制度、建设规范、运营规范、使用指南和安全管理规范及其现行版本。")
  @GetMapping("/api/norms")
  List<Norm> list() {
    staff();
    return norms.list();
  }

  @Operation(summary = "登记管理规范", description = "管理方或运维经理登记现行的管理规范（编号、名称、类型、现行版本、发布日期；201）；"
      + "字段有误或编号重复时返回 400 并指明字段。")
  @PostMapping("/api/norms")
  ResponseEntity<Norm> register(@RequestBody(required = false) Registration in) {
    Caller caller = keeper();
    Registration r = in == null ? new Registration(null, null, null, null, null) : in;
    return ResponseEntity.status(HttpStatus.CREATED).body(norms.register(r.code(), r.title(), r.type(), r.version(),
        r.publishedOn(), caller.userId()));
  }

  @Operation(summary = "管理规范详情", description = "规范、各版本（发布日期、修订内容）和历次评审。")
  @GetMapping("/api/norms/{code}")
  Map<String, Object> one(@PathVariable String code) {
    staff();
    Norm n = norms.get(code);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("norm", n);
    out.put("versions", norms.versions(n.id()));
    out.put("reviews", norms.reviews(n.id()));
    return out;
  }

  @Operation(summary = "发起管理规范评审", description = "管理方或运维经理发起一项规范的评审（201），由管理方确认后征求意见；评审原因必填。")
  @PostMapping("/api/norms/{code}/reviews")
  ResponseEntity<Started> review(@PathVariable String code, @RequestBody(required = false) ReviewRequest in) {
    keeper();
    norms.get(code);
    String reason = Scores.required(in == null ? null : in.reason(), REASON, "评审原因", 500);
    Map<String, Object> vars = new HashMap<>();
    vars.put(NORM_CODE, code);
    vars.put(REASON, reason);
    Started s = transactions.execute(tx -> {
      String id = runtime.createProcessInstanceByKey(PROCESS_KEY).setVariables(vars).execute().getId();
      return new Started(norms.findByProcessInstance(id).orElseThrow().reviewNo(), id);
    });
    return ResponseEntity.status(HttpStatus.CREATED).body(s);
  }

  @Operation(summary = "评审详情", description = "评审的需求、征求到的意见、评审记录和审批。")
  @GetMapping("/api/norm-reviews/{reviewNo}")
  Map<String, Object> reviewDetail(@PathVariable String reviewNo) {
    staff();
    Review r = norms.review(reviewNo);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("review", r);
    out.put("opinions", norms.opinions(r.id()));
    return out;
  }

  @Operation(summary = "提出评审意见", description = "征求意见期内，管理方、服务方和监理方人员对评审中的规范提出意见（201，P6 7.6.1.2）；"
      + "不在征求意见期或内容为空时返回 400。")
  @PostMapping("/api/norm-reviews/{reviewNo}/opinions")
  ResponseEntity<Opinion> opinion(@PathVariable String reviewNo, @RequestBody(required = false) OpinionBody in) {
    Caller caller = staff();
    String party = caller.inAny(Groups.MANAGEMENT) ? "MANAGEMENT" : caller.inAny(Groups.SUPERVISOR) ? "SUPERVISOR"
        : "PROVIDER";
    return ResponseEntity.status(HttpStatus.CREATED).body(norms.opinion(reviewNo, in == null ? null : in.content(),
        party, caller.userId()));
  }

  private Caller staff() {
    Caller caller = currentUser.require();
    if (!caller.isAdmin() && !caller.inAny(Groups.STAFF.toArray(String[]::new))) {
      throw new AccessDeniedException("管理规范评审仅限管理方、服务方和监理方人员");
    }
    return caller;
  }

  private Caller keeper() {
    Caller caller = currentUser.require();
    if (!caller.isAdmin() && !caller.inAny(Groups.MANAGEMENT, Groups.OPS_MANAGER)) {
      throw new AccessDeniedException("只有管理方和运维经理可以登记管理规范和发起评审");
    }
    return caller;
  }
}
