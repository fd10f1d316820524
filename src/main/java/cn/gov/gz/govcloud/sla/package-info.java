/**
 * SLA room: the mainland-China working-day calendar as data, and working-day arithmetic for deadlines. Imports no
 * feature.
 */
package cn.gov.gz.govcloud.sla;
