package cn.gov.gz.govcloud.workorder;

import java.time.Instant;

/** A file attached to a work order (screenshots, logs); content is served separately. */
record WorkOrderAttachment(long id, String fileName, String contentType, long sizeBytes, String uploadedBy,
    Instant uploadedAt) {}
