package cn.gov.gz.govcloud.organization;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "使用单位与业务系统", description = "使用单位和业务系统的登记（DOMAIN §1）。")
@RestController
@RequestMapping("/api")
class OrganizationController {

  private final OrganizationService service;
  private final CurrentUser currentUser;

  OrganizationController(OrganizationService service, CurrentUser currentUser) {
    this.service = service;
    this.currentUser = currentUser;
  }

  @Operation(summary = "查询使用单位", description = "使用单位用户只能看到本单位。")
  @GetMapping("/units")
  List<Unit> units() {
    return service.units(currentUser.require());
  }

  @Operation(summary = "使用单位详情")
  @GetMapping("/units/{code}")
  Unit unit(@PathVariable String code) {
    return service.unit(code, currentUser.require());
  }

  @Operation(summary = "登记使用单位", description = "同时创建其用户组 unit-<code>；管理方、运维经理或系统管理员。")
  @PostMapping("/units")
  @ResponseStatus(HttpStatus.CREATED)
  Unit registerUnit(@RequestBody Unit unit) {
    return service.registerUnits(List.of(unit), currentUser.require(), false).get(0);
  }

  @Operation(summary = "修改使用单位")
  @PutMapping("/units/{code}")
  Unit updateUnit(@PathVariable String code, @RequestBody Unit unit) {
    return service.updateUnit(code, unit, currentUser.require());
  }

  @Operation(summary = "批量导入使用单位", description = "JSON 数组，全部有效才保存，逐行指明错误。")
  @PostMapping("/units/import")
  @ResponseStatus(HttpStatus.CREATED)
  ImportResult importUnits(@RequestBody List<Unit> units) {
    return new ImportResult(service.registerUnits(units, currentUser.require(), true).size());
  }

  @Operation(summary = "查询业务系统", description = "可按使用单位筛选；使用单位用户只能看到本单位。")
  @GetMapping("/business-systems")
  List<BusinessSystem> systems(@RequestParam(required = false) String unitCode) {
    return service.systems(currentUser.require(), unitCode);
  }

  @Operation(summary = "业务系统详情")
  @GetMapping("/business-systems/{code}")
  BusinessSystem system(@PathVariable String code) {
    return service.system(code, currentUser.require());
  }

  @Operation(summary = "登记业务系统", description = "重要性 CORE/IMPORTANT/GENERAL，服务级别 1–4（GB/T 34077.3 5.3.6）。")
  @PostMapping("/business-systems")
  @ResponseStatus(HttpStatus.CREATED)
  BusinessSystem registerSystem(@RequestBody BusinessSystem system) {
    return service.registerSystems(List.of(system), currentUser.require(), false).get(0);
  }

  @Operation(summary = "批量导入业务系统", description = "JSON 数组，全部有效才保存，逐行指明错误。")
  @PostMapping("/business-systems/import")
  @ResponseStatus(HttpStatus.CREATED)
  ImportResult importSystems(@RequestBody List<BusinessSystem> systems) {
    return new ImportResult(service.registerSystems(systems, currentUser.require(), true).size());
  }

  /** How many rows an import stored. */
  record ImportResult(int imported) {}
}
