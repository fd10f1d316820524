package cn.gov.gz.govcloud.inspection;

import cn.gov.gz.govcloud.inspection.InspectionService.Scope;
import java.time.Instant;

/** One inspection: the quarterly full one (P3 5.1.3.2) or a special one with its scope and reason. */
public record Inspection(long id, String inspectionNo, Kind kind, String quarterKey, Scope scope, String reason,
    String processInstanceId, Status status, Instant dueAt, String plannedBy, String startedBy,
    Long reconciliationRunId, Long reportId, Instant escalatedAt, Instant createdAt, Instant checkedAt,
    Instant completedAt, Long addendumId, String requirementsBy, Instant requirementsAt) {

  public enum Kind {
    QUARTERLY("季度全面巡检"), SPECIAL("专项巡检");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** PLANNING → IN_PROGRESS (areas being inspected) → FOLLOW_UP (findings being fixed) → COMPLETED. */
  public enum Status {
    PLANNING, IN_PROGRESS, FOLLOW_UP, COMPLETED
  }
}
