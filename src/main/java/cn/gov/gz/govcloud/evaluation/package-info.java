/**
 * Evaluation room (DB4401/T 294.3 chapter 7; GB/T 34077.3 5.3.7 e; P6 Appendix B, 7.6.2.5–7.6.2.6): the periodic
 * satisfaction survey of the using units ({@code satisfaction-survey}: one task per unit, reminders, 未答复 at the due
 * date), the evaluation of the provider for the period (the KPI figures of 7.3.2 from the kpi room's public
 * {@code KpiService}, the survey, the supervisor's or management's opinion) filed as the evaluation report, and the
 * feedback on archived reports ({@code report-feedback}). Its own tables through {@link SurveyService} and
 * {@link ReportFeedbackService}; units through {@code rv_org_unit}; reports through the shared {@code ReportArchive}.
 */
package cn.gov.gz.govcloud.evaluation;
