package cn.gov.gz.govcloud.report;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code govcloud.report.*}: who issues the documents (the service provider's name, printed on every document and
 * spreadsheet) and to whom the periodic reports are submitted (the management party).
 */
@ConfigurationProperties(prefix = "govcloud.report")
record ReportProperties(String issuer, String recipient) {

  public ReportProperties {
    issuer = issuer == null || issuer.isBlank() ? "广州市政务云运维服务方" : issuer.strip();
    recipient = recipient == null || recipient.isBlank() ? "广州市政务服务和数据管理局" : recipient.strip();
  }
}
