/** Shared room: the error shape of our REST endpoints. Imports no feature. */
package cn.gov.gz.govcloud.web;
