/**
 * Compliance room: the clause catalogue of the standards the product implements, the one parser for the ways models,
 * templates, code and tests cite a clause, and the compliance matrix (clause → where it is implemented → which test
 * proves it) that {@code docs/compliance.md} and the supervisor's read-only page show. The links themselves are
 * collected at build time by {@code ComplianceMatrixTest} into {@code compliance/links.tsv}. Imports no feature.
 */
package cn.gov.gz.govcloud.compliance;
