/**
 * Resource application review (P6 7.2.2): the {@code resource-application-review} process's delegates, the
 * application record, the compliance check, delivery and ledger entries, and REST. Uses {@code ledger}.
 */
package cn.gov.gz.govcloud.resourceapplication;
