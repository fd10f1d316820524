package cn.gov.gz.govcloud.organization;

/** Published inside the transaction that registers a new using unit. */
public record UnitRegistered(String code, String name) {}
