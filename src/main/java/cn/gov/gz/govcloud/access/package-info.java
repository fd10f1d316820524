/**
 * Shared room: who is calling and which party they belong to. Imports no feature.
 */
package cn.gov.gz.govcloud.access;
