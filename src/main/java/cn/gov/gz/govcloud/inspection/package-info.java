/**
 * Inspection room: the {@code inspection} process (P6 7.2.3.1, 7.2.3.2; P3 5.1.3, Appendix A), its checklist templates
 * and machine rooms, findings handed to work orders through the engine, and the inspection report.
 */
package cn.gov.gz.govcloud.inspection;
