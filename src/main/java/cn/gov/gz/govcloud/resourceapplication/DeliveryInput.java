package cn.gov.gz.govcloud.resourceapplication;

import java.math.BigDecimal;

/** One delivered resource as the operator records it: which line, its id, address, location and actual spec. */
record DeliveryInput(Integer lineNo, String resourceId, String ip, String location, Integer vcpu,
    Integer memoryGb, BigDecimal diskTb, String brand, String model) {}
