/**
 * Emergency response (P6 7.4.2.3; P3 5.3.2): the {@code emergency-response} process's delegates, the case with its
 * response and feedback clocks and timeline, the response report, and REST. Uses {@code sla} and {@code report}.
 */
package cn.gov.gz.govcloud.emergency;
