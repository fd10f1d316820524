-- A work order may be a security incident (P6 7.4.1.5: network, cloud resource or data security): the desk marks it
-- at classification; the order's response report then carries the security incident report (description, handling,
-- result). NULL: not a security incident.
ALTER TABLE work_order ADD COLUMN security_category VARCHAR(20);
