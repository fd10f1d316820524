package cn.gov.gz.govcloud.workorder;

import java.time.Instant;

/** A work order as stored and as our REST API shows it. */
record WorkOrder(
    long id,
    String orderNo,
    String processInstanceId,
    String unitCode,
    String businessSystemCode,
    String contactName,
    String contactPhone,
    WorkOrderType type,
    Priority priority,
    int serviceLevel,
    Channel channel,
    String sourceRef,
    String title,
    String description,
    Status status,
    String handlerGroup,
    Instant receivedAt,
    Instant dispatchDueAt,
    Instant dispatchedAt,
    Long recoverWithinSeconds,
    long pausedSeconds,
    Instant resolvedAt,
    Instant closedAt,
    String closeReason,
    int reopenCount,
    int escalationLevel,
    Integer satisfactionScore,
    String satisfactionComment,
    Long knowledgeArticleId,
    String emergencyRef,
    String createdBy,
    String serviceHours,
    Instant recoveryDueAt) {

  /** HIGH: business interrupted or data lost; MEDIUM: performance degraded; LOW: everything else (P3 5.3.2.7/8). */
  public enum Priority {
    HIGH, MEDIUM, LOW
  }

  /** How the order reached us (GB/T 34077.3 5.3.2 b). */
  public enum Channel {
    SERVICE_DESK, HOTLINE, PORTAL, MOBILE, MONITORING, INSPECTION, PROCESS
  }

  /** Where the order stands (GB/T 34077.3 5.3.2 f: response, dispatch, execution, feedback, evaluation). */
  public enum Status {
    RECEIVED, DISPATCHED, WAITING_USER, RESOLVED, EMERGENCY, CLOSED
  }

  /** 5×8 service (levels 3–4): deadlines and paused time count working time only. */
  public boolean workingHoursOnly() {
    return "5x8".equals(serviceHours);
  }
}
