-- Work orders of 5×8 service levels (GB/T 34077.3 5.3.6 levels 3–4) count their deadlines in working time.
ALTER TABLE work_order ADD COLUMN service_hours VARCHAR(8) DEFAULT '7x24' NOT NULL;
ALTER TABLE work_order ADD COLUMN recovery_due_at TIMESTAMP;
