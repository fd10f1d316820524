package cn.gov.gz.govcloud.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Secrets and transport (issue 12 item 7): no password is written in our configuration, only read from the
 * environment (the demo profile's admin password excepted, which is demo mode's purpose); the production profile
 * expires sessions, sends cookies over TLS only, turns HSTS on and enforces the password policy (PasswordPolicyTest).
 */
@Tag("unit")
class ProductionProfileTest {

  static Properties yaml(Resource resource) {
    YamlPropertiesFactoryBean factory = new YamlPropertiesFactoryBean();
    factory.setResources(resource);
    return factory.getObject();
  }

  @Test
  void noPasswordIsWrittenInTheConfiguration() throws IOException {
    List<String> written = new ArrayList<>();
    List<String> checked = new ArrayList<>();
    // the application's own configuration (the tests' configuration holds a test-only admin password)
    Resource[] files = new PathMatchingResourcePatternResolver().getResources("file:src/main/resources/application*.yml");
    assertThat(files).hasSizeGreaterThanOrEqualTo(3);
    for (Resource r : files) {
      Properties p = yaml(r);
      for (String key : p.stringPropertyNames()) {
        String value = p.getProperty(key);
        String k = key.toLowerCase();
        // passwords, the WeCom secret and robot keys, the SMS gateway's credential (issue 27)
        boolean secret = k.endsWith("password") || k.endsWith("secret") || k.endsWith("auth-value")
            || k.endsWith("wecom.robots");
        boolean fromEnvironment = value.matches("\\$\\{[A-Z_]+:?}") || value.isEmpty();
        boolean demoOnly = r.getFilename().equals("application-demo.yml") && value.equals("${ADMIN_PASSWORD:demo}");
        if (secret) {
          checked.add(key);
        }
        if (secret && !fromEnvironment && !demoOnly) {
          written.add(r.getFilename() + ": " + key + " = " + value);
        }
      }
    }
    assertThat(written).as("passwords must come from the environment").isEmpty();
    assertThat(checked).as("the paging secrets are among the keys checked")
        .contains("govcloud.notification.wecom.corp-secret", "govcloud.notification.sms.auth-value",
            "govcloud.notification.wecom.robots");
  }

  @Test
  void theProductionProfileExpiresSessionsAndKeepsCookiesOnTls() {
    Properties p = yaml(new ClassPathResource("application-postgres.yml"));
    assertThat(p.getProperty("server.servlet.session.timeout")).isEqualTo("${SESSION_TIMEOUT:30m}");
    assertThat(p.getProperty("camunda.bpm.webapp.session-cookie.enable-secure-cookie"))
        .isEqualTo("${SECURE_COOKIES:true}");
    assertThat(p.getProperty("camunda.bpm.webapp.csrf.enable-secure-cookie")).isEqualTo("${SECURE_COOKIES:true}");
    assertThat(p.getProperty("camunda.bpm.webapp.header-security.hsts-disabled")).isEqualTo("${HSTS_DISABLED:false}");
    assertThat(p.getProperty("govcloud.demo.enabled")).isEqualTo("${DEMO:false}");
    assertThat(p.getProperty("camunda.bpm.generic-properties.properties.enable-password-policy"))
        .isEqualTo("${PASSWORD_POLICY:true}");
  }
}
