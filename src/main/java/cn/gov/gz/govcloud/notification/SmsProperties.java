package cn.gov.gz.govcloud.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code govcloud.notification.sms.*}: the city's SMS platform, an HTTP gateway. Each message is one POST of
 * {@code bodyTemplate} to {@code url}, with {@code ${mobile}}, {@code ${content}}, {@code ${sign}} and {@code ${id}}
 * (the outbox row, for the gateway's de-duplication) filled in as JSON string contents; the secret header
 * {@code authHeader: authValue} comes from the environment. A 2xx answer is success, unless {@code successPointer}
 * (a JSON pointer such as {@code /code}) is set: then the value there must equal {@code successValue}. Without a
 * {@code url} no SMS is written.
 */
@ConfigurationProperties(prefix = "govcloud.notification.sms")
record SmsProperties(String url, String authHeader, String authValue, String sign, String bodyTemplate,
    String contentType, String successPointer, String successValue, int maxLength, Duration timeout) {

  static final String DEFAULT_TEMPLATE =
      "{\"mobile\":\"${mobile}\",\"content\":\"${content}\",\"sign\":\"${sign}\",\"requestId\":\"${id}\"}";

  public SmsProperties {
    url = url == null ? "" : url.strip();
    authHeader = authHeader == null || authHeader.isBlank() ? "Authorization" : authHeader.strip();
    authValue = authValue == null ? "" : authValue;
    sign = sign == null ? "政务云运维" : sign;
    bodyTemplate = bodyTemplate == null || bodyTemplate.isBlank() ? DEFAULT_TEMPLATE : bodyTemplate;
    contentType = contentType == null || contentType.isBlank() ? "application/json; charset=UTF-8" : contentType;
    successPointer = successPointer == null ? "" : successPointer.strip();
    successValue = successValue == null ? "" : successValue;
    maxLength = maxLength <= 0 ? 300 : maxLength;
    timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
  }

  boolean configured() {
    return !url.isEmpty();
  }
}
