package cn.gov.gz.govcloud.sla;

import java.nio.file.Path;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A {@link WorkingCalendar} for plain unit tests, without the application: the State Council data of the migration
 * that ships it ({@code V4__working_calendar.sql}) in a private H2 database in memory, default working hours.
 */
public final class TestCalendars {

  static final String MIGRATION = "src/main/resources/db/migration/V4__working_calendar.sql";
  static final String WORKING_HOURS = "08:30-12:00,14:00-18:00";

  private TestCalendars() {}

  /** The calendar of 2025–2026 as migrated; any other year has weekends off only. */
  public static WorkingCalendar stateCouncil() {
    return new WorkingCalendar(database(), WORKING_HOURS);
  }

  /** The same data with other working hours (e.g. "09:00-17:00"). */
  static WorkingCalendar withHours(String workingHours) {
    return new WorkingCalendar(database(), workingHours);
  }

  static JdbcClient database() {
    DriverManagerDataSource ds = new DriverManagerDataSource(
        "jdbc:h2:mem:calendar-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    JdbcClient jdbc = JdbcClient.create(ds);
    jdbc.sql("RUNSCRIPT FROM '" + Path.of(MIGRATION).toAbsolutePath().toString().replace('\\', '/') + "'").update();
    return jdbc;
  }
}
