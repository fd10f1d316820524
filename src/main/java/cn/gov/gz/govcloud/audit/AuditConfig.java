package cn.gov.gz.govcloud.audit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts {@link AuditFilter} in front of every API a user acts through: the engine REST API, the webapps' own API
 * (Tasklist, Cockpit and Admin call {@code /camunda/api/engine/...}) and ours. It runs before the authentication
 * filters (order +21, +22) and the query-expression filter (+20), so refused logins and refused requests are seen.
 */
@Configuration
@ConditionalOnProperty(prefix = "govcloud.audit", name = "enabled", matchIfMissing = true)
class AuditConfig {

  @Bean
  FilterRegistrationBean<AuditFilter> auditFilter(AuditLog log, AuditProperties properties) {
    AuditFilter filter = new AuditFilter(log, new RequestClassifier(properties.recordedReads()),
        new ClientAddress(properties.trustedProxies()));
    FilterRegistrationBean<AuditFilter> reg = new FilterRegistrationBean<>(filter);
    reg.addUrlPatterns("/engine-rest/*", "/api/*", "/camunda/api/*");
    reg.setName("govcloud-audit-filter");
    reg.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return reg;
  }
}
