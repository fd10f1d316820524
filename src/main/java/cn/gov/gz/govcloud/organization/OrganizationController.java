package cn.gov.gz.govcloud.organization;

import cn.gov.gz.govcloud.access.CurrentUser;
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

/** REST for the master data: {@code /api/units} and {@code /api/business-systems} (HTTP Basic, see README). */
@RestController
@RequestMapping("/api")
class OrganizationController {

  private final OrganizationService service;
  private final CurrentUser currentUser;

  OrganizationController(OrganizationService service, CurrentUser currentUser) {
    this.service = service;
    this.currentUser = currentUser;
  }

  @GetMapping("/units")
  List<Unit> units() {
    return service.units(currentUser.require());
  }

  @GetMapping("/units/{code}")
  Unit unit(@PathVariable String code) {
    return service.unit(code, currentUser.require());
  }

  @PostMapping("/units")
  @ResponseStatus(HttpStatus.CREATED)
  Unit registerUnit(@RequestBody Unit unit) {
    return service.registerUnits(List.of(unit), currentUser.require(), false).get(0);
  }

  @PutMapping("/units/{code}")
  Unit updateUnit(@PathVariable String code, @RequestBody Unit unit) {
    return service.updateUnit(code, unit, currentUser.require());
  }

  @PostMapping("/units/import")
  @ResponseStatus(HttpStatus.CREATED)
  ImportResult importUnits(@RequestBody List<Unit> units) {
    return new ImportResult(service.registerUnits(units, currentUser.require(), true).size());
  }

  @GetMapping("/business-systems")
  List<BusinessSystem> systems(@RequestParam(required = false) String unitCode) {
    return service.systems(currentUser.require(), unitCode);
  }

  @GetMapping("/business-systems/{code}")
  BusinessSystem system(@PathVariable String code) {
    return service.system(code, currentUser.require());
  }

  @PostMapping("/business-systems")
  @ResponseStatus(HttpStatus.CREATED)
  BusinessSystem registerSystem(@RequestBody BusinessSystem system) {
    return service.registerSystems(List.of(system), currentUser.require(), false).get(0);
  }

  @PostMapping("/business-systems/import")
  @ResponseStatus(HttpStatus.CREATED)
  ImportResult importSystems(@RequestBody List<BusinessSystem> systems) {
    return new ImportResult(service.registerSystems(systems, currentUser.require(), true).size());
  }

  /** How many rows an import stored. */
  record ImportResult(int imported) {}
}
