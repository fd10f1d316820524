package cn.gov.gz.govcloud.sla;

import cn.gov.gz.govcloud.access.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/calendar/{year}}: read or load a year of the working-day calendar. */
@RestController
@RequestMapping("/api/calendar")
class CalendarController {

  private final CalendarService service;
  private final CurrentUser currentUser;

  CalendarController(CalendarService service, CurrentUser currentUser) {
    this.service = service;
    this.currentUser = currentUser;
  }

  @GetMapping("/{year}")
  CalendarYear get(@PathVariable int year) {
    currentUser.require();
    return service.get(year);
  }

  @PutMapping("/{year}")
  CalendarYear load(@PathVariable int year, @RequestBody CalendarYear body) {
    return service.load(year, body, currentUser.require());
  }
}
