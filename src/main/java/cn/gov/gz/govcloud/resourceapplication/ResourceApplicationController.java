package cn.gov.gz.govcloud.resourceapplication;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import static cn.gov.gz.govcloud.resourceapplication.ApplicationVariables.*;

import cn.gov.gz.govcloud.access.CurrentUser;
import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.compliance.Implements;
import cn.gov.gz.govcloud.ledger.LedgerResource;
import cn.gov.gz.govcloud.ledger.LedgerService;
import cn.gov.gz.govcloud.resourceapplication.ResourceApplication.Status;
import cn.gov.gz.govcloud.web.Conflicts;
import cn.gov.gz.govcloud.web.ValidationException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.spin.plugin.variable.SpinValues;
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
 * {@code /api/resource-applications}: how a portal applies for resources (starting the
 * {@code resource-application-review} process with the caller's rights) and how anyone reads applications. A repeated
 * start with the same {@code externalRef} while the first exists returns the first, also under concurrent requests
 * (a unique index decides).
 */
@Tag(name = "云资源申请", description = "云资源申请校核（P6 7.2.2）。")
@Implements(value = "GB 8.4.4 d", what = "与云平台服务门户的资源申请接口")
@RestController
@RequestMapping("/api/resource-applications")
class ResourceApplicationController {

  private final ResourceApplicationService service;
  private final LedgerService ledger;
  private final RuntimeService runtime;
  private final TransactionTemplate transactions;
  private final CurrentUser currentUser;
  private final cn.gov.gz.govcloud.engine.JsonVariables json;

  ResourceApplicationController(ResourceApplicationService service, LedgerService ledger, RuntimeService runtime,
      TransactionTemplate transactions, CurrentUser currentUser, cn.gov.gz.govcloud.engine.JsonVariables json) {
    this.service = service;
    this.ledger = ledger;
    this.runtime = runtime;
    this.transactions = transactions;
    this.currentUser = currentUser;
    this.json = json;
  }

  /** The answer to applying: the application number, its process instance and whether it already existed. */
  record Applied(String applicationNo, String processInstanceId, Status status, boolean existing) {}

  @Operation(summary = "提交云资源申请", description = "启动申请校核流程（201）；同一 externalRef 再次提交时返回原申请（200）。")
  @PostMapping
  ResponseEntity<Applied> apply(@RequestBody ApplicationIntake body) {
    Caller caller = currentUser.require();
    ApplicationIntake in = body;
    if (!caller.seesAllUnits()) {
      List<String> units = caller.unitCodes();
      if (in.unitCode() != null && !units.contains(in.unitCode())) {
        throw ValidationException.of(UNIT_CODE, "不能以其他单位的名义申请资源");
      }
      if (in.unitCode() == null && !units.isEmpty()) {
        in = new ApplicationIntake(in.externalRef(), units.get(0), in.businessSystemCode(), in.purpose(),
            in.urgency(), in.lines(), in.idleJustification());
      }
    }
    service.validate(in);
    if (in.externalRef() != null) {
      Optional<ResourceApplication> existing = service.findByExternalRef(in.externalRef());
      if (existing.isPresent()) {
        return existingAnswer(existing.get(), caller);
      }
    }
    ApplicationIntake intake = in;
    try {
      String instanceId = transactions.execute(tx -> start(intake));
      ResourceApplication a = service.findByProcessInstance(instanceId).orElseThrow();
      return ResponseEntity.status(HttpStatus.CREATED).body(
          new Applied(a.applicationNo(), instanceId, a.status(), false));
    } catch (RuntimeException e) {
      if (intake.externalRef() != null && Conflicts.isDuplicate(e)) {
        return existingAnswer(service.findByExternalRef(intake.externalRef()).orElseThrow(() -> e), caller);
      }
      throw e;
    }
  }

  private String start(ApplicationIntake in) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(UNIT_CODE, in.unitCode());
    vars.put(BUSINESS_SYSTEM_CODE, in.businessSystemCode());
    vars.put(PURPOSE, in.purpose());
    vars.put(URGENCY, in.urgency() == null ? "NORMAL" : in.urgency().toUpperCase(java.util.Locale.ROOT));
    vars.put(LINES, SpinValues.jsonValue(json.write(in.lines())).create());
    if (in.idleJustification() != null) {
      vars.put(IDLE_JUSTIFICATION, in.idleJustification());
    }
    if (in.externalRef() != null) {
      vars.put(EXTERNAL_REF, in.externalRef());
    }
    return runtime.createProcessInstanceByKey(PROCESS_KEY).businessKey(in.externalRef()).setVariables(vars)
        .execute().getId();
  }

  private ResponseEntity<Applied> existingAnswer(ResourceApplication a, Caller caller) {
    if (!caller.mayAccessUnit(a.unitCode())) {
      throw ValidationException.of(EXTERNAL_REF, "该外部编号已被使用");
    }
    return ResponseEntity.ok(new Applied(a.applicationNo(), a.processInstanceId(), a.status(), true));
  }


  @Operation(summary = "查询云资源申请", description = "使用单位只能看到本单位的申请。")
  @GetMapping
  List<ResourceApplication> search(@RequestParam(required = false) Status status,
      @RequestParam(defaultValue = "100") int limit) {
    return service.search(currentUser.require(), status, limit);
  }

  /** One application with its record, deliveries and the ledger resources it produced. */
  record Detail(ResourceApplication application, List<ApplicationEvent> events, List<DeliveryInput> deliveries,
      List<LedgerResource> ledger) {}

  @Operation(summary = "云资源申请详情", description = "申请记录、交付和台账资源。")
  @GetMapping("/{applicationNo}")
  Detail detail(@PathVariable String applicationNo) {
    Caller caller = currentUser.require();
    ResourceApplication a = service.get(applicationNo, caller);
    return new Detail(a, service.events(a.id()), service.deliveries(a.id()),
        ledger.search(caller, null, null, null, null, a.id(), 1000));
  }
}
