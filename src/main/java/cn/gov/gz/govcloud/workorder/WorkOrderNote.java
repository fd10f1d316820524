package cn.gov.gz.govcloud.workorder;

import java.time.Instant;

/** One entry of an order's history: PROGRESS, FEEDBACK, ESCALATION, USER (the user's answer), SYSTEM. */
record WorkOrderNote(String kind, String author, String text, Instant createdAt) {}
