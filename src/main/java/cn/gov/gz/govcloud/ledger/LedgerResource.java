package cn.gov.gz.govcloud.ledger;

import java.math.BigDecimal;
import java.time.Instant;

/** One resource in the ledger (台账): owner, business system, order, spec, location, address and state. */
public record LedgerResource(String resourceId, String unitCode, String businessSystemCode, Long applicationId,
    Integer lineNo, ResourceType type, Integer vcpu, Integer memoryGb, BigDecimal diskTb, String os, String brand,
    String model, String location, String ip, State state, Instant poweredOffSince, Instant createdAt,
    Instant updatedAt) {

  /** ACTIVE: in use; POWERED_OFF: off (since when); RELEASED: returned, kept for the record. */
  public enum State {
    ACTIVE, POWERED_OFF, RELEASED
  }
}
