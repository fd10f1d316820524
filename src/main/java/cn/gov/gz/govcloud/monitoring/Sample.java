package cn.gov.gz.govcloud.monitoring;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One validated metric sample: utilisation in percent (two decimals; null when not reported), power state, and the
 * sync lag in seconds (sampled time minus the last name/IP sync; null when the sync time was not reported).
 */
record Sample(String resourceId, Instant sampledAt, BigDecimal cpuPct, BigDecimal memoryPct, BigDecimal storagePct,
    boolean powerOn, Instant syncedAt, Long syncLagSeconds) {

  /** The value a threshold applies to: percent, or minutes for the sync lag; null when not measured. */
  BigDecimal value(Metric metric) {
    return switch (metric) {
      case CPU -> cpuPct;
      case MEMORY -> memoryPct;
      case STORAGE -> storagePct;
      case SYNC -> syncLagSeconds == null ? null
          : BigDecimal.valueOf(syncLagSeconds).divide(BigDecimal.valueOf(60), 2, java.math.RoundingMode.HALF_UP);
    };
  }
}
