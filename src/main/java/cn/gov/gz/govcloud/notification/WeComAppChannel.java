package cn.gov.gz.govcloud.notification;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * WeCom application messages (企业微信应用消息; 粤政易 at its own {@code baseUrl}) to one person's WeCom user id. The
 * access token is fetched with the application's secret, kept until shortly before it expires and fetched again when
 * WeCom says it is invalid. WeCom's own duplicate check (30 minutes) keeps a retry after a lost answer from arriving
 * twice.
 */
@Component
class WeComAppChannel implements DeliveryChannel {

  /** WeCom's answers for a missing, invalid or expired access token. */
  private static final Set<Integer> TOKEN_ERRORS = Set.of(40001, 40014, 41001, 42001);
  static final int MAX_BYTES = 2048;

  private record Token(String value, Instant expires) {}

  private final WeComProperties properties;
  private final HttpJson http;
  private final Clock clock;
  private volatile Token token;

  WeComAppChannel(WeComProperties properties, Clock clock) {
    this.properties = properties;
    this.http = new HttpJson(properties.timeout());
    this.clock = clock;
  }

  @Override
  public Channel channel() {
    return Channel.WECOM;
  }

  @Override
  public boolean configured() {
    return properties.appConfigured();
  }

  @Override
  public void send(Notification n) throws Refused, InterruptedException {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("touser", n.address());
    message.put("msgtype", "text");
    message.put("agentid", properties.agentId().matches("[0-9]+") ? Long.parseLong(properties.agentId())
        : properties.agentId());
    message.put("text", Map.of("content", HttpJson.cutBytes(n.subject() + "\n" + n.body(), MAX_BYTES)));
    message.put("safe", 0);
    message.put("enable_duplicate_check", 1);
    message.put("duplicate_check_interval", 1800);
    String body = http.write(message);
    HttpJson.Answer answer = post(body, false);
    if (answer.json() != null && TOKEN_ERRORS.contains(answer.json().path("errcode").asInt())) {
      answer = post(body, true);
    }
    int code = answer.json() == null ? -1 : answer.json().path("errcode").asInt(-1);
    if (!answer.ok() || code != 0) {
      throw new Refused("企业微信未受理：" + HttpJson.describe(answer));
    }
    String invalid = answer.json().path("invaliduser").asText("");
    if (!invalid.isBlank()) {
      throw new Refused("企业微信账号无效：" + invalid);
    }
  }

  private HttpJson.Answer post(String body, boolean freshToken) throws Refused, InterruptedException {
    String url = properties.baseUrl() + "/cgi-bin/message/send?access_token=" + enc(token(freshToken));
    try {
      return http.post(url, body, "application/json; charset=UTF-8", Map.of(), properties.timeout());
    } catch (IOException | IllegalArgumentException e) {
      throw new Refused("企业微信不可达（" + e.getClass().getSimpleName() + "）");
    }
  }

  private synchronized String token(boolean fresh) throws Refused, InterruptedException {
    Token t = token;
    Instant now = clock.instant();
    if (!fresh && t != null && now.isBefore(t.expires())) {
      return t.value();
    }
    HttpJson.Answer answer;
    try {
      answer = http.get(properties.baseUrl() + "/cgi-bin/gettoken?corpid=" + enc(properties.corpId())
          + "&corpsecret=" + enc(properties.corpSecret()), properties.timeout());
    } catch (IOException | IllegalArgumentException e) {
      throw new Refused("企业微信不可达（" + e.getClass().getSimpleName() + "）");
    }
    if (!answer.ok() || answer.json() == null || answer.json().path("errcode").asInt(-1) != 0
        || answer.json().path("access_token").asText("").isEmpty()) {
      throw new Refused("企业微信未发放访问令牌：" + HttpJson.describe(answer));
    }
    long seconds = answer.json().path("expires_in").asLong(7200);
    token = new Token(answer.json().path("access_token").asText(),
        now.plusSeconds(Math.max(60, seconds - 300)));
    return token.value();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
