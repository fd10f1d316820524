-- The hours of the system's service level (GB/T 34077.3 5.3.6: levels 1–2 7×24, levels 3–4 5×8), on which the
-- recovery and on-site clocks count, whatever calendar the case's response clock follows (P3 5.3.2.7/5.3.2.8).
ALTER TABLE emergency ADD COLUMN level_hours VARCHAR(8);

-- The on-site clock of an emergency (GB/T 34077.3 5.3.6 人员到场时间: level 1 resident, level 2 within 2 h, level 3
-- within 6 h, level 4 the next working day, decision service-level-targets): by when staff must be on site if the
-- handling needs presence, counted from detection, and when they arrived (the first 人员到场 or 现场值守 action).
ALTER TABLE emergency ADD COLUMN on_site_within_s BIGINT;
ALTER TABLE emergency ADD COLUMN on_site_due_at TIMESTAMP;
ALTER TABLE emergency ADD COLUMN on_site_at TIMESTAMP;
