/**
 * Important assurance (重要保障, DB4401/T 294.3 5.2.3; Part 6 7.3.3.1–7.3.3.4): the {@code assurance} process's
 * delegates (need confirmed with management, plan with the 7×24 watch rota, standby records per shift, summary and
 * its report), the service and REST. The rooms that run emergencies, work orders and resource applications are not
 * imported: an approved assurance is published as the reporting view {@code rv_assurance_active} (covered systems,
 * period, the plan's shortening factors) for them to read, and the summary reads their cases through
 * {@code rv_emergency}, {@code rv_work_order} and {@code rv_resource_application}.
 */
package cn.gov.gz.govcloud.assurance;
