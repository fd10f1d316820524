package cn.gov.gz.govcloud.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.gov.gz.govcloud.web.ValidationException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The pure parts of the KPI figures (no application, no engine): which cases a figure counts ({@link KpiCriteria},
 * run over stand-in tables with the reporting views' columns in a private H2 database), when a response report is
 * due, and the service report's period.
 */
@Tag("unit")
class KpiFormulasTest {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  JdbcClient jdbc;

  static Timestamp china(String local) {
    return Timestamp.from(LocalDateTime.parse(local).atZone(CHINA).toInstant());
  }

  @BeforeEach
  void tables() {
    jdbc = JdbcClient.create(new DriverManagerDataSource(
        "jdbc:h2:mem:kpi-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
    jdbc.sql("CREATE TABLE rv_work_order (id INT, status VARCHAR(20), received_at TIMESTAMP, "
        + "recovery_due_at TIMESTAMP)").update();
    jdbc.sql("CREATE TABLE rv_emergency (id INT, status VARCHAR(20), drill BOOLEAN, received_at TIMESTAMP, "
        + "responded_at TIMESTAMP, response_due_at TIMESTAMP, closed_at TIMESTAMP)").update();
    jdbc.sql("CREATE TABLE rv_resource_application (id INT, status VARCHAR(20), closed_at TIMESTAMP)").update();
  }

  long count(String view, String criteria, Object... params) {
    return jdbc.sql("SELECT COUNT(*) FROM " + view + " WHERE " + criteria).params(params).query(Long.class)
        .single();
  }

  @Test
  void openWorkOrdersOverdueAreThoseNeitherClosedNorResolvedPastTheirRecoveryDeadline() {
    Timestamp now = china("2026-03-10T10:00:00");
    jdbc.sql("INSERT INTO rv_work_order VALUES (1, 'DISPATCHED', ?, ?), (2, 'RESOLVED', ?, ?), (3, 'CLOSED', ?, ?),"
        + " (4, 'WAITING_USER', ?, ?), (5, 'RECEIVED', ?, ?)")
        .params(now, china("2026-03-10T09:00:00"), now, china("2026-03-10T09:00:00"), now,
            china("2026-03-10T09:00:00"), now, china("2026-03-10T09:59:59"), now, now)
        .update();
    assertThat(count("rv_work_order", KpiCriteria.WORK_ORDER_OVERDUE, now)).as("1 and 4; 5 is due just now")
        .isEqualTo(2);
  }

  @Test
  void emergenciesNotRespondedInTimeCountOpenRealCasesOnly() {
    Timestamp now = china("2026-03-10T10:00:00");
    Timestamp past = china("2026-03-10T09:50:00");
    jdbc.sql("INSERT INTO rv_emergency (id, status, drill, responded_at, response_due_at) VALUES "
        + "(1, 'OPEN', FALSE, NULL, ?), (2, 'OPEN', TRUE, NULL, ?), (3, 'OPEN', FALSE, ?, ?), "
        + "(4, 'CLOSED', FALSE, NULL, ?), (5, 'OPEN', FALSE, NULL, ?)")
        .params(past, past, past, past, past, china("2026-03-10T10:05:00")).update();
    assertThat(count("rv_emergency", KpiCriteria.EMERGENCY_NOT_RESPONDED_OVERDUE, now)).isEqualTo(1);
  }

  @Test
  void aPeriodIncludesItsStartExcludesItsEndAndLeavesDrillsOut() {
    Timestamp from = china("2026-03-01T00:00:00");
    Timestamp to = china("2026-04-01T00:00:00");
    jdbc.sql("INSERT INTO rv_emergency (id, status, drill, received_at, closed_at) VALUES "
        + "(1, 'CLOSED', FALSE, ?, ?), (2, 'CLOSED', FALSE, ?, ?), (3, 'CLOSED', TRUE, ?, ?), "
        + "(4, 'CLOSED', FALSE, ?, ?)")
        .params(from, from, to, to, from, from, china("2026-03-31T23:59:59"), china("2026-03-31T23:59:59"))
        .update();
    assertThat(count("rv_emergency", KpiCriteria.EMERGENCY_RECEIVED, from, to)).isEqualTo(2);
    assertThat(count("rv_emergency", KpiCriteria.EMERGENCY_CLOSED, from, to)).isEqualTo(2);

    jdbc.sql("INSERT INTO rv_work_order (id, status, received_at) VALUES (1, 'CLOSED', ?), (2, 'CLOSED', ?), "
        + "(3, 'RECEIVED', ?)").params(from, to, china("2026-02-28T23:59:59")).update();
    assertThat(count("rv_work_order", KpiCriteria.WORK_ORDER_RECEIVED, from, to)).isEqualTo(1);

    jdbc.sql("INSERT INTO rv_resource_application VALUES (1, 'CLOSED', ?), (2, 'WITHDRAWN', ?), (3, 'REJECTED', ?),"
        + " (4, 'CLOSED', ?)").params(from, from, china("2026-03-15T10:00:00"), to).update();
    assertThat(count("rv_resource_application", KpiCriteria.APPLICATION_CLOSED, from, to)).as("withdrawn left out")
        .isEqualTo(2);
  }

  @Test
  void aResponseReportIsDueByTheEndOfTheNextDayBeijingTime() {
    // closed 23:30 Beijing on 10 March (15:30 UTC): due at midnight starting 12 March, Beijing time
    assertThat(KpiService.emergencyReportDue(Instant.parse("2026-03-10T15:30:00Z")))
        .isEqualTo(china("2026-03-12T00:00:00").toInstant());
    // closed 00:30 Beijing on 11 March (16:30 UTC on the 10th): the next day is the 12th
    assertThat(KpiService.emergencyReportDue(Instant.parse("2026-03-10T16:30:00Z")))
        .isEqualTo(china("2026-03-13T00:00:00").toInstant());
  }

  @Test
  void theReportPeriodIsReadFromDatesOrText() {
    DelegateExecution e = mock(DelegateExecution.class);
    Map<String, Object> v = Map.of("a", "2026-03-01", "b", "2026-03-31T16:00:00.000Z", "c", " ",
        "d", Date.from(Instant.parse("2026-03-31T16:00:00Z")), "e", "31/03/2026");
    when(e.getVariable(anyString())).thenAnswer(i -> v.get(i.<String>getArgument(0)));
    assertThat(ServiceReportVariables.day(e, "a")).isEqualTo(LocalDate.parse("2026-03-01"));
    assertThat(ServiceReportVariables.day(e, "b")).as("first ten characters").isEqualTo(LocalDate.parse("2026-03-31"));
    assertThat(ServiceReportVariables.day(e, "c")).isNull();
    assertThat(ServiceReportVariables.day(e, "missing")).isNull();
    assertThat(ServiceReportVariables.day(e, "d")).as("a date is read in Beijing time")
        .isEqualTo(LocalDate.parse("2026-04-01"));
    assertThatThrownBy(() -> ServiceReportVariables.day(e, "e")).isInstanceOf(ValidationException.class)
        .hasMessage("e: 日期格式应为 YYYY-MM-DD");
  }
}
