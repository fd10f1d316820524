package cn.gov.gz.govcloud.dashboard;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code govcloud.dashboard.*}: how fresh the figures are and how often the screens ask again.
 *
 * @param liveTtl how long the live figures (emergencies, work orders, alerts, deliverables) are reused for everyone of
 *     the same scope before they are read again
 * @param statisticsTtl how long the statistics (KPIs and their trend, inspection, resources, cost) are reused
 * @param pageRefresh how often the dashboard in a user's browser asks for new figures
 * @param screenRefresh how often the big screen asks for new figures
 * @param trendMonths how many whole months before the current one the KPI trend shows
 * @param drillLookahead how far ahead the deliverables list drills that fall due
 * @param pastMonthsTtl how long the KPIs of past months are reused (they change only when a late step lands in them)
 * @param threads the threads that read the statistics while a request reads the live figures
 */
@ConfigurationProperties(prefix = "govcloud.dashboard")
record DashboardProperties(Duration liveTtl, Duration statisticsTtl, Duration pageRefresh, Duration screenRefresh,
    Integer trendMonths, Period drillLookahead, Duration pastMonthsTtl, Integer threads) {

  DashboardProperties {
    liveTtl = liveTtl == null ? Duration.ofSeconds(10) : liveTtl;
    statisticsTtl = statisticsTtl == null ? Duration.ofMinutes(5) : statisticsTtl;
    pageRefresh = pageRefresh == null ? Duration.ofSeconds(60) : pageRefresh;
    screenRefresh = screenRefresh == null ? Duration.ofSeconds(30) : screenRefresh;
    trendMonths = trendMonths == null || trendMonths < 1 ? 6 : Math.min(trendMonths, 24);
    drillLookahead = drillLookahead == null ? Period.ofDays(60) : drillLookahead;
    pastMonthsTtl = pastMonthsTtl == null ? Duration.ofHours(1) : pastMonthsTtl;
    threads = threads == null || threads < 1 ? 4 : Math.min(threads, 16);
  }
}
