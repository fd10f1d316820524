/**
 * Security room: REST authentication, the admin-password guard, groups and their rights, unit isolation and the
 * mitigation of known 7.24 REST issues. May use {@code organization}.
 */
package cn.gov.gz.govcloud.security;
