package cn.gov.gz.govcloud.ledger;

/**
 * One difference between order, ledger and what actually runs (P3 Appendix A.1 items 3 and 8), with both sides'
 * values.
 */
public record Discrepancy(Kind kind, String resourceId, String unitCode, Long applicationId, String field,
    String ledgerValue, String actualValue, String description) {

  /** What kind of difference. */
  public enum Kind {
    /** runs on the platform but is not in the ledger */
    NOT_IN_LEDGER,
    /** in the ledger as active but nothing runs */
    NOT_RUNNING,
    /** vCPU, memory or disk differ */
    SPEC_MISMATCH,
    /** brand or model differ */
    BRAND_MODEL_MISMATCH,
    /** rack location or address differ */
    LOCATION_MISMATCH,
    /** the platform names another owner unit */
    OWNER_MISMATCH,
    /** the ledger holds another number of resources for an order line than was ordered */
    QUANTITY_MISMATCH
  }
}
