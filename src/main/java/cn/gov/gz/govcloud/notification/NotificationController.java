package cn.gov.gz.govcloud.notification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import cn.gov.gz.govcloud.access.AccessDeniedException;
import cn.gov.gz.govcloud.access.CurrentUser;
import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.Groups;
import cn.gov.gz.govcloud.access.NotFoundException;
import cn.gov.gz.govcloud.engine.Privileged;
import cn.gov.gz.govcloud.notification.Contacts.Contact;
import cn.gov.gz.govcloud.notification.Notification.Status;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/notifications}: the outbox. Everyone reads their own notices; the admin and ops managers read all
 * (to see what waits while the mail server or the SMS gateway is down). {@code /api/notifications/contacts}: the
 * mobile numbers and WeCom ids pages go to; a person keeps their own, the admin and ops managers everyone's.
 */
@Tag(name = "通知", description = "通知发件箱（邮件、短信、企业微信）与人员的短信和企业微信联系方式。")
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

  private final NotificationService service;
  private final Contacts contacts;
  private final CurrentUser currentUser;
  private final IdentityService identity;
  private final Privileged privileged;

  NotificationController(NotificationService service, Contacts contacts, CurrentUser currentUser,
      IdentityService identity, Privileged privileged) {
    this.service = service;
    this.contacts = contacts;
    this.currentUser = currentUser;
    this.identity = identity;
    this.privileged = privileged;
  }

  @Operation(summary = "查询通知发件箱", description = "本人只能看到自己的通知；运维经理和系统管理员可看全部（可按渠道、状态、业务编号筛选）。")
  @GetMapping
  List<Notification> search(@RequestParam(required = false) String recipient,
      @RequestParam(required = false) Status status, @RequestParam(required = false) String caseRef,
      @RequestParam(required = false) Channel channel, @RequestParam(defaultValue = "100") int limit) {
    Caller caller = currentUser.require();
    String who = readsAll(caller) ? recipient : caller.userId();
    return service.search(who, status, caseRef, channel, limit);
  }

  /** What a contact update carries: a mobile number for SMS and a WeCom user id (either may be empty). */
  record ContactInput(String mobile, String wecomUserId) {}

  @Operation(summary = "查询全部人员联系方式", description = "仅运维经理或系统管理员。")
  @GetMapping("/contacts")
  List<Contact> contacts() {
    if (!readsAll(currentUser.require())) {
      throw new AccessDeniedException("只有运维经理或系统管理员可以查看全部人员的联系方式");
    }
    return contacts.list();
  }

  @Operation(summary = "查询人员联系方式", description = "本人，或运维经理、系统管理员。")
  @GetMapping("/contacts/{userId}")
  Contact contact(@PathVariable String userId) {
    checkPerson(userId);
    Contact c = contacts.find(userId);
    return c != null ? c : new Contact(userId, null, null, null, null);
  }

  @Operation(summary = "设置人员联系方式", description = "手机号用于短信，企业微信账号用于应用消息和群机器人提醒；两项都为空即删除。本人，或运维经理、系统管理员。")
  @PutMapping("/contacts/{userId}")
  Contact saveContact(@PathVariable String userId, @RequestBody ContactInput in) {
    Caller caller = checkPerson(userId);
    Contact saved = contacts.save(userId, in == null ? null : in.mobile(), in == null ? null : in.wecomUserId(),
        caller.userId());
    return saved != null ? saved : new Contact(userId, null, null, null, null);
  }

  private Caller checkPerson(String userId) {
    Caller caller = currentUser.require();
    if (!caller.userId().equals(userId) && !readsAll(caller)) {
      throw new AccessDeniedException("只能查看或修改本人的联系方式");
    }
    if (privileged.run(() -> identity.createUserQuery().userId(userId).count()) == 0) {
      throw new NotFoundException("用户不存在: " + userId);
    }
    return caller;
  }

  private static boolean readsAll(Caller caller) {
    return caller.isAdmin() || caller.inAny(Groups.OPS_MANAGER);
  }
}
