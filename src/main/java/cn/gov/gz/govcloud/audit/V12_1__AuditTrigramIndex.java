package cn.gov.gz.govcloud.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 12.1 (Spring Boot hands migration beans to Flyway): on PostgreSQL, a trigram GIN index on {@code
 * audit_event.search_text}, so that the fuzzy search ({@code LIKE '%text%'}) over millions of rows uses an index
 * instead of reading the table (benchmarks/RESULTS.md, AuditSearchBenchmark). It needs the {@code pg_trgm} extension
 * (part of PostgreSQL's contrib package; "trusted", so a database owner may create it). Where it cannot be created,
 * the migration logs a warning and the search still works, by reading the table. On H2 it does nothing.
 */
@Component
class V12_1__AuditTrigramIndex extends BaseJavaMigration {

  private static final Logger LOG = LoggerFactory.getLogger(V12_1__AuditTrigramIndex.class);
  static final String INDEX = "CREATE INDEX IF NOT EXISTS ix_audit_event_search_trgm ON audit_event "
      + "USING gin (search_text gin_trgm_ops)";

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    if (!"PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName())) {
      return;
    }
    Savepoint before = connection.getAutoCommit() ? null : connection.setSavepoint();
    try (Statement st = connection.createStatement()) {
      st.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm");
      st.execute(INDEX);
    } catch (SQLException e) {
      if (before != null) {
        connection.rollback(before);
      }
      LOG.warn("pg_trgm not available ({}): the audit search reads the table instead of a trigram index. "
          + "Install PostgreSQL contrib and run as owner: CREATE EXTENSION pg_trgm; {}", e.getMessage(), INDEX);
    }
  }
}
