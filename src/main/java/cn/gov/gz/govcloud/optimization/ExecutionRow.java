package cn.gov.gz.govcloud.optimization;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;

/** One row of the execution form (what the operators did to one confirmed recommendation). */
@JsonIgnoreProperties(ignoreUnknown = true)
record ExecutionRow(Long candidateId, String resourceId, String action, String proposal, Integer vcpu,
    Integer memoryGb, BigDecimal diskTb, String note) {}
