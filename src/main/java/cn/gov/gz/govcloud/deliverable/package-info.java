/**
 * Deliverables room (DB4401/T 294.3 附录 D 表 D.1, 5.5.2, 6.3.2; P6 7.6.2): the register of the 24 deliverable
 * documents ({@link DeliverableRegister}: who produces each, how often, its latest version and approval, due or
 * overdue), the catalogue in configuration ({@link DeliverableProperties}), the documents the provider uploads and
 * management approves in Tasklist ({@code deliverable-approval}) and the final service summary report
 * ({@code service-summary-report}, {@link ServiceSummaryReport}). Its own table {@code deliverable_document}; the
 * generated documents through the report room's {@code rv_report_document}, live records through the owners' views
 * and REST lists; KPI figures from the kpi room's public {@code KpiService}, as the evaluation room does.
 */
package cn.gov.gz.govcloud.deliverable;
