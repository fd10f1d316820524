package cn.gov.gz.govcloud.notification;

import cn.gov.gz.govcloud.access.CurrentUser;
import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.notification.Notification.Status;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/notifications}: the outbox. Everyone reads their own notices; the admin and ops managers read all
 * (to see what waits while the mail server is down).
 */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

  private final NotificationService service;
  private final CurrentUser currentUser;

  NotificationController(NotificationService service, CurrentUser currentUser) {
    this.service = service;
    this.currentUser = currentUser;
  }

  @GetMapping
  List<Notification> search(@RequestParam(required = false) String recipient,
      @RequestParam(required = false) Status status, @RequestParam(required = false) String caseRef,
      @RequestParam(defaultValue = "100") int limit) {
    Caller caller = currentUser.require();
    boolean readsAll = caller.isAdmin() || caller.inAny(Groups.OPS_MANAGER);
    String who = readsAll ? recipient : caller.userId();
    return service.search(who, status, caseRef, limit);
  }
}
