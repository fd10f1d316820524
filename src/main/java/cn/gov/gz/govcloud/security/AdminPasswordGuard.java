package cn.gov.gz.govcloud.security;

import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.stereotype.Component;

/**
 * Refuses to build the engine without an explicit admin password. Only demo mode (application-demo.yml) supplies a
 * default; everywhere else ADMIN_PASSWORD must be set. Without this guard the starter would silently use the user id
 * as password. Where the password policy is on (the production profile), the admin password must pass it too: the
 * starter would otherwise fail later with a bare "Password does not match policy".
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
    if (configuration.isEnablePasswordPolicy()) {
      PasswordPolicy policy = configuration.getPasswordPolicy() != null ? configuration.getPasswordPolicy()
          : new DefaultPasswordPolicyImpl();
      UserEntity user = new UserEntity(admin.getId());
      user.setFirstName(admin.getFirstName());
      user.setLastName(admin.getLastName());
      user.setEmail(admin.getEmail());
      if (!policy.getRules().stream().allMatch(rule -> rule.execute(raw, user))) {
        throw new IllegalStateException("ADMIN_PASSWORD does not pass the password policy (at least 10 characters "
            + "with upper and lower case letters, a digit and a special character, not containing the user's id or "
            + "name): choose a stronger one, or set PASSWORD_POLICY=false for a trial");
      }
    }
  }
}
