package cn.gov.gz.govcloud.optimization;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A recommendation of a review for one resource (P3 5.4.4, Appendix C) with its evidence, management's decision, the
 * unit's answer and the execution. A resource has one recommendation per Appendix C row it matches; {@code target}
 * says what this one adjusts (CPU_MEMORY, CPU, MEMORY, STORAGE; ALL for a revocation; PLUGIN).
 */
public record Candidate(long id, long reviewId, String resourceId, String unitCode, String businessSystemCode,
    String type, String action, String target, String ruleLabel, String evidence, Integer vcpu, Integer memoryGb, BigDecimal diskTb,
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

  /** What a recommendation adjusts, as the forms and documents say it. */
  public static String targetLabel(String target) {
    return switch (target == null ? "" : target) {
      case "CPU_MEMORY" -> "vCPU 与内存";
      case "CPU" -> "vCPU";
      case "MEMORY" -> "内存";
      case "STORAGE" -> "存储";
      case "ALL" -> "整项资源";
      case "PLUGIN" -> "监控插件";
      default -> "—";
    };
  }

  /** The action with what it adjusts, e.g. 缩容（存储）; a revocation or plugin problem is said alone. */
  public String actionText() {
    return switch (action) {
      case "SCALE_DOWN", "SCALE_UP" -> actionLabel(action) + "（" + targetLabel(target) + "）";
      default -> actionLabel(action);
    };
  }
}
