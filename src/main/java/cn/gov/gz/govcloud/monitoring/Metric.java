package cn.gov.gz.govcloud.monitoring;

/**
 * The metrics of P3 Appendix B. {@link #key()} is the value of the decision input {@code metric}; utilisation is in
 * percent, the name/IP sync lag in minutes (stored in seconds).
 */
enum Metric {
  CPU("cpu", "CPU 利用率", "%"),
  MEMORY("memory", "内存利用率", "%"),
  STORAGE("storage", "存储利用率", "%"),
  SYNC("sync", "名称与政务外网 IP 同步延迟", "分钟");

  private final String key;
  private final String label;
  private final String unit;

  Metric(String key, String label, String unit) {
    this.key = key;
    this.label = label;
    this.unit = unit;
  }

  public String key() {
    return key;
  }

  public String label() {
    return label;
  }

  public String unit() {
    return unit;
  }

  /** The alert problem of a breach above ({@code CPU_HIGH}) or below ({@code CPU_LOW}) the range. */
  public String problem(boolean high) {
    return name() + (high ? "_HIGH" : "_LOW");
  }
}
