package cn.gov.gz.govcloud.emergency;

import java.time.Instant;

/**
 * One entry of the case's timeline: ACTION, UPDATE, ESCALATION, FEEDBACK (a beat: due, sent, on time or not),
 * OCCURRENCE (the same alert again), RESPONSE, RECOVERY, VERIFY, REOPEN, PLAN, NOTE (a system remark).
 */
record EmergencyEvent(String kind, String author, String text, Instant dueAt, Boolean onTime,
    Instant createdAt) {}
