package cn.gov.gz.govcloud.emergency;

import cn.gov.gz.govcloud.engine.CaseNotes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * News of an external alert on an emergency's timeline (kind {@code ALERT}, "告警状态"): for instance that the
 * monitoring system reports the alert recovered. It does not count as progress for the feedback beats and changes no
 * state: recovery is judged and verified by people.
 */
@Component
class EmergencyAlertNotes implements CaseNotes {

  static final String KIND = "ALERT";

  private final EmergencyService service;
  private final JdbcClient jdbc;

  EmergencyAlertNotes(EmergencyService service, JdbcClient jdbc) {
    this.service = service;
    this.jdbc = jdbc;
  }

  @Override
  public boolean handles(String processDefinitionKey) {
    return EmergencyVariables.PROCESS_KEY.equals(processDefinitionKey);
  }

  @Override
  @Transactional
  public boolean alertNote(String caseNo, String author, String text) {
    var id = jdbc.sql("SELECT id FROM emergency WHERE emergency_no = ?").param(caseNo).query(Long.class).optional();
    id.ifPresent(i -> service.event(i, KIND, author, text, null, null));
    return id.isPresent();
  }
}
