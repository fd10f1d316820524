package cn.gov.gz.govcloud.report;

import java.time.Instant;

/** An archived report: what it is about, its version and checksum (content is served separately). */
public record ReportDocument(long id, String kind, String subjectRef, String title, String processInstanceId,
    String unitCode, int version, String checksumSha256, String fileName, String contentType, String createdBy,
    Instant createdAt) {}
