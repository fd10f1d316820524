package cn.gov.gz.govcloud.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.property.AdminUserProperty;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The engine is not built without an admin password, nor, where the password policy is on (production profile), with
 * one the policy refuses — the operator reads which rules, instead of the starter's bare failure later on.
 */
@Tag("unit")
class AdminPasswordGuardTest {

  static void start(String password, boolean policy) {
    AdminUserProperty admin = new AdminUserProperty();
    admin.setId("admin");
    admin.setPassword(password);
    CamundaBpmProperties properties = new CamundaBpmProperties();
    properties.setAdminUser(admin);
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setEnablePasswordPolicy(policy);
    new AdminPasswordGuard(properties).preInit(configuration);
  }

  @Test
  void noPasswordNeverAndAWeakOneNotUnderThePolicy() {
    assertThatThrownBy(() -> start(null, false)).hasMessageContaining("ADMIN_PASSWORD");
    assertThatThrownBy(() -> start("admin", false)).hasMessageContaining("ADMIN_PASSWORD");
    assertThatCode(() -> start("change-me", false)).doesNotThrowAnyException(); // demo and trials: no policy

    for (String weak : new String[] {"change-me", "Change-me", "ChangeMe2026", "Admin-Secret-2026!", "short-A1!"}) {
      assertThatThrownBy(() -> start(weak, true)).as(weak).hasMessageContaining("password policy")
          .hasMessageContaining("PASSWORD_POLICY=false");
    }
    assertThatCode(() -> start("Gz-Cloud-Ops-2026!", true)).doesNotThrowAnyException();
  }
}
