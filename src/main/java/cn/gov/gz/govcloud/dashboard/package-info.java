/**
 * Operations visualisation (运营可视化, P6 7.2.4): the bureau's dashboard in the browser and the duty room's big screen.
 * Reads the reporting views the owning rooms publish ({@code rv_*}, migration V16) and the KPIs of the {@code kpi} room
 * (the same definitions and computation as {@code /api/kpis} and the documents); writes nothing. Served under the
 * webapps' API path with the Tasklist session; unit users see their own unit only, as on the REST API.
 */
package cn.gov.gz.govcloud.dashboard;
