package cn.gov.gz.govcloud.drill;

import java.time.Instant;

/** A periodic review of a plan with the parties (P6 7.4.2.1.3); {@code result} NO_CHANGE or REVISE once held. */
public record PlanReview(long id, long planId, int planVersion, Instant dueAt, String processInstanceId,
    Instant startedAt, Instant reviewedAt, String reviewedBy, String participants, String result, String reason,
    Integer newVersion) {}
