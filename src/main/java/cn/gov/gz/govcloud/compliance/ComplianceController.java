package cn.gov.gz.govcloud.compliance;

import cn.gov.gz.govcloud.access.CurrentUser;
import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The compliance matrix as a read-only page for the supervisor (监理方), the bureau and the provider's staff, under the
 * webapps' own API path ({@code /camunda/api/govcloud/compliance}) where Camunda's authentication filter puts the
 * Cockpit or Tasklist session's user in place, like the documents of {@code report.DocumentController}. A browser
 * without a session is sent to the Cockpit login, whose page {@code #/compliance} ({@code app/cockpit/scripts/
 * compliance.js}) comes back here; other callers get 401, unit users 403. The page is rendered once from the packaged
 * resources, by the same {@link ComplianceMatrix} that renders {@code docs/compliance.md}.
 */
@RestController
class ComplianceController {

  static final String LOGIN_PAGE = "/camunda/app/cockpit/default/#/compliance";

  private final CurrentUser currentUser;
  private final String page;

  ComplianceController(CurrentUser currentUser) {
    this.currentUser = currentUser;
    this.page = CompliancePage.render(ComplianceMatrix.load());
  }

  @GetMapping(MatrixText.PAGE_PATH)
  ResponseEntity<?> page(HttpServletRequest request) {
    boolean browser = Optional.ofNullable(request.getHeader(HttpHeaders.ACCEPT))
        .map(a -> a.contains(MediaType.TEXT_HTML_VALUE)).orElse(false);
    Optional<Caller> caller = currentUser.get();
    if (caller.isEmpty()) {
      if (browser) {
        return ResponseEntity.status(HttpStatus.FOUND)
            .location(URI.create(request.getContextPath() + LOGIN_PAGE)).build();
      }
      return refusal(HttpStatus.UNAUTHORIZED, "请先登录流程监控或任务列表");
    }
    if (!caller.get().seesAllUnits()) {
      return refusal(HttpStatus.FORBIDDEN, "合规矩阵供管理方、服务方和监理方查看");
    }
    return ResponseEntity.ok().cacheControl(CacheControl.noStore())
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(page);
  }

  private static ResponseEntity<?> refusal(HttpStatus status, String message) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("message", message, "errors", List.of()));
  }
}
