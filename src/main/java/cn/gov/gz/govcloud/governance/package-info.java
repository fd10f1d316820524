/**
 * Governance room (服务管理：培训、管理规范与安全管理记录; DB4401/T 294.6 7.6.3, 7.6.1, 7.4.1.2, 7.4.1.3 b–c): trainings with their
 * need, plan, session, attendees' feedback, summary and the training record ({@code training}); the roster of the
 * provider's operations staff with the confidentiality pledge signed at joining and leaving ({@code staff-pledge});
 * the periodic security awareness and operation assessment with retakes and its record
 * ({@code security-assessment}, {@code security-assessment-schedule}); the management norms with their versions and
 * reviews (P6 7.6.1, 7.4.1.2: {@code norm-review}, {@code norm-review-schedule}). Its own tables through
 * {@link cn.gov.gz.govcloud.governance.TrainingService}, {@link cn.gov.gz.govcloud.governance.StaffService},
 * {@link cn.gov.gz.govcloud.governance.AssessmentService} and {@link cn.gov.gz.govcloud.governance.NormService};
 * documents through the shared {@code ReportArchive}.
 */
package cn.gov.gz.govcloud.governance;
