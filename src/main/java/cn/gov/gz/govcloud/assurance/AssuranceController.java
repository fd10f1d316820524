package cn.gov.gz.govcloud.assurance;

import static cn.gov.gz.govcloud.assurance.AssuranceVariables.*;

import cn.gov.gz.govcloud.access.AccessDeniedException;
import cn.gov.gz.govcloud.access.CurrentUser;
import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.engine.CityTime;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.util.HashMap;
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
 * {@code /api/assurances}: requesting an important assurance (starting the {@code assurance} process as the service
 * desk, an ops manager or management) and reading assurances with their scope and watch rota. A unit user sees the
 * assurances that cover one of its business systems.
 */
@Tag(name = "重要保障", description = "重要保障（P3 5.2.3，P6 7.3.3）：保障需求、方案、7×24 小时值守排班与值守记录。")
@RestController
@RequestMapping("/api/assurances")
class AssuranceController {

  private final AssuranceService assurances;
  private final AssuranceRequests requests;
  private final RuntimeService runtime;
  private final TransactionTemplate transactions;
  private final CurrentUser currentUser;

  AssuranceController(AssuranceService assurances, AssuranceRequests requests, RuntimeService runtime,
      TransactionTemplate transactions, CurrentUser currentUser) {
    this.assurances = assurances;
    this.requests = requests;
    this.runtime = runtime;
    this.transactions = transactions;
    this.currentUser = currentUser;
  }

  /**
   * A request: unitCodes cover every business system of those units. Times ISO 8601 with an offset
   * ({@code 2026-10-01T00:00+08:00}) or without one (Beijing time).
   */
  record Intake(String eventName, String kind, String periodFrom, String periodTo, List<String> systemCodes,
      List<String> unitCodes, String targets) {}

  /** The answer to a request: the case number and its process instance. */
  record Requested(String assuranceNo, String processInstanceId, String status) {}

  @Operation(summary = "发起重要保障", description = "服务台、运维经理或管理方按重大活动、重要节假日、突发性公共事件、自然灾害发起重要保障（201），"
      + "由管理方确认保障需求；字段有误时返回 400 并指明字段。")
  @PostMapping
  ResponseEntity<Requested> request(@RequestBody Intake in) {
    Caller caller = currentUser.require();
    if (!caller.isAdmin() && !caller.inAny(Groups.SERVICE_DESK, Groups.OPS_MANAGER, Groups.MANAGEMENT)) {
      throw new AccessDeniedException("只有服务台、运维经理和管理方可以发起重要保障");
    }
    String systems = in.systemCodes() == null ? null : String.join(",", in.systemCodes());
    String units = in.unitCodes() == null ? null : String.join(",", in.unitCodes());
    AssuranceService.Request checked = requests.check(in.eventName(), in.kind(), in.periodFrom(), in.periodTo(),
        systems, units, in.targets());
    Map<String, Object> vars = new HashMap<>();
    vars.put(EVENT_NAME, in.eventName());
    vars.put(KIND, in.kind());
    // as Camunda Forms write a date-time, so that the confirmation form shows the period for correction
    vars.put(PERIOD_FROM, OffsetDateTime.ofInstant(checked.from(), CityTime.ZONE).toString());
    vars.put(PERIOD_TO, OffsetDateTime.ofInstant(checked.to(), CityTime.ZONE).toString());
    vars.put(SYSTEM_CODES, systems);
    vars.put(UNIT_CODES, units);
    vars.put(TARGETS, in.targets());
    String instanceId = transactions.execute(tx -> runtime.createProcessInstanceByKey(PROCESS_KEY)
        .setVariables(vars).execute().getId());
    Assurance a = assurances.findByProcessInstance(instanceId).orElseThrow();
    return ResponseEntity.status(HttpStatus.CREATED).body(new Requested(a.assuranceNo(), instanceId, a.status()));
  }

  @Operation(summary = "查询重要保障", description = "可按状态筛选（REQUESTED、PLANNING、APPROVAL、SCHEDULED、ACTIVE、SUMMARY、"
      + "CONFIRMATION、CLOSED、REJECTED）；使用单位只能看到覆盖本单位业务系统的保障。")
  @GetMapping
  List<Assurance> search(@RequestParam(required = false) String status,
      @RequestParam(defaultValue = "100") int limit) {
    return assurances.search(currentUser.require(), status, limit);
  }

  @Operation(summary = "重要保障详情", description = "保障需求、方案、保障范围（业务系统及所属单位）、值守排班及各班次的值守记录。")
  @GetMapping("/{assuranceNo}")
  Assurance.Detail detail(@PathVariable String assuranceNo) {
    return assurances.detail(assuranceNo, currentUser.require());
  }
}
