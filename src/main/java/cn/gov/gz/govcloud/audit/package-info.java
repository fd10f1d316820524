/**
 * Shared room: the audit trail. Who did what, when, from where and with what outcome, for every request that changes
 * something (engine REST, the webapps' engine API, our REST API), selected reads (report content, exports, the audit
 * log itself) and every login; searchable by supervisors, management and the administrator; kept per GB/T 34077.3
 * 8.4.3 f). Imports no feature room (only {@code access} and {@code web}, the shared ones).
 */
package cn.gov.gz.govcloud.audit;
