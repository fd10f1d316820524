package cn.gov.gz.govcloud.dashboard;

import static cn.gov.gz.govcloud.dashboard.ListQuery.*;

import cn.gov.gz.govcloud.access.AccessDeniedException;
import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.NotFoundException;
import cn.gov.gz.govcloud.web.ValidationException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The lists behind the figures, a page at a time, for the viewer's units only: the conditions are those the figures
 * count with (the KPI's own for KPI figures), so a figure and its list agree. Each row leads on to the open tasks of
 * its case in Tasklist, to Cockpit for those who have it, or to its document.
 */
@Component
class DashboardLists {

  private final CaseLists cases;
  private final OperationLists operations;
  private final Clock clock;

  DashboardLists(CaseLists cases, OperationLists operations, Clock clock) {
    this.cases = cases;
    this.operations = operations;
    this.clock = clock;
  }

  ListPage page(String kind, Map<String, String> params, Caller caller, String contextPath) {
    Map<String, String> filter = new LinkedHashMap<>(params);
    int page = integer(filter.remove("page"), 0, "page");
    int size = integer(filter.remove("size"), DEFAULT_SIZE, "size");
    if (page < 0) {
      throw ValidationException.of("page", "页码从 0 开始");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw ValidationException.of("size", "每页 1–" + MAX_SIZE + " 条");
    }
    Scope scope = Scope.of(caller);
    if (STAFF_ONLY.contains(kind) && !scope.allUnits()) {
      throw new AccessDeniedException("巡检记录仅供运维、管理与监理人员查看");
    }
    Request r = new Request(filter, page, size, caller, scope, contextPath, clock.instant());
    return switch (kind) {
      case "emergencies" -> cases.emergencies(r);
      case "work-orders" -> cases.workOrders(r);
      case "alerts" -> cases.alerts(r);
      case "findings" -> operations.findings(r);
      case "inspections" -> operations.inspections(r);
      case "applications" -> operations.applications(r);
      case "idle" -> operations.idle(r);
      case "costs" -> operations.costs(r);
      case "reports-due" -> operations.reportsDue(r);
      case "plans" -> operations.plans(r);
      case "documents" -> operations.documents(r);
      default -> throw new NotFoundException("没有这个清单：" + kind);
    };
  }
}
