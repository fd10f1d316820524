package cn.gov.gz.govcloud.ledger;

import java.math.BigDecimal;

/** A resource entering the ledger: from a delivered order (P6 7.2.2.4), or without one when taken over from an older register. */
public record LedgerEntry(String resourceId, String unitCode, String businessSystemCode, Long applicationId,
    Integer lineNo, ResourceType type, Integer vcpu, Integer memoryGb, BigDecimal diskTb, String os, String brand,
    String model, String location, String ip) {}
