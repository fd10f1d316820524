/**
 * Work orders and the service desk (P6 7.3.1, 7.3.2): the {@code work-order} process's delegates, the order's data
 * and clocks, the knowledge base, statistics and REST. Other processes hand work to it through the engine (call
 * activity or a start by process key).
 */
package cn.gov.gz.govcloud.workorder;
