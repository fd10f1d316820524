/**
 * Ledger room (台账): resources entered from delivered orders, the inventory data connection (P6 7.2.1), and the
 * order ↔ ledger ↔ actual reconciliation. May use {@code organization} and {@code notification}.
 */
package cn.gov.gz.govcloud.ledger;
