-- The recovery clock of an emergency (GB/T 34077.3 5.3.6: fault recovery within 2 h / 4 h / 8 h / 24 h by the
-- system's service level, decision service-level-targets): when service must be back, counted from detection, kept
-- across reopenings and taken over from the work order the case came from when that one is earlier.
ALTER TABLE emergency ADD COLUMN recovery_within_s BIGINT;
ALTER TABLE emergency ADD COLUMN recovery_due_at TIMESTAMP;

-- owner: emergency. The recovery deadline for the dashboard and the KPIs, added at the end.
CREATE OR REPLACE VIEW rv_emergency AS
SELECT e.id, e.emergency_no, e.process_instance_id, e.unit_code, u.name AS unit_name, e.business_system_code,
       s.name AS system_name, e.category, e.severity, e.service_hours, e.source, e.status, e.detected_at,
       e.received_at, e.response_within_s, e.response_due_at, e.responded_at, e.escalation_level, e.recovered_at,
       e.closed_at, e.drill, e.recovery_due_at
  FROM emergency e
  LEFT JOIN org_unit u ON u.code = e.unit_code
  LEFT JOIN business_system s ON s.code = e.business_system_code;
