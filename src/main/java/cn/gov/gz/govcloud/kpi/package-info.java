/**
 * KPI room: the evaluation figures of DB4401/T 294.3 7.3.2 and P6 Appendix B, computed from Camunda history and our
 * tables. Reads the feature tables; imports no feature class.
 */
package cn.gov.gz.govcloud.kpi;
