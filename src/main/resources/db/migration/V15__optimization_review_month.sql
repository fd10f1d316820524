-- A scheduled (monthly) optimisation review is unique per month (issue 17 item 7): the month it covers, e.g. 2026-11,
-- is kept in month_key with a unique index, so running the schedule twice (or on two nodes) cannot make two reviews
-- of one month. On-demand reviews of a chosen period leave it empty.
ALTER TABLE optimization_review ADD COLUMN month_key VARCHAR(7);
CREATE UNIQUE INDEX ux_optimization_review_month ON optimization_review (month_key);
