package cn.gov.gz.govcloud.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
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
 *
 * <p>One exception: the alert intake ({@value #TOKEN_PATH}/...) accepts no person's password; it is opened only by an
 * integration's bearer token (the {@code integration} room's filter), so the Basic filter steps aside there. Both
 * decide on the path the container mapped the request by (servlet path), so no spelling of a URL reaches one without
 * the other.
 */
@Configuration
class RestSecurityConfig {

  static final String AUTH_PROVIDER = HttpBasicAuthenticationProvider.class.getName();
  /** Under {@code /api}, the paths authenticated by an integration's token instead of HTTP Basic. */
  static final String TOKEN_PATH = "/api/intake";

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
        new FilterRegistrationBean<>(new ApiAuthenticationFilter());
    reg.addUrlPatterns("/api/*", "/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/*",
        "/actuator/info");
    reg.addInitParameter("authentication-provider", AUTH_PROVIDER);
    reg.addInitParameter("rest-url-pattern-prefix", "");
    reg.setName("govcloud-api-authentication");
    reg.setOrder(Ordered.HIGHEST_PRECEDENCE + 22);
    return reg;
  }

  /** Camunda's HTTP Basic filter, except on the token-authenticated intake. */
  static final class ApiAuthenticationFilter extends ProcessEngineAuthenticationFilter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      if (request instanceof HttpServletRequest http && isTokenPath(http)) {
        chain.doFilter(request, response);
        return;
      }
      super.doFilter(request, response, chain);
    }
  }

  static boolean isTokenPath(HttpServletRequest request) {
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    return path.equals(TOKEN_PATH) || path.startsWith(TOKEN_PATH + "/");
  }
}
