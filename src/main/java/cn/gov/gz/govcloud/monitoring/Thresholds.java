package cn.gov.gz.govcloud.monitoring;

import java.math.BigDecimal;

/**
 * One row of the decision {@code monitoring-thresholds}: the allowed range (either bound may be absent), the severe
 * level above which a breach is an emergency (absent: never), and whether a breach below the range starts a work
 * order when sustained.
 */
record Thresholds(BigDecimal lower, BigDecimal upper, BigDecimal severe, boolean lowEscalates) {

  public boolean above(BigDecimal value) {
    return upper != null && value.compareTo(upper) > 0;
  }

  public boolean below(BigDecimal value) {
    return lower != null && value.compareTo(lower) < 0;
  }

  public boolean severe(BigDecimal value) {
    return severe != null && value.compareTo(severe) > 0;
  }
}
