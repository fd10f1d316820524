package cn.gov.gz.govcloud.ledger;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;

/**
 * One resource as the cloud platform reports it (P6 7.2.1 data connection). CSV files use the same column names.
 * {@code powerState}: RUNNING or STOPPED; utilisation in percent.
 */
@JsonPropertyOrder({"resourceId", "unitCode", "type", "vcpu", "memoryGb", "diskTb", "brand", "model", "location", "ip",
    "powerState", "cpuUtil", "memUtil"})
public record InventoryRow(String resourceId, String unitCode, String type, Integer vcpu, Integer memoryGb,
    BigDecimal diskTb, String brand, String model, String location, String ip, String powerState, BigDecimal cpuUtil,
    BigDecimal memUtil) {}
