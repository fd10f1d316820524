package cn.gov.gz.govcloud.integration;

import cn.gov.gz.govcloud.integration.IntegrationClients.Client;
import cn.gov.gz.govcloud.web.RequestUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authentication of the alert intake ({@code /api/intake/*}): a bearer token of an active integration, nothing else
 * (not a person's password: HTTP Basic is not accepted here, and the tokens are accepted nowhere else). The request
 * then runs as the integration's technical user and groups, exactly as Camunda's own filter sets a Basic user, so the
 * engine's authorization, the start rules and the audit see who it was.
 */
class TokenAuthenticationFilter extends OncePerRequestFilter {

  private final IntegrationClients clients;
  private final IdentityService identity;

  TokenAuthenticationFilter(IntegrationClients clients, IdentityService identity) {
    this.clients = clients;
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip()
        : null;
    Optional<Client> client = token == null ? Optional.empty() : clients.authenticate(token);
    if (client.isEmpty()) {
      String claimed = IntegrationClients.claimedId(token);
      if (claimed != null) {
        request.setAttribute(RequestUser.ATTRIBUTE, IntegrationClients.USER_PREFIX + claimed);
      } else if (token != null) {
        request.setAttribute(RequestUser.ATTRIBUTE, "(无效令牌)");
      }
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setHeader("WWW-Authenticate", "Bearer realm=\"govcloud-intake\"");
      response.setContentType("application/json;charset=UTF-8");
      response.getOutputStream().write(("{\"message\":\"需要有效的接入令牌（Authorization: Bearer <令牌>），"
          + "由系统管理员在 /api/integrations/clients 发放\",\"errors\":[]}").getBytes(StandardCharsets.UTF_8));
      return;
    }
    String userId = client.get().userId();
    request.setAttribute(RequestUser.ATTRIBUTE, userId);
    request.setAttribute(IntakeController.CLIENT_ATTRIBUTE, client.get());
    List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    try {
      identity.setAuthentication(userId, groups);
      chain.doFilter(request, response);
    } finally {
      identity.clearAuthentication();
    }
  }
}
