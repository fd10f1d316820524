package cn.gov.gz.govcloud.notification;

/**
 * How one outbox row is delivered: by mail, by SMS through the city's SMS gateway, as a WeCom (企业微信 / 粤政易)
 * application message to one person, or by a WeCom group robot to a duty group's chat.
 */
public enum Channel {
  MAIL, SMS, WECOM, WECOM_ROBOT;

  /** A channel that wakes people: SMS and WeCom. */
  public boolean pages() {
    return this != MAIL;
  }
}
