/**
 * Monitoring room (P6 7.2.3.3; P3 Appendix B): metric ingestion, the Appendix B thresholds (decision
 * {@code monitoring-thresholds}), alerts that start {@code work-order} or {@code emergency-response} through the engine
 * by process key, aggregates with daily roll-ups, and the monitoring report. May use {@code ledger},
 * {@code organization} and the shared rooms; hands work to other processes only through the engine.
 */
package cn.gov.gz.govcloud.monitoring;
