package cn.gov.gz.govcloud.integration;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts {@link TokenAuthenticationFilter} on the alert intake, where HTTP Basic does not apply (see
 * {@code security.RestSecurityConfig}): after the audit filter (+10), so refusals are recorded, in the slot of the
 * other authentication filters.
 */
@Configuration
class IntegrationSecurityConfig {

  /** The paths only an integration's token opens. */
  static final String INTAKE_PATTERN = "/api/intake/*";

  @Bean
  FilterRegistrationBean<TokenAuthenticationFilter> intakeAuthentication(IntegrationClients clients,
      IdentityService identity) {
    FilterRegistrationBean<TokenAuthenticationFilter> reg =
        new FilterRegistrationBean<>(new TokenAuthenticationFilter(clients, identity));
    reg.addUrlPatterns(INTAKE_PATTERN);
    reg.setName("govcloud-intake-authentication");
    reg.setOrder(Ordered.HIGHEST_PRECEDENCE + 22);
    return reg;
  }
}
