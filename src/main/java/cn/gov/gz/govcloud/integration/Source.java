package cn.gov.gz.govcloud.integration;

/** The kinds of system that report alerts, each with its own endpoint under {@code /api/intake}. */
enum Source {
  ALERTMANAGER("alertmanager", "Prometheus Alertmanager"),
  ZABBIX("zabbix", "Zabbix");

  private final String path;
  private final String label;

  Source(String path, String label) {
    this.path = path;
    this.label = label;
  }

  /** The last segment of its endpoint: {@code /api/intake/<path>}. */
  public String path() {
    return path;
  }

  public String label() {
    return label;
  }
}
