package cn.gov.gz.govcloud.assurance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An important assurance (P6 7.3.3): the event, its period, manner and targets as confirmed with management, the plan
 * with the factors by which it shortens the clocks in its scope, and the summary.
 */
record Assurance(long id, String assuranceNo, String processInstanceId, String eventName, String kind,
    Instant periodFrom, Instant periodTo, String manner, String targets, String requestedBy, String status,
    String needDecidedBy, Instant needDecidedAt, String needComment, String planText, String reserveResources,
    String contingencyPlans, BigDecimal responseFactor, BigDecimal applicationFactor, String plannedBy,
    int planRounds, String approvedBy, Instant approvedAt, String approvalComment, String summary, String issues,
    String improvements, String summaryBy, Long reportId, Instant createdAt, Instant closedAt) {

  /** The occasions of P3 5.2.3. */
  static final Map<String, String> KINDS = Map.of("MAJOR_EVENT", "重大活动", "HOLIDAY", "重要节假日",
      "PUBLIC_EMERGENCY", "突发性公共事件", "DISASTER", "自然灾害");
  static final Map<String, String> MANNERS = Map.of("ONSITE", "现场值守", "REMOTE", "远程值守",
      "BOTH", "现场值守与远程值守结合");
  static final Map<String, String> STATUSES = Map.ofEntries(Map.entry("REQUESTED", "待管理方确认需求"),
      Map.entry("REJECTED", "管理方未确认需求"), Map.entry("PLANNING", "制定保障方案"), Map.entry("APPROVAL", "方案待审批"),
      Map.entry("SCHEDULED", "待保障期开始"), Map.entry("ACTIVE", "保障中"), Map.entry("SUMMARY", "编写保障总结"),
      Map.entry("CONFIRMATION", "总结待管理方确认"), Map.entry("CLOSED", "已完成"));

  /** A factor as people write it: 0.5, not 0.50. */
  static String factor(java.math.BigDecimal f) {
    return f == null ? "—" : f.stripTrailingZeros().toPlainString();
  }

  public String kindLabel() {
    return KINDS.getOrDefault(kind, kind);
  }

  public String mannerLabel() {
    return manner == null ? "—" : MANNERS.getOrDefault(manner, manner);
  }

  public String statusLabel() {
    return STATUSES.getOrDefault(status, status);
  }

  /** A covered business system and its unit. */
  public record Scope(String businessSystemCode, String unitCode) {}

  /** One shift of the 7×24 watch rota and its standby record (值守记录). */
  public record Shift(long id, int seq, Instant startsAt, Instant endsAt, List<String> watchers, String contact,
      String situation, String note, String handover, String recordedBy, Instant recordedAt, Instant remindedAt,
      boolean missed) {

    public boolean recorded() {
      return recordedAt != null;
    }
  }

  /** An assurance with its scope and rota. */
  public record Detail(Assurance assurance, List<Scope> scope, List<Shift> shifts) {}
}
