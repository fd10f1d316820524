/**
 * Notification room: the outbox, mail delivery with retries, de-duplication, and the task notices every model gets.
 * Imports no feature.
 */
package cn.gov.gz.govcloud.notification;
