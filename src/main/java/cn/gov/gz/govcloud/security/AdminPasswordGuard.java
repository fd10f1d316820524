package cn.gov.gz.govcloud.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.stereotype.Component;

/**
 * Refuses to build the engine without an explicit admin password. Only demo mode (application-demo.yml) supplies a
 * default; everywhere else ADMIN_PASSWORD must be set. Without this guard the starter would silently use the user id
 * as password.
 */
@Component
class AdminPasswordGuard extends AbstractProcessEnginePlugin {

  private final CamundaBpmProperties properties;

  AdminPasswordGuard(CamundaBpmProperties properties) {
    this.properties = properties;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    var admin = properties.getAdminUser();
    if (admin == null || admin.getId() == null || admin.getId().isBlank()) {
      throw new IllegalStateException("camunda.bpm.admin-user.id (ADMIN_USER) must be set");
    }
    String raw = admin.getPassword();
    if (raw == null || raw.isBlank() || raw.equals(admin.getId())) {
      throw new IllegalStateException(
          "No admin password configured: set ADMIN_PASSWORD (camunda.bpm.admin-user.password). "
              + "Only the demo profile has a default password.");
    }
  }
}
