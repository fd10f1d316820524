package cn.gov.gz.govcloud.assurance;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code govcloud.assurance.*}: the plan's default factors by which an assurance period shortens the response clocks
 * of emergencies and the processing clocks of resource applications in its scope (P6 7.3.3.3; the plan may set its
 * own), how long after a shift's end its watchers are reminded of a missing standby record, and how long after the
 * period's end the watch waits for the last records before the summary starts without them, and the longest shift
 * one watcher may be rostered for.
 */
@ConfigurationProperties(prefix = "govcloud.assurance")
record AssuranceProperties(BigDecimal responseFactor, BigDecimal applicationFactor, Duration standbyReminderAfter,
    Duration recordsClosedAfter, Duration longestShift) {

  public AssuranceProperties {
    responseFactor = responseFactor == null ? new BigDecimal("0.5") : responseFactor;
    applicationFactor = applicationFactor == null ? new BigDecimal("0.5") : applicationFactor;
    standbyReminderAfter = standbyReminderAfter == null ? Duration.ofHours(1) : standbyReminderAfter;
    recordsClosedAfter = recordsClosedAfter == null ? Duration.ofHours(24) : recordsClosedAfter;
    longestShift = longestShift == null ? Duration.ofHours(12) : longestShift;
  }
}
