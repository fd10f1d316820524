package cn.gov.gz.govcloud.monitoring;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A threshold alert: one resource, one problem ({@code CPU_HIGH}, {@code STORAGE_LOW}, {@code SYNC_HIGH}, …), open
 * from the first breaching sample until a sample is back in range, with the case it started (a work order or an
 * emergency, business key = {@code alertNo}).
 */
record Alert(long id, String alertNo, String resourceId, String unitCode, String businessSystemCode,
    String resourceType, String metric, String problem, String problemLabel, String severity, BigDecimal lowerLimit,
    BigDecimal upperLimit, BigDecimal severeLimit, boolean escalates, BigDecimal firstValue, BigDecimal lastValue,
    BigDecimal worstValue, int sampleCount, Instant firstSeenAt, Instant lastSeenAt, String status, Instant closedAt,
    BigDecimal recoveredValue, String caseProcessKey, String caseInstanceId, Instant caseStartedAt,
    String caseError) {

  public boolean open() {
    return "OPEN".equals(status);
  }

  public boolean high() {
    return problem.endsWith("_HIGH");
  }

  /** The problem in words, e.g. "CPU 利用率高于上限". */
  static String label(String problem) {
    int cut = problem.lastIndexOf('_');
    Metric m = Metric.valueOf(problem.substring(0, cut));
    boolean high = problem.endsWith("_HIGH");
    if (m == Metric.SYNC) {
      return "名称与政务外网 IP 同步超时";
    }
    return m.label() + (high ? "高于上限" : "低于下限");
  }
}
