package cn.gov.gz.govcloud.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, planner statistics for the engine's authorization checks (issue 26, ListsAtScaleBenchmark).
 *
 * <p>Every list with authorization on (a Tasklist filter, Cockpit's instances) joins the person's grants from {@code
 * ACT_RU_AUTHORIZATION}, selected by bit masks such as {@code PERMS_ & 2 = 2} (READ) and {@code PERMS_ & 64 = 64}
 * (READ_TASK). PostgreSQL has no statistics for such expressions and guesses that a handful of rows match; with
 * 10,000 open tasks an engineer's group holds thousands of task grants, and the planner, believing there are 13,
 * compares every task with every grant (16 million comparisons, 2 s for the first page of "我的组任务"). Statistics on
 * the masks the engine uses (READ, READ_TASK, READ_INSTANCE) give it the true number, and it looks each task's grants
 * up by index instead (0.2 s), together with the postgres profile's connection settings: {@code random_page_cost} for
 * solid-state storage, and {@code plan_cache_mode=force_custom_plan}, since a generic plan of a prepared statement
 * (the driver's after five runs) knows neither the user nor the group and goes back to comparing everything.
 *
 * <p>Created once, after the engine has created or updated its tables, by whichever node starts first; a database
 * where it cannot be created (PostgreSQL before 14, no owner rights) logs a warning and works as before. On H2 it does
 * nothing.
 */
@Component
class AuthorizationCheckStatistics extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(AuthorizationCheckStatistics.class);
  static final String NAME = "act_ru_auth_perms";
  static final String CREATE = "CREATE STATISTICS IF NOT EXISTS " + NAME
      + " ON (PERMS_ & 2), (PERMS_ & 64), (PERMS_ & 512) FROM ACT_RU_AUTHORIZATION";

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    var configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    try (Connection c = configuration.getDataSource().getConnection(); Statement st = c.createStatement()) {
      if (!"PostgreSQL".equalsIgnoreCase(c.getMetaData().getDatabaseProductName()) || exists(st)) {
        return;
      }
      st.execute(CREATE);
      st.execute("ANALYZE ACT_RU_AUTHORIZATION");
      if (!c.getAutoCommit()) {
        c.commit();
      }
      LOG.info("Created the planner statistics {} for the authorization checks", NAME);
    } catch (SQLException e) {
      LOG.warn("Planner statistics for the authorization checks not created ({}); long task lists may be slow. "
          + "Run as the database owner: {}; ANALYZE ACT_RU_AUTHORIZATION", e.getMessage(), CREATE);
    }
  }

  private static boolean exists(Statement st) throws SQLException {
    try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_statistic_ext WHERE stxname = '" + NAME + "'")) {
      return rs.next();
    }
  }
}
