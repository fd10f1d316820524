package cn.gov.gz.govcloud.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.notification.Notification.Status;
import cn.gov.gz.govcloud.notification.NotificationService.Notice;
import cn.gov.gz.govcloud.support.FakeHttpServer;
import cn.gov.gz.govcloud.support.FakeHttpServer.Answer;
import cn.gov.gz.govcloud.support.WebTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Paging beside mail (issue 27): urgent notices go by SMS (a fake of the city's SMS gateway) and WeCom (a fake of
 * WeCom's application message and group robot API) once per person, channel and notice; routine ones only by mail;
 * failed pages are retried from the outbox; a person without a mobile or WeCom id still gets mail.
 */
class PagingChannelsTest extends WebTest {

  static final String TOKEN_OK = "{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"tok-1\",\"expires_in\":7200}";
  static final String SENT_OK = "{\"errcode\":0,\"errmsg\":\"ok\",\"invaliduser\":\"\",\"msgid\":\"m1\"}";

  @Autowired NotificationService notifications;
  @Autowired OutboxDispatcher dispatcher;
  @Autowired ObjectMapper json;

  FakeHttpServer sms;
  FakeHttpServer wecom;

  @BeforeEach
  void servers() throws Exception {
    sms = new FakeHttpServer(SMS_PORT, r -> Answer.ok("{\"code\":0,\"msg\":\"提交成功\"}"));
    wecom = new FakeHttpServer(WECOM_PORT, r -> Answer.ok(r.path().equals("/cgi-bin/gettoken") ? TOKEN_OK : SENT_OK));
    // nothing of earlier tests (on other ports) is in the way: deliver and forget what is due
    dispatcher.deliverDue(Instant.now().plus(Duration.ofDays(2)));
    sms.clear();
    wecom.clear();
  }

  @AfterEach
  void stop() {
    for (String user : List.of("engineer1", "manager1", "operator1")) {
      put("admin", "/api/notifications/contacts/" + user, map("mobile", "", "wecomUserId", ""));
    }
    sms.close();
    wecom.close();
  }

  private static String ref() {
    return "page-" + UUID.randomUUID();
  }

  private List<Notification> rows(String ref, Channel channel) {
    return notifications.search(null, null, ref, channel, 50);
  }

  @Test
  void anUrgentNoticePagesBySmsAndWeComOncePerPersonAndARoutineOneOnlyMails() throws Exception {
    ResponseEntity<String> saved = put("engineer1", "/api/notifications/contacts/engineer1",
        map("mobile", "138-0000-0004", "wecomUserId", "zhaogong"));
    assertThat(saved.getStatusCode()).as(saved.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(saved.getBody()).get("mobile").asText()).isEqualTo("13800000004");

    String urgent = ref();
    notifications.notifyUser("engineer1", new Notice("escalation-1", urgent, "【应急 EM1】响应超时升级（第 1 级）",
        "应急事件超过响应时限仍未响应，请立即接手响应。"));
    String routine = ref();
    notifications.notifyUser("engineer1", new Notice("feedback", routine, "【应急 EM1】处置进展反馈", "事件仍在处置中。"));

    assertThat(rows(urgent, Channel.MAIL)).hasSize(1);
    assertThat(rows(urgent, Channel.SMS)).singleElement().satisfies(n -> assertThat(n.address()).isEqualTo("13800000004"));
    assertThat(rows(urgent, Channel.WECOM)).singleElement().satisfies(n -> assertThat(n.address()).isEqualTo("zhaogong"));
    assertThat(rows(routine, null)).extracting(Notification::channel).containsExactly(Channel.MAIL);

    dispatcher.deliverDue(Instant.now().plus(Duration.ofMinutes(5)));
    assertThat(rows(urgent, Channel.SMS).get(0).status()).isEqualTo(Status.SENT);
    assertThat(rows(urgent, Channel.WECOM).get(0).status()).isEqualTo(Status.SENT);

    List<FakeHttpServer.Request> texts = sms.requests(SMS_PATH);
    assertThat(texts).hasSize(1);
    JsonNode text = json.readTree(texts.get(0).body());
    assertThat(text.get("mobile").asText()).isEqualTo("13800000004");
    assertThat(text.get("content").asText()).contains("响应超时升级").hasSizeLessThanOrEqualTo(300);
    assertThat(text.get("sign").asText()).isEqualTo("政务云运维");
    assertThat(texts.get(0).header("Authorization")).isEqualTo("Bearer test-sms-token");

    // the token is fetched once and kept (another test of this context may have fetched it already)
    assertThat(wecom.requests("/cgi-bin/gettoken")).hasSizeLessThanOrEqualTo(1)
        .allSatisfy(r -> assertThat(r.query()).contains("corpid=test-corp").contains("corpsecret=test-corp-secret"));
    List<FakeHttpServer.Request> messages = wecom.requests("/cgi-bin/message/send");
    assertThat(messages).hasSize(1);
    // the token fetched here (tok-1), or the one kept from another test's fake WeCom (AlertIntakeTest's: tok)
    assertThat(messages.get(0).query()).matches(wecom.requests("/cgi-bin/gettoken").isEmpty()
        ? "access_token=tok(-1)?(&.*)?" : "access_token=tok-1(&.*)?");
    JsonNode message = json.readTree(messages.get(0).body());
    assertThat(message.get("touser").asText()).isEqualTo("zhaogong");
    assertThat(message.get("agentid").asInt()).isEqualTo(1000002);
    assertThat(message.get("text").get("content").asText()).contains("响应超时升级");

    // the same notice again is not sent again, on any channel
    notifications.notifyUser("engineer1", new Notice("escalation-1", urgent, "【应急 EM1】响应超时升级（第 1 级）",
        "应急事件超过响应时限仍未响应，请立即接手响应。"));
    dispatcher.deliverDue(Instant.now().plus(Duration.ofMinutes(10)));
    assertThat(rows(urgent, null)).hasSize(3);
    assertThat(sms.requests(SMS_PATH)).hasSize(1);
    assertThat(wecom.requests("/cgi-bin/message/send")).hasSize(1);
  }

  @Test
  void aPersonWithoutMobileOrWeComIdStillGetsMail() {
    String urgent = ref();
    notifications.notifyUser("operator1", new Notice("escalation-1", urgent, "升级", "请处理"));
    assertThat(rows(urgent, null)).extracting(Notification::channel).containsExactly(Channel.MAIL);
  }

  @Test
  void aPageTheGatewayRefusesIsRetriedFromTheOutboxWithBackoff() throws Exception {
    put("admin", "/api/notifications/contacts/operator1", map("mobile", "13900000005"));
    AtomicInteger calls = new AtomicInteger();
    sms.respond(r -> calls.incrementAndGet() == 1 ? Answer.ok("{\"code\":1001,\"msg\":\"通道繁忙\"}")
        : Answer.ok("{\"code\":0}"));
    String urgent = ref();
    notifications.notifyUser("operator1", new Notice("escalation-2", urgent, "升级（第 2 级）", "请督办"));

    Instant now = Instant.now().plus(Duration.ofMinutes(1));
    dispatcher.deliverDue(now);
    Notification failed = rows(urgent, Channel.SMS).get(0);
    assertThat(failed.status()).isEqualTo(Status.PENDING);
    assertThat(failed.attempts()).isEqualTo(1);
    assertThat(failed.lastError()).contains("短信网关未受理").contains("1001").doesNotContain("test-sms-token");
    assertThat(failed.nextAttemptAt()).isAfter(now.plusSeconds(29));

    dispatcher.deliverDue(now.plusSeconds(10)); // not yet due again
    assertThat(calls.get()).isEqualTo(1);
    dispatcher.deliverDue(now.plusSeconds(31));
    Notification sent = rows(urgent, Channel.SMS).get(0);
    assertThat(sent.status()).isEqualTo(Status.SENT);
    assertThat(sent.attempts()).isEqualTo(2);
    assertThat(sms.requests(SMS_PATH)).hasSize(2);
    assertThat(json.readTree(sms.requests(SMS_PATH).get(0).body()).get("requestId").asText())
        .as("the retry carries the same request id, for the gateway's de-duplication")
        .isEqualTo(json.readTree(sms.requests(SMS_PATH).get(1).body()).get("requestId").asText());
  }

  @Test
  void anExpiredWeComTokenIsFetchedAgainAndAnUnknownWeComIdIsNamed() throws Exception {
    put("admin", "/api/notifications/contacts/operator1", map("wecomUserId", "sun.caozuo"));
    AtomicInteger sends = new AtomicInteger();
    AtomicInteger tokens = new AtomicInteger();
    wecom.respond(r -> {
      if (r.path().equals("/cgi-bin/gettoken")) {
        return Answer.ok("{\"errcode\":0,\"access_token\":\"tok-" + tokens.incrementAndGet() + "\",\"expires_in\":7200}");
      }
      return Answer.ok(sends.incrementAndGet() == 1 ? "{\"errcode\":42001,\"errmsg\":\"access_token expired\"}"
          : SENT_OK);
    });
    // a token fetched earlier in this context may still be cached: make WeCom refuse it first
    String urgent = ref();
    notifications.notifyUser("operator1", new Notice("escalation-1", urgent, "升级", "请处理"));
    dispatcher.deliverDue(Instant.now().plus(Duration.ofMinutes(1)));
    assertThat(rows(urgent, Channel.WECOM).get(0).status()).isEqualTo(Status.SENT);
    List<FakeHttpServer.Request> sent = wecom.requests("/cgi-bin/message/send");
    assertThat(sent).hasSize(2);
    assertThat(sent.get(1).query()).isEqualTo("access_token=tok-" + tokens.get());

    wecom.respond(r -> Answer.ok(r.path().equals("/cgi-bin/gettoken") ? TOKEN_OK
        : "{\"errcode\":0,\"errmsg\":\"ok\",\"invaliduser\":\"sun.caozuo\"}"));
    String other = ref();
    notifications.notifyUser("operator1", new Notice("escalation-1", other, "升级", "请处理"));
    dispatcher.deliverDue(Instant.now().plus(Duration.ofMinutes(1)));
    Notification refused = rows(other, Channel.WECOM).get(0);
    assertThat(refused.status()).isEqualTo(Status.PENDING);
    assertThat(refused.lastError()).contains("企业微信账号无效").contains("sun.caozuo");
  }

  @Test
  void aGroupsRobotPostsOnceToItsChatMentioningItsMembers() throws Exception {
    put("manager1", "/api/notifications/contacts/manager1", map("mobile", "13700000003", "wecomUserId", "liujingli"));
    String urgent = ref();
    notifications.notifyAll(List.of(), List.of("ops-manager", "ops-engineer"),
        new Notice("escalation-1", urgent, "【应急 EM2】响应超时升级（第 1 级）", "请立即督办。"));
    assertThat(rows(urgent, Channel.WECOM_ROBOT)).singleElement().satisfies(n -> {
      assertThat(n.recipient()).isEqualTo("robot:ops-manager");
      assertThat(n.address()).isEqualTo("ops-manager");
    });
    dispatcher.deliverDue(Instant.now().plus(Duration.ofMinutes(1)));
    List<FakeHttpServer.Request> posts = wecom.requests("/cgi-bin/webhook/send");
    assertThat(posts).hasSize(1);
    assertThat(posts.get(0).query()).isEqualTo("key=test-robot-ops-manager");
    JsonNode body = json.readTree(posts.get(0).body());
    assertThat(body.get("msgtype").asText()).isEqualTo("text");
    assertThat(body.get("text").get("content").asText()).contains("响应超时升级");
    assertThat(body.get("text").get("mentioned_list").toString()).contains("liujingli");
    assertThat(rows(urgent, Channel.WECOM_ROBOT).get(0).status()).isEqualTo(Status.SENT);
  }

  @Test
  void contactsAreKeptByThePersonOrAnAdministratorAndBadOnesAreRefusedNamingTheField() throws Exception {
    ResponseEntity<String> bad = put("engineer1", "/api/notifications/contacts/engineer1",
        map("mobile", "12345", "wecomUserId", "含中文"));
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(bad.getBody()).get("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("mobile", "wecomUserId");
    assertThat(json.readTree(get("engineer1", "/api/notifications/contacts/engineer1").getBody()).get("mobile")
        .isNull()).as("nothing stored").isTrue();
    assertThat(put("operator1", "/api/notifications/contacts/engineer1", map("mobile", "13800000004"))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("operator1", "/api/notifications/contacts").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(put("manager1", "/api/notifications/contacts/engineer1", map("mobile", "13800000004"))
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("admin", "/api/notifications/contacts").getBody()).contains("13800000004");
    assertThat(put("admin", "/api/notifications/contacts/nobody-" + UUID.randomUUID().toString().substring(0, 8),
        map("mobile", "13800000004")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }
}
