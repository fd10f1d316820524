package cn.gov.gz.govcloud.emergency;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import static cn.gov.gz.govcloud.emergency.EmergencyVariables.*;

import cn.gov.gz.govcloud.access.CurrentUser;
import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.web.Conflicts;
import cn.gov.gz.govcloud.web.Paging;
import cn.gov.gz.govcloud.web.ValidationException;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * {@code /api/emergencies}: how the monitoring system and the service desk report an emergency (starting
 * {@code emergency-response}); the same open {@code alertRef} adds an occurrence to the open case instead.
 */
@Tag(name = "应急事件", description = "应急事件的接报与查询（P6 7.4.2.3，P3 5.3.2）。")
@RestController
@RequestMapping("/api/emergencies")
class EmergencyController {

  /** Attempts at a report that races with reports of the same alert (one wins, the others then join its case). */
  static final int MAX_ATTEMPTS = 5;

  private final EmergencyService service;
  private final RuntimeService runtime;
  private final CurrentUser currentUser;
  private final TransactionTemplate transactions;

  EmergencyController(EmergencyService service, RuntimeService runtime, CurrentUser currentUser,
      TransactionTemplate transactions) {
    this.service = service;
    this.runtime = runtime;
    this.currentUser = currentUser;
    this.transactions = transactions;
  }

  /** The answer to a report: the case number, its process instance, and whether it joined an open case. */
  record Reported(String emergencyNo, String processInstanceId, String status, boolean joinedExisting) {}

  /**
   * Reports an emergency. A report whose {@code alertRef} names an alert with an open case joins that case. Reports of
   * one alert that arrive together (an alert storm) race for the database's one-open-case-per-alert index: one opens
   * the case, each other one fails its transaction and is retried, and then joins.
   */
  @Operation(summary = "报告应急事件", description = "启动应急事件处置流程；同一 alertRef 在事件未关闭前再次报告时并入该事件（200，joinedExisting=true），否则新建（201）。")
  @PostMapping
  ResponseEntity<Reported> report(@RequestBody EmergencyIntake in) {
    Caller caller = currentUser.require();
    if (in.alertRef() == null) {
      return transactions.execute(tx -> reportOnce(in, caller));
    }
    return Conflicts.retrying(MAX_ATTEMPTS, () -> transactions.execute(tx -> reportOnce(in, caller)));
  }

  private ResponseEntity<Reported> reportOnce(EmergencyIntake in, Caller caller) {
    var system = service.validate(in);
    if (!caller.mayAccessUnit(system.unitCode())) {
      throw ValidationException.of(BUSINESS_SYSTEM_CODE, "不能报告其他单位业务系统的事件");
    }
    String alertRef = in.alertRef() == null || in.alertRef().isBlank() ? null : in.alertRef().strip();
    if (alertRef != null) {
      Optional<Emergency> open = service.findOpenByAlert(alertRef);
      if (open.isPresent()) {
        service.occurrence(open.get().id(), in.description(), caller.userId());
        return joined(open.get());
      }
    }
    Map<String, Object> vars = new HashMap<>();
    vars.put(BUSINESS_SYSTEM_CODE, in.businessSystemCode());
    vars.put(CATEGORY, in.category());
    vars.put(DESCRIPTION, in.description());
    put(vars, SOURCE, in.source());
    put(vars, REPORTER, in.reporter());
    put(vars, CONTACT, in.contact());
    put(vars, SCOPE, in.scope());
    put(vars, MEASURES_TAKEN, in.measuresTaken());
    put(vars, ALERT_REF, alertRef);
    if (in.detectedAt() != null) {
      vars.put(DETECTED_AT, Date.from(in.detectedAt()));
    }
    String instanceId = runtime.createProcessInstanceByKey(PROCESS_KEY).businessKey(alertRef)
        .setVariables(vars).execute().getId();
    Optional<Emergency> opened = service.findByProcessInstance(instanceId);
    if (opened.isEmpty()) {
      // the register step found the alert's open case (committed since our look) and joined it
      return joined(service.findOpenByAlert(alertRef).orElseThrow());
    }
    Emergency e = opened.get();
    return ResponseEntity.status(HttpStatus.CREATED).body(new Reported(e.emergencyNo(), instanceId, e.status(), false));
  }

  private static ResponseEntity<Reported> joined(Emergency open) {
    return ResponseEntity.ok(new Reported(open.emergencyNo(), open.processInstanceId(), open.status(), true));
  }

  private static void put(Map<String, Object> vars, String name, String value) {
    if (value != null && !value.isBlank()) {
      vars.put(name, value);
    }
  }

  /** A page of cases, newest first: {@code page} from 0, {@code size} 1–200 (default 50). */
  @Operation(summary = "查询应急事件", description = "最新在前，分页；使用单位只能看到本单位的事件。")
  @GetMapping
  List<Emergency> search(@RequestParam(required = false) String status,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    Paging paging = Paging.of(page, size);
    if (status != null && !EmergencyService.STATUSES.contains(status)) {
      throw ValidationException.of("status", "取值 " + String.join("、", EmergencyService.STATUSES));
    }
    return service.search(currentUser.require(), status, paging);
  }

  /** One case with its timeline (every action, escalation and feedback beat) and timeliness figures. */
  record Detail(Emergency emergency, List<EmergencyEvent> timeline, Map<String, Object> timeliness) {}

  @Operation(summary = "应急事件详情", description = "事件、时间线（每次处置、升级、反馈）及时效指标。")
  @GetMapping("/{emergencyNo}")
  Detail detail(@PathVariable String emergencyNo) {
    Emergency e = service.get(emergencyNo, currentUser.require());
    return new Detail(e, service.events(e.id()), service.timeliness(e.id()));
  }
}
