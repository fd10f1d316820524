package cn.gov.gz.govcloud.emergency;

import java.time.Instant;

/**
 * What an emergency report carries (P6 7.4.2.3.1): system, category (INTERRUPTION, DATA_LOSS, DEGRADATION, SECURITY,
 * OTHER), description, source (MONITORING, HOTLINE, USER, INSPECTION, WORK_ORDER), reporter, contact, time detected,
 * scope, measures already taken, and the external alert id of a monitoring system.
 */
public record EmergencyIntake(String businessSystemCode, String category, String description, String source,
    String reporter, String contact, Instant detectedAt, String scope, String measuresTaken, String alertRef) {}
