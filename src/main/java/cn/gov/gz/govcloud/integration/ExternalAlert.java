package cn.gov.gz.govcloud.integration;

import java.time.Instant;
import java.util.Map;

/**
 * One alert of an external system, whatever its format: its id there (Alertmanager fingerprint, Zabbix problem event
 * id), firing or resolved, a name, its labels (Zabbix: tags plus {@code host} and {@code severity}), the texts it
 * carries, when it started and ended, and a link back to it.
 */
record ExternalAlert(String externalId, boolean firing, String name, Map<String, String> labels, String summary,
    String description, Instant startsAt, Instant endsAt, String url) {}
