package cn.gov.gz.govcloud.workorder;

import java.time.Instant;

/** A period in which the order waited on the user, with its reason; open while {@code endedAt} is null. */
record WorkOrderPause(String reason, Instant startedAt, Instant endedAt) {}
