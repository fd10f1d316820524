package cn.gov.gz.govcloud.kpi;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "考核指标", description = "按 DB4401/T 294.3 7.3.2 和 P6 附录 B 从流程历史与业务数据计算的指标。")
@RestController
@RequestMapping("/api/kpis")
class KpiController {

  private final KpiService kpis;
  private final CurrentUser currentUser;

  KpiController(KpiService kpis, CurrentUser currentUser) {
    this.kpis = kpis;
    this.currentUser = currentUser;
  }

  @Operation(summary = "计算考核指标", description = "指定起止日期（含），返回各项指标及其定义。")
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
