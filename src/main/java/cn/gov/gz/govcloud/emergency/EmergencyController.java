package cn.gov.gz.govcloud.emergency;

import static cn.gov.gz.govcloud.emergency.EmergencyVariables.*;

import cn.gov.gz.govcloud.access.CurrentUser;
import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.web.ValidationException;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
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
@RestController
@RequestMapping("/api/emergencies")
class EmergencyController {

  private final EmergencyService service;
  private final RuntimeService runtime;
  private final CurrentUser currentUser;

  EmergencyController(EmergencyService service, RuntimeService runtime, CurrentUser currentUser) {
    this.service = service;
    this.runtime = runtime;
    this.currentUser = currentUser;
  }

  /** The answer to a report: the case number, its process instance, and whether it joined an open case. */
  record Reported(String emergencyNo, String processInstanceId, String status, boolean joinedExisting) {}

  @PostMapping
  @Transactional
  ResponseEntity<Reported> report(@RequestBody EmergencyIntake in) {
    Caller caller = currentUser.require();
    var system = service.validate(in);
    if (!caller.mayAccessUnit(system.unitCode())) {
      throw ValidationException.of(BUSINESS_SYSTEM_CODE, "不能报告其他单位业务系统的事件");
    }
    if (in.alertRef() != null && !in.alertRef().isBlank()) {
      Optional<Emergency> open = service.findOpenByAlert(in.alertRef().strip());
      if (open.isPresent()) {
        service.occurrence(open.get().id(), in.description(), caller.userId());
        return ResponseEntity.ok(new Reported(open.get().emergencyNo(), open.get().processInstanceId(),
            open.get().status(), true));
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
    put(vars, ALERT_REF, in.alertRef());
    if (in.detectedAt() != null) {
      vars.put(DETECTED_AT, Date.from(in.detectedAt()));
    }
    String instanceId = runtime.createProcessInstanceByKey(PROCESS_KEY)
        .businessKey(in.alertRef() == null || in.alertRef().isBlank() ? null : in.alertRef().strip())
        .setVariables(vars).execute().getId();
    Emergency e = service.findByProcessInstance(instanceId).orElseThrow();
    return ResponseEntity.status(HttpStatus.CREATED).body(new Reported(e.emergencyNo(), instanceId, e.status(), false));
  }

  private static void put(Map<String, Object> vars, String name, String value) {
    if (value != null && !value.isBlank()) {
      vars.put(name, value);
    }
  }

  @GetMapping
  List<Emergency> search(@RequestParam(required = false) String status, @RequestParam(defaultValue = "100") int limit) {
    return service.search(currentUser.require(), status, limit);
  }

  /** One case with its timeline (every action, escalation and feedback beat) and timeliness figures. */
  record Detail(Emergency emergency, List<EmergencyEvent> timeline, Map<String, Object> timeliness) {}

  @GetMapping("/{emergencyNo}")
  Detail detail(@PathVariable String emergencyNo) {
    Emergency e = service.get(emergencyNo, currentUser.require());
    return new Detail(e, service.events(e.id()), service.timeliness(e.id()));
  }
}
