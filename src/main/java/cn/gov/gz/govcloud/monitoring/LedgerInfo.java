package cn.gov.gz.govcloud.monitoring;

import java.math.BigDecimal;

/** What monitoring needs of a ledger resource: owner, business system, type, storage capacity and state. */
record LedgerInfo(String resourceId, String unitCode, String businessSystemCode, String type, BigDecimal diskTb,
    String state) {}
