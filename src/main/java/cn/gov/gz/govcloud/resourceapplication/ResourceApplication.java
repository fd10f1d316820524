package cn.gov.gz.govcloud.resourceapplication;

import java.time.Instant;
import java.util.List;

/** A unit's application for cloud resources (P6 7.2.2) with its lines. */
record ResourceApplication(long id, String applicationNo, String externalRef, String processInstanceId,
    String unitCode, String businessSystemCode, String purpose, Urgency urgency, String idleJustification,
    Status status, String decisionReason, String applicant, Instant createdAt, Instant closedAt, List<Line> lines) {

  /** NORMAL, or EXPEDITED for important assurance (P6 7.3.3.3 b). */
  public enum Urgency {
    NORMAL, EXPEDITED
  }

  /** Where the application stands; DELIVERED, REJECTED and WITHDRAWN are outcomes. */
  public enum Status {
    SUBMITTED, NEEDS_CORRECTION, IN_REVIEW, APPROVED, DELIVERING, DELIVERED, REJECTED, WITHDRAWN
  }

  /** One requested resource line. */
  public record Line(int lineNo, String type, Integer vcpu, Integer memoryGb, java.math.BigDecimal diskTb, String os,
      String brand, String model, int quantity, Integer durationMonths) {}
}
