package cn.gov.gz.govcloud.notification;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code govcloud.notification.wecom.*}: WeCom (企业微信; 粤政易 offers the same API at its own address,
 * {@code baseUrl}). Application messages to one person need {@code corpId}, {@code agentId} and the application's
 * {@code corpSecret}; group robots need the key of each robot, given per Camunda group as
 * {@code group=key,group=key} in {@code robots} (the duty group's chat). Secrets come from the environment; without
 * them the channel is off and writes nothing.
 */
@ConfigurationProperties(prefix = "govcloud.notification.wecom")
record WeComProperties(String baseUrl, String corpId, String corpSecret, String agentId, String robots,
    Duration timeout) {

  public WeComProperties {
    baseUrl = baseUrl == null || baseUrl.isBlank() ? "https://qyapi.weixin.qq.com" : strip(baseUrl.strip());
    corpId = corpId == null ? "" : corpId.strip();
    corpSecret = corpSecret == null ? "" : corpSecret.strip();
    agentId = agentId == null ? "" : agentId.strip();
    robots = robots == null ? "" : robots.strip();
    timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
  }

  private static String strip(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  boolean appConfigured() {
    return !corpId.isEmpty() && !corpSecret.isEmpty() && !agentId.isEmpty();
  }

  /** Camunda group → robot key. */
  Map<String, String> robotKeys() {
    Map<String, String> keys = new LinkedHashMap<>();
    for (String pair : robots.split("[,;\\s]+")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && eq < pair.length() - 1) {
        keys.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
      }
    }
    return keys;
  }
}
