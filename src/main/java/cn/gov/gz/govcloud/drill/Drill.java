package cn.gov.gz.govcloud.drill;

import java.time.Instant;
import java.util.List;

/** A drill of one contingency plan (P6 7.4.2.2) with its schedule, scenario and result. */
record Drill(long id, String drillNo, long planId, String planNo, int planVersion, String unitCode,
    String processInstanceId, String trigger, String status, String organiser, String purpose, String scenarioType,
    String scenario, String businessSystemCode, String emergencyCategory, String steps, String precautions,
    Instant scheduledAt, Instant trainingDueAt, Instant heldAt, String result, String summary, String emergencyNo,
    Long reportId, Integer newPlanVersion, Instant createdAt, Instant closedAt) {

  public boolean open() {
    return closedAt == null;
  }

  /** A participant: training confirmed (or escalated for not confirming) and feedback given. */
  public record Participant(String userId, Instant confirmedAt, Instant escalatedAt, String observations,
      String problems, Instant feedbackAt) {}

  /** A stage with its times and the plan's target; {@code source} RECORDED by the organiser or EMERGENCY measured. */
  public record Stage(int seq, String stage, String source, Instant startedAt, Instant endedAt, Long targetSeconds,
      String note) {

    public long actualSeconds() {
      return java.time.Duration.between(startedAt, endedAt).toSeconds();
    }

    /** True within the target, false over it, null without a target. */
    public Boolean withinTarget() {
      return targetSeconds == null ? null : actualSeconds() <= targetSeconds;
    }
  }

  /** An improvement proposed by the drill with the plan owner's decision (ACCEPTED, REJECTED). */
  public record Improvement(long id, String proposedBy, String text, String decision, String reason,
      String decidedBy, Instant decidedAt, Integer planVersion) {}

  /** A drill with everything recorded about it. */
  public record Detail(Drill drill, List<Participant> participants, List<Stage> stages,
      List<Improvement> improvements) {}
}
