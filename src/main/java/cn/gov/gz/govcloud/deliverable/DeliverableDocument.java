package cn.gov.gz.govcloud.deliverable;

import java.time.Instant;

/**
 * One uploaded version of a deliverable and its approval. The file is in the report archive ({@code reportId}).
 *
 * @param status {@code PENDING} 待审批, {@code APPROVED} 已审批, {@code RETURNED} 退回, {@code WITHDRAWN} 已撤回
 */
public record DeliverableDocument(long id, int itemNo, String title, String period, String note, long reportId,
    int version, String fileName, long sizeBytes, String status, Long replacesId, String processInstanceId,
    String uploadedBy, Instant uploadedAt, String decidedBy, Instant decidedAt, String decisionReason) {

  public static final String PENDING = "PENDING";
  public static final String APPROVED = "APPROVED";
  public static final String RETURNED = "RETURNED";
  public static final String WITHDRAWN = "WITHDRAWN";

  /** The status in words. */
  public String statusLabel() {
    return label(status);
  }

  static String label(String status) {
    return switch (status) {
      case PENDING -> "待审批";
      case APPROVED -> "已审批";
      case RETURNED -> "退回";
      case WITHDRAWN -> "已撤回";
      default -> status;
    };
  }
}
