package cn.gov.gz.govcloud.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.support.WebTest;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The production profile turns on Camunda's password policy (GB/T 22239 level 3, identity authentication; the setting
 * is checked in ProductionProfileTest): with it, a weak password is refused with a 400 naming the rules, over REST
 * when a user is created and when a password is changed, and nothing is stored; a strong one is accepted. The test
 * suite runs without the policy (demo users), so this test turns it on for itself.
 */
class PasswordPolicyTest extends WebTest {

  ProcessEngineConfigurationImpl config;
  final String userId = "policy-" + UUID.randomUUID().toString().substring(0, 8);

  @BeforeEach
  void enablePolicy() {
    config = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    config.setEnablePasswordPolicy(true);
    config.setPasswordPolicy(new DefaultPasswordPolicyImpl());
  }

  @AfterEach
  void disablePolicy() {
    config.setEnablePasswordPolicy(false);
    config.setPasswordPolicy(null);
    processEngine.getIdentityService().deleteUser(userId);
  }

  @Test
  void weakPasswordsAreRefusedOverRestAndStrongOnesAccepted() {
    for (String weak : new String[] {"demo", "password12", "Password12", "alllowercase1!", userId + "Aa1!"}) {
      ResponseEntity<String> r = post("admin", "/engine-rest/user/create", user(weak));
      assertThat(r.getStatusCode()).as(weak + ": " + r.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(r.getBody()).as(weak).containsIgnoringCase("password");
      assertThat(processEngine.getIdentityService().createUserQuery().userId(userId).count()).isZero();
    }
    assertThat(post("admin", "/engine-rest/user/create", user("Gz-Cloud-2026!")).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    // changing the password: the same rules
    ResponseEntity<String> weakChange = put("admin", "/engine-rest/user/" + userId + "/credentials",
        Map.of("password", "short", "authenticatedUserPassword", "admin-test-password"));
    assertThat(weakChange.getStatusCode()).as(weakChange.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(processEngine.getIdentityService().checkPassword(userId, "Gz-Cloud-2026!")).isTrue();
  }

  private Map<String, Object> user(String password) {
    return Map.of("profile", Map.of("id", userId, "firstName", "策略", "lastName", "测试", "email", userId + "@test.local"),
        "credentials", Map.of("password", password));
  }
}
