package cn.gov.gz.govcloud.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.gov.gz.govcloud.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On PostgreSQL the planner knows how many grants the authorization checks' bit masks select, costs index lookups
 * as on solid-state storage and plans each statement for its own values (issue 26; the figures are ListsAtScaleBenchmark's). Nothing to check on H2.
 */
class AuthorizationCheckStatisticsTest extends WebTest {

  @Autowired JdbcTemplate jdbc;

  @Test
  void theAuthorizationMasksHaveStatisticsAndEveryStatementIsPlannedForItsValues() {
    assumeTrue("PostgreSQL".equalsIgnoreCase(jdbc.execute((java.sql.Connection c) -> c.getMetaData()
        .getDatabaseProductName())), "PostgreSQL only");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pg_statistic_ext WHERE stxname = ?", Long.class,
        AuthorizationCheckStatistics.NAME)).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT pg_get_statisticsobjdef_expressions(oid)::text FROM pg_statistic_ext "
        + "WHERE stxname = ?", String.class, AuthorizationCheckStatistics.NAME))
        .contains("perms_ & 2", "perms_ & 64", "perms_ & 512");
    assertThat(jdbc.queryForObject("SHOW random_page_cost", String.class)).isEqualTo("1.1");
    assertThat(jdbc.queryForObject("SHOW plan_cache_mode", String.class)).isEqualTo("force_custom_plan");
  }
}
