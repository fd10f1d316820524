package cn.gov.gz.govcloud.optimization;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One optimisation review of a period (days from .. to, inclusive), with its figures and reports. */
public record Review(long id, String reviewNo, String processInstanceId, LocalDate periodFrom, LocalDate periodTo,
    Status status, String startedBy, Integer resources, BigDecimal totalCost, Integer candidates, Long classifyMs,
    String reviewReason, Long statisticsReportId, Long efficiencyReportId, Long previousReviewId, Instant createdAt,
    Instant closedAt) {

  /**
   * OPEN: computing; IN_REVIEW: management reviews; ACTING: units confirm, operators execute; CLOSED; NOTHING_TO_DO;
   * NO_DATA: closed without statistics, the period had no monitoring data.
   */
  public enum Status {
    OPEN, IN_REVIEW, ACTING, CLOSED, NOTHING_TO_DO, NO_DATA
  }
}
