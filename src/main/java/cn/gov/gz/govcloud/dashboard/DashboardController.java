package cn.gov.gz.govcloud.dashboard;

import cn.gov.gz.govcloud.access.CurrentUser;
import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard's data for the browser, under the webapps' own API path ({@code /camunda/api/govcloud/dashboard}),
 * where Camunda's authentication filter puts the Tasklist session's user in place: the same users and passwords as
 * the webapps, no second login. {@code GET} only: the figures of all panels, and the list behind a figure. A browser
 * without a session is sent to the Tasklist login, which then opens the dashboard (the page itself does the same when
 * it is answered 401).
 */
@RestController
@RequestMapping(DashboardController.API)
class DashboardController {

  static final String API = "/camunda/api/govcloud/dashboard";
  /** The Tasklist route that opens the dashboard after the login ({@code app/tasklist/scripts/dashboard-link.js}). */
  static final String LOGIN_ROUTE = "/camunda/app/tasklist/default/#/dashboard";

  private final DashboardService dashboard;
  private final DashboardLists lists;
  private final CurrentUser currentUser;

  DashboardController(DashboardService dashboard, DashboardLists lists, CurrentUser currentUser) {
    this.dashboard = dashboard;
    this.lists = lists;
    this.currentUser = currentUser;
  }

  @GetMapping
  ResponseEntity<?> snapshot(HttpServletRequest request) {
    Optional<Caller> caller = currentUser.get();
    if (caller.isEmpty()) {
      return notLoggedIn(request);
    }
    return ResponseEntity.ok().cacheControl(CacheControl.noStore())
        .body(dashboard.snapshot(caller.get(), request.getContextPath()));
  }

  @GetMapping("/lists/{kind}")
  ResponseEntity<?> list(@PathVariable String kind, @RequestParam Map<String, String> params,
      HttpServletRequest request) {
    Optional<Caller> caller = currentUser.get();
    if (caller.isEmpty()) {
      return notLoggedIn(request);
    }
    return ResponseEntity.ok().cacheControl(CacheControl.noStore())
        .body(lists.page(kind, params, caller.get(), request.getContextPath()));
  }

  /** A browser is sent to the Tasklist login, which comes back to the dashboard; other callers get 401. */
  static ResponseEntity<?> notLoggedIn(HttpServletRequest request) {
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    if (accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)) {
      return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(request.getContextPath() + LOGIN_ROUTE))
          .build();
    }
    return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("message", "请先登录任务中心", "errors", List.of()));
  }
}
