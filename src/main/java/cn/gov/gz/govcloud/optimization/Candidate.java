package cn.gov.gz.govcloud.optimization;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A recommendation of a review for one resource (P3 5.4.4, Appendix C) with its evidence, management's decision, the
 * unit's answer and the execution.
 */
public record Candidate(long id, long reviewId, String resourceId, String unitCode, String businessSystemCode,
    String type, String action, String ruleLabel, String evidence, Integer vcpu, Integer memoryGb, BigDecimal diskTb,
    Integer proposedVcpu, Integer proposedMemoryGb, BigDecimal proposedDiskTb, BigDecimal monthlyCost,
    BigDecimal estimatedSaving, String decision, String decisionReason, String decidedBy, Instant decidedAt,
    String unitStatus, String unitComment, Integer executedVcpu, Integer executedMemoryGb, BigDecimal executedDiskTb,
    String executionNote, String executedBy, Instant executedAt, BigDecimal realisedSaving) {

  public static String actionLabel(String action) {
    return switch (action) {
      case "SCALE_DOWN" -> "缩容";
      case "REVOKE" -> "撤销回收";
      case "SCALE_UP" -> "扩容";
      case "PLUGIN_ABNORMAL" -> "监控插件异常";
      default -> "保持";
    };
  }
}
