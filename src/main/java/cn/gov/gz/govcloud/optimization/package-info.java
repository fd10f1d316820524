/**
 * Optimisation room (P6 7.5; P3 5.4 and Appendix C; billing rules P6 5.1.2 b): the price list and the settlement bill
 * of a period from the ledger, the {@code optimization-review} process with its statistics, cost efficiency, the
 * Appendix C candidates (decision {@code appendix-c-candidates}), management review, the per-unit confirmation and
 * execution that updates the ledger, and the follow-up of what was saved. Its own tables through
 * {@code OptimizationRepository}; {@code monitoring}, {@code ledger} and {@code organization} data through their
 * reporting views ({@code rv_*}); the ledger changed through {@code LedgerService}; never another feature room.
 */
package cn.gov.gz.govcloud.optimization;
