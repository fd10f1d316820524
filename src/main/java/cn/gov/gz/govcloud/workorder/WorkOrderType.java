package cn.gov.gz.govcloud.workorder;

/** What reached the service desk (P6 7.3.1.2). */
enum WorkOrderType {
  CONSULTATION("咨询"),
  SERVICE_REQUEST("服务请求"),
  FAULT("故障"),
  COMPLAINT("投诉"),
  FINDING("问题跟进");

  private final String label;

  WorkOrderType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
