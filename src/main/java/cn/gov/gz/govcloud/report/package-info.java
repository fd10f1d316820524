/**
 * Report room: Word documents (Apache POI) and the versioned archive every process files its reports in. Template
 * documents that process owners edit and native charts come with the service report (see the report issue).
 */
package cn.gov.gz.govcloud.report;
