package cn.gov.gz.govcloud.dashboard;

import org.springframework.context.ApplicationContext;

/** For tests and benchmarks outside the package: the dashboard's kept figures, forgotten on demand. */
public final class DashboardCaches {

  private DashboardCaches() {}

  /** Every section is read again at the next request (a cold start, or every time kept has run out). */
  public static void forgetAll(ApplicationContext context) {
    context.getBean(DashboardService.class).forget();
  }

  /** The live sections are read again, the statistics are still kept (a refresh between statistics updates). */
  public static void forgetLive(ApplicationContext context) {
    context.getBean(DashboardService.class).forgetLive();
  }
}
