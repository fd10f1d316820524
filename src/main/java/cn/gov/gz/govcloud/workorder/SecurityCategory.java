package cn.gov.gz.govcloud.workorder;

/**
 * The kinds of security incident the provider helps the bureau handle and reports on (P6 7.4.1.5: 政务云网络安全、
 * 云资源安全或数据安全事件). A work order with a category is a security incident whatever its type.
 */
enum SecurityCategory {
  NETWORK("网络安全事件"),
  CLOUD_RESOURCE("云资源安全事件"),
  DATA("数据安全事件");

  private final String label;

  SecurityCategory(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
