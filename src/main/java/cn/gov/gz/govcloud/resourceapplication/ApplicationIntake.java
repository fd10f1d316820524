package cn.gov.gz.govcloud.resourceapplication;

import java.math.BigDecimal;
import java.util.List;

/**
 * What an application carries, from the Tasklist form or a portal over REST. {@code externalRef} is the portal's own
 * reference: a repeated start with the same one while the first is open returns the first.
 */
record ApplicationIntake(String externalRef, String unitCode, String businessSystemCode, String purpose,
    String urgency, List<LineInput> lines, String idleJustification) {

  /** A requested line as submitted (numbers may be missing; the compliance check names them). */
  public record LineInput(String type, Integer vcpu, Integer memoryGb, BigDecimal diskTb, String os, String brand,
      String model, Integer quantity, Integer durationMonths) {}
}
