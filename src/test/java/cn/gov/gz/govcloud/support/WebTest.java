package cn.gov.gz.govcloud.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.camunda.bpm.engine.test.assertions.ProcessEngineTests.init;

/**
 * Base of the tests that talk to the running application over HTTP. All share one application context (on H2 or,
 * with the postgres-tests profile, PostgreSQL). A mail server address is configured for all of them; only the
 * notification test starts a mail server there; likewise an SMS gateway and WeCom, which only the paging tests
 * start ({@link FakeHttpServer}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
@Tag("spring")
public abstract class WebTest {

  public static final int SMTP_PORT = freePort();
  /** Where the fake SMS gateway and the fake WeCom of the paging tests listen (nothing listens elsewhere). */
  public static final int SMS_PORT = freePort();
  public static final int WECOM_PORT = freePort();
  public static final String SMS_PATH = "/sms/send";
  public static final String DEMO_PASSWORD = "demo";

  @LocalServerPort
  protected int port;

  @Autowired
  protected TestRestTemplate rest;

  @Autowired
  protected ProcessEngine processEngine;

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_PORT);
    registry.add("govcloud.notification.sms.url", () -> "http://127.0.0.1:" + SMS_PORT + SMS_PATH);
    registry.add("govcloud.notification.sms.auth-value", () -> "Bearer test-sms-token");
    registry.add("govcloud.notification.sms.success-pointer", () -> "/code");
    registry.add("govcloud.notification.sms.success-value", () -> "0");
    registry.add("govcloud.notification.wecom.base-url", () -> "http://127.0.0.1:" + WECOM_PORT);
    registry.add("govcloud.notification.wecom.corp-id", () -> "test-corp");
    registry.add("govcloud.notification.wecom.corp-secret", () -> "test-corp-secret");
    registry.add("govcloud.notification.wecom.agent-id", () -> "1000002");
    registry.add("govcloud.notification.wecom.robots",
        () -> "ops-manager=test-robot-ops-manager,management=test-robot-management");
  }

  @BeforeEach
  void initAssertions() {
    init(processEngine);
  }

  protected ResponseEntity<String> get(String user, String path) {
    return exchange(user, HttpMethod.GET, path, null);
  }

  protected ResponseEntity<String> post(String user, String path, Object body) {
    return exchange(user, HttpMethod.POST, path, body);
  }

  protected ResponseEntity<String> put(String user, String path, Object body) {
    return exchange(user, HttpMethod.PUT, path, body);
  }

  protected static HttpHeaders basicAuth(String user) {
    HttpHeaders headers = new HttpHeaders();
    if (user != null) {
      headers.setBasicAuth(user, user.equals("admin") ? "admin-test-password" : DEMO_PASSWORD);
    }
    return headers;
  }

  protected ResponseEntity<String> exchange(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = basicAuth(user);
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON));
    return rest.exchange(path, method, new HttpEntity<>(body, headers), String.class);
  }

  protected static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
