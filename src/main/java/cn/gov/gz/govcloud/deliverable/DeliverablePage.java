package cn.gov.gz.govcloud.deliverable;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/**
 * The register's page for people ({@code /deliverables/}, {@code static/deliverables/index.html}) and its data under
 * the webapps' own API path ({@code /camunda/api/govcloud/deliverables}), where Camunda's authentication filter puts
 * the Tasklist session's user in place, as for the dashboard: the same login as Tasklist, the same rights as
 * {@code /api/deliverables} (the upload is a write, so it carries the webapps' CSRF token like Tasklist's own calls).
 */
@Controller
class DeliverablePage {

  static final String API = "/camunda/api/govcloud/deliverables";
  /**
   * The webapps' CSRF filter keeps the session's token under this attribute and sends it only with the session's first
   * answer, in a cookie of the webapps' path that this page cannot read: the page's read answers it, same origin only.
   */
  static final String CSRF_SESSION_TOKEN = "CAMUNDA_CSRF_TOKEN";
  static final String CSRF_HEADER = "X-XSRF-TOKEN";

  private final DeliverableController api;
  private final cn.gov.gz.govcloud.access.CurrentUser currentUser;

  DeliverablePage(DeliverableController api, cn.gov.gz.govcloud.access.CurrentUser currentUser) {
    this.api = api;
    this.currentUser = currentUser;
  }

  @GetMapping("/deliverables")
  String withoutSlash() {
    return "redirect:/deliverables/";
  }

  @GetMapping("/deliverables/")
  String page() {
    return "forward:/deliverables/index.html";
  }

  @GetMapping(API)
  @ResponseBody
  ResponseEntity<?> list(HttpServletRequest request) {
    if (currentUser.get().isEmpty()) {
      return notLoggedIn();
    }
    var answer = ResponseEntity.ok().cacheControl(CacheControl.noStore());
    var session = request.getSession(false);
    Object token = session == null ? null : session.getAttribute(CSRF_SESSION_TOKEN);
    if (token != null) {
      answer.header(CSRF_HEADER, token.toString());
    }
    return answer.body(api.list());
  }

  @GetMapping(API + "/{itemNo}")
  @ResponseBody
  ResponseEntity<?> one(@PathVariable String itemNo) {
    if (currentUser.get().isEmpty()) {
      return notLoggedIn();
    }
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(api.one(itemNo));
  }

  @PostMapping(path = API + "/{itemNo}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseBody
  ResponseEntity<?> upload(@PathVariable String itemNo,
      @RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam(required = false) String title, @RequestParam(required = false) String period,
      @RequestParam(required = false) String note, @RequestParam(required = false) String replaces,
      @RequestParam(required = false) String submit) throws IOException {
    if (currentUser.get().isEmpty()) {
      return notLoggedIn();
    }
    return api.upload(itemNo, file, title, period, note, replaces, submit);
  }

  private static ResponseEntity<?> notLoggedIn() {
    return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("message", "请先登录任务中心", "errors", List.of()));
  }
}
