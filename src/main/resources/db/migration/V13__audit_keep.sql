-- Audit records that a user marks as important are kept beyond the retention period (GB/T 34077.3 8.4.3 f 4:
-- "经用户设定为重要的数据应长期保持"): who marked it, when and why. The nightly retention delete skips them.
ALTER TABLE audit_event ADD COLUMN kept_at TIMESTAMP;
ALTER TABLE audit_event ADD COLUMN kept_by VARCHAR(128);
ALTER TABLE audit_event ADD COLUMN keep_reason VARCHAR(200);
CREATE INDEX ix_audit_event_kept ON audit_event (kept_at);
