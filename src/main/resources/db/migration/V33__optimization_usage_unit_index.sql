-- The review writes each resource's cost and action by primary key (review_id, resource_id). The unit index began with
-- review_id too, and for a review just written the planner has no statistics of its review_id yet: PostgreSQL took
-- either index as "one row" and often chose the unit index, reading all 20,000 rows of the review for each of the
-- 20,000 updates (costing 81 s and classification 194 s at the city's scale after a year of reviews, against 0.4 s
-- and 2 s on a fresh database; OptimizationCandidatesBenchmark, issue 26). With unit_code first the unit index
-- cannot serve a lookup by review and resource, and still serves the per-unit figures of a review.
DROP INDEX ix_optimization_usage_unit;
CREATE INDEX ix_optimization_usage_unit ON optimization_usage (unit_code, review_id);
