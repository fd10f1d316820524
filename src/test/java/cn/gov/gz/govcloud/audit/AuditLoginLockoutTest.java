package cn.gov.gz.govcloud.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.gz.govcloud.support.WebTest;
import cn.gov.gz.govcloud.support.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/**
 * Repeated login failures lock the account (Camunda's login throttling, configured in application.yml): after each
 * failure even the right password is refused for a growing while (up to 30 minutes), after login-max-attempts (100)
 * failures in a row until an administrator unlocks it; every failure, over HTTP Basic and the webapp login alike, is in the audit trail. Time is
 * moved with the engine clock, which the throttling reads.
 */
class AuditLoginLockoutTest extends WebTest {

  static final String RIGHT = "Right-pass-1";

  @Autowired IdentityService identityService;
  @Autowired ObjectMapper json;

  final String userId = "lockout-" + UUID.randomUUID().toString().substring(0, 8);
  long now = System.currentTimeMillis();

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    identityService.deleteUser(userId);
  }

  @Test
  void repeatedFailuresLockTheAccountForAWhileThenUntilUnlockedAndAreAudited() throws Exception {
    ProcessEngineConfigurationImpl config =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    assertThat(config.getLoginMaxAttempts()).isEqualTo(100);
    assertThat(config.getLoginDelayBase()).isEqualTo(3);
    assertThat(config.getLoginDelayFactor()).isEqualTo(3);
    assertThat(config.getLoginDelayMaxTime()).isEqualTo(1800);
    User user = identityService.newUser(userId);
    user.setPassword(RIGHT);
    identityService.saveUser(user);
    ClockUtil.setCurrentTime(new Date(now));

    // 3 wrong passwords, each after the previous lock has passed: 3 s, 9 s, 27 s
    assertThat(version(RIGHT + "x")).isEqualTo(HttpStatus.UNAUTHORIZED);
    advance(4);
    assertThat(version("wrong")).isEqualTo(HttpStatus.UNAUTHORIZED);
    advance(10);
    assertThat(version("wrong")).isEqualTo(HttpStatus.UNAUTHORIZED);
    // now even the right password is refused, over HTTP Basic and at the webapp login
    assertThat(version(RIGHT)).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThatThrownBy(() -> WebappSession.login(port, "tasklist", userId, RIGHT))
        .hasMessageContaining("401");
    advance(20);
    assertThat(version(RIGHT)).isEqualTo(HttpStatus.UNAUTHORIZED); // 27 s have not passed yet
    advance(10);
    assertThat(version(RIGHT)).isEqualTo(HttpStatus.OK); // and a success resets the count

    // ten failures in a row (what a colleague who knows the user name can do in a minute) lock for 30 min, not for
    // good: the lock passes by itself
    for (int i = 0; i < 10; i++) {
      assertThat(version("wrong-" + i)).isEqualTo(HttpStatus.UNAUTHORIZED);
      advance(1801);
    }
    assertThat(version(RIGHT)).isEqualTo(HttpStatus.OK);

    // login-max-attempts failures in a row (two days of guessing at one try per 30 min): locked until an
    // administrator unlocks the account; tries during a lock are refused without counting
    for (int i = 0; i < 100; i++) {
      assertThat(version("wrong-" + i)).isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(version("again-" + i)).isEqualTo(HttpStatus.UNAUTHORIZED);
      advance(1801);
    }
    advance(24 * 3600);
    assertThat(version(RIGHT)).isEqualTo(HttpStatus.UNAUTHORIZED);
    identityService.unlockUser(userId);
    assertThat(version(RIGHT)).isEqualTo(HttpStatus.OK);

    // every failure is in the audit trail with the user name tried, never the password
    java.util.List<JsonNode> items = new java.util.ArrayList<>();
    search(200, 0).forEach(items::add);
    search(200, 1).forEach(items::add);
    assertThat(items).hasSize(3 + 1 + 1 + 1 + 10 + 200 + 1);
    assertThat(items.stream().map(i -> i.path("channel").asText())).contains("engine-rest", "webapp");
    assertThat(items.stream().map(i -> i.path("objectId").asText())).containsOnly(userId);
    assertThat(items.stream().map(i -> i.path("outcome").asText())).containsOnly("denied");
    assertThat(items.toString()).doesNotContain(RIGHT).doesNotContain("wrong");
  }

  private JsonNode search(int size, int page) throws Exception {
    return json.readTree(get("supervisor1", "/api/audit?size=" + size + "&page=" + page
        + "&action=login.failure&user=" + userId).getBody()).path("items");
  }

  private HttpStatus version(String password) {
    return HttpStatus.valueOf(rest.withBasicAuth(userId, password).getForEntity("/engine-rest/version", String.class)
        .getStatusCode().value());
  }

  private void advance(long seconds) {
    now += seconds * 1000;
    ClockUtil.setCurrentTime(new Date(now));
  }
}
