/**
 * Integration room: alerts in the formats of other systems (Prometheus Alertmanager webhooks, Zabbix webhook media
 * types), authenticated by a token per integration, mapped by labels to business systems, categories and case kinds,
 * and handed to {@code emergency-response} or {@code work-order} through the engine, where the same start rules and
 * de-duplication apply as to our own intake. Uses {@code access}, {@code engine}, {@code organization},
 * {@code notification} and {@code web}; reaches the case rooms only through the engine and {@code engine.CaseNotes}.
 */
package cn.gov.gz.govcloud.integration;
