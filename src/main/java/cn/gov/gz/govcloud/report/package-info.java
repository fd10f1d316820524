/**
 * Report room: Word templates rendered with poi-tl ({@code report-templates/}, editable in Word or WPS, native
 * charts) and the versioned, checksummed archive every process files its reports in.
 */
package cn.gov.gz.govcloud.report;
