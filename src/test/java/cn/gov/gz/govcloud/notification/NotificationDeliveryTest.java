package cn.gov.gz.govcloud.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.notification.Notification.Status;
import cn.gov.gz.govcloud.notification.NotificationService.Notice;
import cn.gov.gz.govcloud.notification.NotificationService.Outcome;
import cn.gov.gz.govcloud.support.Clause;
import cn.gov.gz.govcloud.support.WebTest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class NotificationDeliveryTest extends WebTest {

  @Autowired
  NotificationService notifications;

  @Autowired
  OutboxDispatcher dispatcher;

  GreenMail mailServer;

  @AfterEach
  void stopMailServer() {
    if (mailServer != null) {
      mailServer.stop();
    }
  }

  private static String caseRef() {
    return "case-" + UUID.randomUUID();
  }

  private Notification only(String caseRef) {
    List<Notification> rows = notifications.search(null, null, caseRef, 10);
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }

  @Clause("GB 5.1 a 2")
  @Test
  void aNoticeWrittenWhileTheMailServerIsDownIsDeliveredWhenItComesBack() throws Exception {
    String ref = caseRef();
    assertThat(notifications.notifyUser("engineer1", new Notice("test", ref, "【测试】故障工单", "请处理")))
        .isEqualTo(Outcome.QUEUED);

    Instant now = Instant.now();
    assertThat(dispatcher.deliverDue(now.plusSeconds(1))).isZero(); // nothing listens on the SMTP port
    Notification failed = only(ref);
    assertThat(failed.status()).isEqualTo(Status.PENDING);
    assertThat(failed.attempts()).isEqualTo(1);
    assertThat(failed.lastError()).isNotBlank();
    assertThat(failed.nextAttemptAt()).isAfter(now);

    mailServer = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mailServer.start();
    int delivered = dispatcher.deliverDue(now.plus(Duration.ofHours(2)));
    assertThat(delivered).isGreaterThanOrEqualTo(1);
    assertThat(only(ref).status()).isEqualTo(Status.SENT);
    MimeMessage[] received = mailServer.getReceivedMessages();
    assertThat(received).extracting(MimeMessage::getSubject).contains("【测试】故障工单");
    assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("engineer1@demo.govcloud.local");
  }

  @Test
  void repeatedUpdatesAreMergedAndTheSameNoticeIsSentOnce() throws Exception {
    String ref = caseRef();
    assertThat(notifications.notifyUser("engineer1", new Notice("progress", ref, "进展", "第一次"))).isEqualTo(
        Outcome.QUEUED);
    assertThat(notifications.notifyUser("engineer1", new Notice("progress", ref, "进展", "第二次"))).isEqualTo(
        Outcome.MERGED);
    Notification merged = only(ref);
    assertThat(merged.body()).isEqualTo("第二次");
    assertThat(merged.mergedCount()).isEqualTo(1);

    mailServer = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mailServer.start();
    dispatcher.deliverDue(Instant.now().plus(Duration.ofHours(2)));
    assertThat(only(ref).status()).isEqualTo(Status.SENT);

    assertThat(notifications.notifyUser("engineer1", new Notice("progress", ref, "进展", "第二次"))).isEqualTo(
        Outcome.ALREADY_SENT);
    assertThat(notifications.search(null, null, ref, 10)).hasSize(1);
  }

  @Test
  void aUserTaskNotifiesTheMembersOfItsCandidateGroupWithALinkToTasklist() {
    processEngine.getRepositoryService().createDeployment().name("isolation-probe.bpmn")
        .enableDuplicateFiltering(false).addClasspathResource("fixtures/isolation-probe.bpmn").deploy();
    String instanceId = processEngine.getRuntimeService().startProcessInstanceByKey("isolation-probe",
        java.util.Map.of("unitCode", "WJW")).getId();
    String taskId = processEngine.getTaskService().createTaskQuery().processInstanceId(instanceId).singleResult()
        .getId();
    List<Notification> notices = notifications.search("wjw1", null, taskId, 10);
    assertThat(notices).hasSize(1);
    assertThat(notices.get(0).subject()).contains("隔离测试流程").contains("单位确认");
    assertThat(notices.get(0).body()).contains("/camunda/app/tasklist/default/#/?task=" + taskId);
    assertThat(notifications.search("jtj1", null, taskId, 10)).isEmpty();
  }

  @Test
  void usersReadTheirOwnNoticesOverRest() {
    String ref = caseRef();
    notifications.notifyUser("engineer1", new Notice("test", ref, "主题", "内容"));
    assertThat(get("engineer1", "/api/notifications?caseRef=" + ref).getBody()).contains(ref);
    assertThat(get("operator1", "/api/notifications?caseRef=" + ref).getBody()).doesNotContain(ref);
    assertThat(get("manager1", "/api/notifications?caseRef=" + ref).getBody()).contains(ref);
    assertThat(get("manager1", "/api/notifications?status=NOPE").getStatusCode().value()).isEqualTo(400);
  }
}
