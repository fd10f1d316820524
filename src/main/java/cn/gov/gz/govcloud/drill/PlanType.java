package cn.gov.gz.govcloud.drill;

/** Kinds of contingency plan; the kind decides the required drill frequency (see {@link DrillProperties}). */
public enum PlanType {
  /** 应用级容灾 (GB/T 34077.3 8.2.7). */
  APPLICATION_DR("应用级容灾"),
  /** 数据级容灾 (GB/T 34077.3 8.2.7). */
  DATA_DR("数据级容灾"),
  /** 安全应急 (GB/T 34077.3 8.2.8). */
  SECURITY("安全应急"),
  /** 综合应急（业务中断、性能下降等）. */
  GENERAL("综合应急");

  private final String label;

  PlanType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
