package cn.gov.gz.govcloud.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Authentication for machine callers: {@code /engine-rest/*} (Camunda's REST API), {@code /api/*} (ours) and the
 * metrics endpoints require HTTP Basic credentials checked against Camunda identity (health stays open for load
 * balancers); the authenticated user and groups are then seen by the
 * engine's authorization checks. The webapps keep their own session login and CSRF protection.
 */
@Configuration
class RestSecurityConfig {

  static final String AUTH_PROVIDER = HttpBasicAuthenticationProvider.class.getName();

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> reg =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    reg.addUrlPatterns("/engine-rest/*");
    reg.addInitParameter("authentication-provider", AUTH_PROVIDER);
    reg.addInitParameter("rest-url-pattern-prefix", "/engine-rest");
    reg.setName("camunda-rest-authentication");
    reg.setOrder(Ordered.HIGHEST_PRECEDENCE + 21);
    return reg;
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> apiAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> reg =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    reg.addUrlPatterns("/api/*", "/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/*",
        "/actuator/info");
    reg.addInitParameter("authentication-provider", AUTH_PROVIDER);
    reg.addInitParameter("rest-url-pattern-prefix", "");
    reg.setName("govcloud-api-authentication");
    reg.setOrder(Ordered.HIGHEST_PRECEDENCE + 22);
    return reg;
  }
}
