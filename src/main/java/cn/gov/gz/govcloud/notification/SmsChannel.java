package cn.gov.gz.govcloud.notification;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * SMS through the city's SMS platform (an HTTP gateway, {@link SmsProperties}): one POST per message, the subject
 * and the gist of the text in at most {@code maxLength} characters. The outbox row's id goes along as the request id,
 * so a gateway that de-duplicates does not send a retried message twice.
 */
@Component
class SmsChannel implements DeliveryChannel {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(mobile|content|sign|id)}");

  private final SmsProperties properties;
  private final HttpJson http;

  SmsChannel(SmsProperties properties) {
    this.properties = properties;
    this.http = new HttpJson(properties.timeout());
  }

  @Override
  public Channel channel() {
    return Channel.SMS;
  }

  @Override
  public boolean configured() {
    return properties.configured();
  }

  @Override
  public void send(Notification n) throws Refused, InterruptedException {
    Map<String, String> values = Map.of("mobile", n.address(), "content", text(n, properties.maxLength()),
        "sign", properties.sign(), "id", String.valueOf(n.id()));
    Matcher m = PLACEHOLDER.matcher(properties.bodyTemplate());
    StringBuilder body = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(body, Matcher.quoteReplacement(HttpJson.escape(values.get(m.group(1)))));
    }
    m.appendTail(body);
    Map<String, String> headers = new HashMap<>();
    if (!properties.authValue().isEmpty()) {
      headers.put(properties.authHeader(), properties.authValue());
    }
    HttpJson.Answer answer;
    try {
      answer = http.post(properties.url(), body.toString(), properties.contentType(), headers, properties.timeout());
    } catch (IOException | IllegalArgumentException e) {
      throw new Refused("短信网关不可达（" + e.getClass().getSimpleName() + "）");
    }
    if (!answer.ok()) {
      throw new Refused("短信网关拒绝：" + HttpJson.describe(answer));
    }
    if (!properties.successPointer().isEmpty()) {
      JsonNode value = answer.json() == null ? null : answer.json().at(properties.successPointer());
      if (value == null || value.isMissingNode() || !properties.successValue().equals(value.asText())) {
        throw new Refused("短信网关未受理：" + HttpJson.describe(answer));
      }
    }
  }

  /** The subject and the text on one line, cut to {@code max} characters. */
  static String text(Notification n, int max) {
    String text = (n.subject() + " " + n.body()).replaceAll("\\s+", " ").strip();
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
