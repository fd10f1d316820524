package cn.gov.gz.govcloud.inspection;

import static cn.gov.gz.govcloud.inspection.InspectionVariables.*;

import cn.gov.gz.govcloud.compliance.Implements;
import cn.gov.gz.govcloud.engine.ProcessStep;
import cn.gov.gz.govcloud.sla.WorkingCalendar;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The inspection cycles of the service levels (GB/T 34077.3 5.3.6: level 1 daily or weekly, level 2 monthly, level 3
 * quarterly, level 4 half-yearly; output {@code inspectionCycle} of decision service-level-targets). The quarterly full
 * inspection (P3 5.1.3.2, at least once a quarter) covers every cycle of a quarter or longer; a shorter cycle gets a
 * special inspection of the cloud resources of the units whose systems have that level: a cycle in days or weeks at
 * every run of the level schedule (weekly by default), a cycle of months in the first week of its month.
 */
@Implements(value = "GB 5.3.6", what = "按服务级别的巡检周期（一级每周、二级每月）对相应业务系统所在单位的云资源安排巡检，季度及以上周期由季度全面巡检覆盖")
@Component("dueLevelInspections")
public class DueLevelInspections extends ProcessStep {

  static final Period QUARTER = Period.ofMonths(3);

  private final InspectionService service;
  private final Clock clock;

  DueLevelInspections(InspectionService service, Clock clock) {
    this.service = service;
    this.clock = clock;
  }

  @Override
  protected void run(DelegateExecution execution) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), WorkingCalendar.CHINA);
    var decisions = execution.getProcessEngineServices().getDecisionService();
    List<Integer> due = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (int level = 1; level <= 4; level++) {
      String cycle = decisions.evaluateDecisionTableByKey("service-level-targets", Map.of("serviceLevel", level))
          .getSingleResult().getEntry("inspectionCycle");
      if (isDue(Period.parse(cycle), today)) {
        due.add(level);
        labels.add(LEVEL_NAMES.get(level - 1) + "（周期 " + cycleLabel(Period.parse(cycle)) + "）");
      }
    }
    List<String> units = service.unitsWithLevels(due);
    execution.setVariable(LEVEL_INSPECTION_DUE, !units.isEmpty());
    if (units.isEmpty()) {
      return;
    }
    execution.setVariable(SCOPE_UNITS, units);
    execution.setVariable(SCOPE_CATEGORIES, service.resourceCategories());
    execution.setVariable(REASON, "按服务级别巡检周期（GB/T 34077.3 5.3.6）：" + String.join("、", labels)
        + "业务系统所在单位的云资源巡检");
  }

  static final List<String> LEVEL_NAMES = List.of("一级", "二级", "三级", "四级");

  /** A cycle shorter than the quarter falls due: in days or weeks at every run, in months in its month's first week. */
  static boolean isDue(Period cycle, LocalDate today) {
    if (cycle.toTotalMonths() >= QUARTER.toTotalMonths()) {
      return false; // the quarterly full inspection covers it (P3 5.1.3.2 is the stricter)
    }
    if (cycle.toTotalMonths() == 0) {
      return true;
    }
    return (today.getMonthValue() - 1) % cycle.toTotalMonths() == 0 && today.getDayOfMonth() <= 7;
  }

  static String cycleLabel(Period p) {
    if (p.toTotalMonths() > 0) {
      return p.toTotalMonths() == 1 ? "每月" : "每 " + p.toTotalMonths() + " 个月";
    }
    return p.getDays() == 7 ? "每周" : p.getDays() == 1 ? "每日" : "每 " + p.getDays() + " 天";
  }
}
