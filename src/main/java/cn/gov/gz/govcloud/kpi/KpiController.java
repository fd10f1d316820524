package cn.gov.gz.govcloud.kpi;

import cn.gov.gz.govcloud.access.AccessDeniedException;
import cn.gov.gz.govcloud.access.CurrentUser;
import cn.gov.gz.govcloud.web.ValidationException;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/kpis?from=&to=}: the KPIs of a period, for management, the provider and the supervisor. */
@RestController
@RequestMapping("/api/kpis")
class KpiController {

  private final KpiService kpis;
  private final CurrentUser currentUser;

  KpiController(KpiService kpis, CurrentUser currentUser) {
    this.kpis = kpis;
    this.currentUser = currentUser;
  }

  @GetMapping
  KpiReport kpis(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    if (!currentUser.require().seesAllUnits()) {
      throw new AccessDeniedException("考核指标仅对管理方、服务方和监理方开放");
    }
    if (to.isBefore(from)) {
      throw ValidationException.of("to", "结束日期不能早于开始日期");
    }
    if (from.plusYears(5).isBefore(to)) {
      throw ValidationException.of("to", "统计区间最长 5 年");
    }
    return kpis.compute(from, to);
  }
}
