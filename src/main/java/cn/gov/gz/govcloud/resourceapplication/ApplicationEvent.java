package cn.gov.gz.govcloud.resourceapplication;

import java.time.Instant;

/** One entry of an application's record (P6 7.2.2.6): CHECK results, decisions, corrections, delivery. */
record ApplicationEvent(String kind, String author, String text, Instant createdAt) {}
