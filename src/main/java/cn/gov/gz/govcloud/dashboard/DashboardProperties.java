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
 */
@ConfigurationProperties(prefix = "govcloud.dashboard")
record DashboardProperties(Duration liveTtl, Duration statisticsTtl, Duration pageRefresh, Duration screenRefresh,
    Integer trendMonths, Period drillLookahead) {

  DashboardProperties {
    liveTtl = liveTtl == null ? Duration.ofSeconds(10) : liveTtl;
    statisticsTtl = statisticsTtl == null ? Duration.ofMinutes(5) : statisticsTtl;
    pageRefresh = pageRefresh == null ? Duration.ofSeconds(60) : pageRefresh;
    screenRefresh = screenRefresh == null ? Duration.ofSeconds(30) : screenRefresh;
    trendMonths = trendMonths == null || trendMonths < 1 ? 6 : Math.min(trendMonths, 24);
    drillLookahead = drillLookahead == null ? Period.ofDays(60) : drillLookahead;
  }
}
