package cn.gov.gz.govcloud.audit;

import cn.gov.gz.govcloud.web.ReplayedBodyRequest;
import cn.gov.gz.govcloud.web.RequestUser;
import cn.gov.gz.govcloud.audit.RequestClassifier.Classification;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records what {@link RequestClassifier} selects, after the request has been answered, so that the outcome (status)
 * is known: one insert per recorded request in the request's thread. It sits in front of the authentication filters,
 * so refused credentials (401) are recorded as {@code login.failure} with the user name that was tried; the password
 * is never read. Who: the HTTP Basic user for {@code /engine-rest} and {@code /api}, the webapp session's user for
 * {@code /camunda/api}, the form's user name for a webapp login.
 */
class AuditFilter extends OncePerRequestFilter {

  static final int MAX_LOGIN_FORM = 8 * 1024;

  private final AuditLog log;
  private final RequestClassifier classifier;
  private final ClientAddress clientAddress;

  AuditFilter(AuditLog log, RequestClassifier classifier, ClientAddress clientAddress) {
    this.log = log;
    this.classifier = classifier;
    this.clientAddress = clientAddress;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String method = request.getMethod();
    Classification c = classifier.classify(method, path);
    String basicUser = basicUser(request);
    String authorization = request.getHeader("Authorization");
    boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    boolean basicChannel = path.startsWith(RequestClassifier.ENGINE_REST + "/")
        || path.startsWith(RequestClassifier.OUR_API);
    if (!c.recorded() && !(basicChannel && (basicUser != null || bearer))) {
      chain.doFilter(request, response);
      return;
    }
    HttpServletRequest req = request;
    String formUser = null;
    if ("login".equals(c.action())) {
      byte[] body = request.getInputStream().readNBytes(MAX_LOGIN_FORM);
      formUser = formValue(new String(body, StandardCharsets.UTF_8), "username");
      req = new ReplayedBodyRequest(request, body);
    }
    String sessionUserBefore = basicChannel ? null : sessionUser(request);
    int status = 500;
    try {
      chain.doFilter(req, response);
      status = response.getStatus();
    } finally {
      // a user another authentication filter named (an integration's token), or the one a refused token claimed
      String tokenUser = request.getAttribute(RequestUser.ATTRIBUTE) instanceof String u ? u : null;
      if (basicChannel && status == HttpServletResponse.SC_UNAUTHORIZED && basicUser != null) {
        write(request, basicUser, new Classification(channelOf(path), "login.failure", "user", basicUser,
            "HTTP Basic 认证失败 " + method + " " + path), status);
      } else if (basicChannel && status == HttpServletResponse.SC_UNAUTHORIZED && bearer) {
        write(request, tokenUser, new Classification(channelOf(path), "login.failure", "user", tokenUser,
            "接入令牌认证失败 " + method + " " + path), status);
      } else if (c.recorded()) {
        String user;
        Classification recorded = c;
        if ("login".equals(c.action())) {
          boolean ok = status < 400;
          user = formUser;
          recorded = new Classification(c.channel(), ok ? "login.success" : "login.failure", "user", formUser,
              c.detail() + (ok ? " 成功" : " 失败"));
        } else {
          user = basicChannel ? firstNonNull(basicUser, tokenUser)
              : firstNonNull(sessionUserBefore, sessionUser(request));
        }
        write(request, user, recorded, status);
      }
    }
  }

  private void write(HttpServletRequest request, String user, Classification c, int status) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    log.record(new AuditEvent(null, Instant.now(), user, c.action(), c.channel(), request.getMethod(), path,
        c.objectType(), c.objectId(), status, AuditEvent.outcomeOf(status),
        clientAddress.resolve(request.getRemoteAddr(), request.getHeader("X-Forwarded-For")), c.detail(), null));
  }

  private static String channelOf(String path) {
    return path.startsWith(RequestClassifier.OUR_API) ? "api" : "engine-rest";
  }

  /** The user name of an HTTP Basic header; the password part is dropped unread. */
  static String basicUser(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      String user = colon < 0 ? decoded : decoded.substring(0, colon);
      return user.isEmpty() ? null : user.length() > 128 ? user.substring(0, 128) : user;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String sessionUser(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    try {
      Authentications auths = AuthenticationUtil.getAuthsFromSession(session);
      if (auths == null) {
        return null;
      }
      for (UserAuthentication a : auths.getAuthentications()) {
        return a.getName();
      }
      return null;
    } catch (IllegalStateException e) {
      return null; // session invalidated (logout)
    }
  }

  static String formValue(String form, String name) {
    for (String pair : form.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && name.equals(pair.substring(0, eq))) {
        try {
          String v = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
          return v.length() > 128 ? v.substring(0, 128) : v;
        } catch (IllegalArgumentException e) {
          return null;
        }
      }
    }
    return null;
  }

  private static String firstNonNull(String a, String b) {
    return a != null ? a : b;
  }
}
