/**
 * Contingency plans and emergency drills (P6 7.4.2.1, 7.4.2.2; GB/T 34077.3 8.2.7, 8.2.8): plans with their version
 * history and required drill frequency, the {@code emergency-drill} process's delegates (an emergency scenario runs
 * {@code emergency-response} in drill mode through a call activity), the daily reminder
 * ({@code emergency-drill-reminder}), the drill report, and REST. Uses shared rooms only; the emergency case a drill
 * ran is read through the emergency room's reporting views ({@code rv_emergency}, {@code rv_emergency_event}).
 */
package cn.gov.gz.govcloud.drill;
