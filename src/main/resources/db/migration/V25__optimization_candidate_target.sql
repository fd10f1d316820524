-- Every Appendix C row a resource matches is a recommendation of its own (the decision's hit policy is COLLECT): an
-- idle VM may get a scale-down of vCPU and memory and a scale-down of its disk-array space, each reviewed, confirmed
-- and executed alone. A candidate therefore names what it adjusts (target: CPU_MEMORY, CPU, MEMORY, STORAGE, ALL for a
-- revocation, PLUGIN), and a resource has at most one candidate per action and target in a review.
ALTER TABLE optimization_candidate ADD COLUMN target VARCHAR(12);

UPDATE optimization_candidate SET target = CASE
    WHEN action = 'REVOKE' THEN 'ALL'
    WHEN action = 'PLUGIN_ABNORMAL' THEN 'PLUGIN'
    WHEN action = 'SCALE_DOWN' AND COALESCE(proposed_vcpu, -1) = COALESCE(vcpu, -1)
         AND COALESCE(proposed_memory_gb, -1) = COALESCE(memory_gb, -1) THEN 'STORAGE'
    WHEN action = 'SCALE_DOWN' THEN 'CPU_MEMORY'
    WHEN action = 'SCALE_UP' AND COALESCE(proposed_vcpu, -1) <> COALESCE(vcpu, -1) THEN 'CPU'
    WHEN action = 'SCALE_UP' AND COALESCE(proposed_memory_gb, -1) <> COALESCE(memory_gb, -1) THEN 'MEMORY'
    WHEN action = 'SCALE_UP' THEN 'STORAGE'
    ELSE 'ALL' END;

ALTER TABLE optimization_candidate ALTER COLUMN target SET NOT NULL;

DROP INDEX ux_optimization_candidate;
CREATE UNIQUE INDEX ux_optimization_candidate ON optimization_candidate (review_id, resource_id, action, target);
