package cn.gov.gz.govcloud.sla;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import cn.gov.gz.govcloud.access.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/calendar/{year}}: read or load a year of the working-day calendar. */
@Tag(name = "工作日历", description = "国务院公布的节假日与调休工作日（按年）。")
@RestController
@RequestMapping("/api/calendar")
class CalendarController {

  private final CalendarService service;
  private final CurrentUser currentUser;

  CalendarController(CalendarService service, CurrentUser currentUser) {
    this.service = service;
    this.currentUser = currentUser;
  }

  @Operation(summary = "查询某年工作日历")
  @GetMapping("/{year}")
  CalendarYear get(@PathVariable int year) {
    currentUser.require();
    return service.get(year);
  }

  @Operation(summary = "载入某年工作日历", description = "管理方、运维经理或系统管理员；载入后重新计算进行中的 5×8 时限。")
  @PutMapping("/{year}")
  CalendarYear load(@PathVariable int year, @RequestBody CalendarYear body) {
    return service.load(year, body, currentUser.require());
  }
}
