-- Reporting views (ARCHITECTURE "Data"): what the rooms that own these tables publish for readers, the operations
-- dashboard first. Each view names the room that owns the table under it; readers select from the view, never from
-- the table, so a room may change its table as long as its view keeps its columns. Views carry names instead of
-- codes where people read them, and never a document's or an attachment's content.

-- owner: emergency
CREATE VIEW rv_emergency AS
SELECT e.id, e.emergency_no, e.process_instance_id, e.unit_code, u.name AS unit_name, e.business_system_code,
       s.name AS system_name, e.category, e.severity, e.service_hours, e.source, e.status, e.detected_at,
       e.received_at, e.response_within_s, e.response_due_at, e.responded_at, e.escalation_level, e.recovered_at,
       e.closed_at, e.drill
  FROM emergency e
  LEFT JOIN org_unit u ON u.code = e.unit_code
  LEFT JOIN business_system s ON s.code = e.business_system_code;

-- owner: workorder
CREATE VIEW rv_work_order AS
SELECT w.id, w.order_no, w.process_instance_id, w.unit_code, u.name AS unit_name, w.business_system_code,
       s.name AS system_name, w.type, w.priority, w.service_level, w.channel, w.title, w.status, w.handler_group,
       w.received_at, w.dispatch_due_at, w.dispatched_at, w.recovery_due_at, w.resolved_at, w.closed_at,
       w.satisfaction_score
  FROM work_order w
  LEFT JOIN org_unit u ON u.code = w.unit_code
  LEFT JOIN business_system s ON s.code = w.business_system_code;

-- owner: monitoring
CREATE VIEW rv_monitoring_alert AS
SELECT a.id, a.alert_no, a.resource_id, a.unit_code, u.name AS unit_name, a.business_system_code,
       s.name AS system_name, a.resource_type, a.metric, a.problem, a.severity, a.lower_limit, a.upper_limit,
       a.worst_value, a.last_value, a.sample_count, a.first_seen_at, a.last_seen_at, a.status, a.closed_at,
       a.case_process_key, a.case_instance_id
  FROM monitoring_alert a
  LEFT JOIN org_unit u ON u.code = a.unit_code
  LEFT JOIN business_system s ON s.code = a.business_system_code;

-- owner: inspection (areas and findings counted per inspection)
CREATE VIEW rv_inspection AS
SELECT i.id, i.inspection_no, i.kind, i.quarter_key, i.status, i.due_at, i.process_instance_id, i.report_id,
       i.created_at, i.checked_at, i.completed_at,
       (SELECT COUNT(*) FROM inspection_area a WHERE a.inspection_id = i.id) AS areas,
       (SELECT COUNT(*) FROM inspection_area a WHERE a.inspection_id = i.id AND a.status = 'DONE') AS areas_done,
       (SELECT COUNT(*) FROM inspection_finding f WHERE f.inspection_id = i.id) AS findings,
       (SELECT COUNT(*) FROM inspection_finding f WHERE f.inspection_id = i.id
           AND f.status IN ('OPEN', 'FOLLOWING')) AS findings_open
  FROM inspection i;

-- owner: inspection
CREATE VIEW rv_inspection_finding AS
SELECT f.id, f.finding_no, f.inspection_id, i.inspection_no, f.title, f.severity, f.unit_code, u.name AS unit_name,
       f.status, f.case_key, f.case_instance_id, f.created_at, f.closed_at
  FROM inspection_finding f
  JOIN inspection i ON i.id = f.inspection_id
  LEFT JOIN org_unit u ON u.code = f.unit_code;

-- owner: ledger
CREATE VIEW rv_ledger_resource AS
SELECT l.resource_id, l.unit_code, l.business_system_code, l.type, l.state, l.vcpu, l.memory_gb, l.disk_tb,
       l.powered_off_since
  FROM ledger_resource l;

-- owner: resourceapplication
CREATE VIEW rv_resource_application AS
SELECT r.id, r.application_no, r.process_instance_id, r.unit_code, u.name AS unit_name, r.business_system_code,
       s.name AS system_name, r.urgency, r.status, r.created_at, r.closed_at
  FROM resource_application r
  LEFT JOIN org_unit u ON u.code = r.unit_code
  LEFT JOIN business_system s ON s.code = r.business_system_code;

-- owner: optimization. The reviews whose statistics are done (what the two optimisation reports are made of).
CREATE VIEW rv_optimization_review AS
SELECT r.id, r.review_no, r.process_instance_id, r.period_from, r.period_to, r.status, r.resources, r.total_cost,
       r.candidates, r.statistics_report_id, r.efficiency_report_id, r.created_at, r.closed_at
  FROM optimization_review r
 WHERE r.resources IS NOT NULL;

-- owner: optimization. A review's usage and cost per resource, in the terms the statistics and efficiency reports sum
-- them: utilisation weighted by the allocation of the resources that have monitoring data (used = allocation ×
-- average utilisation, measured = the allocation of those with data), idle = the Appendix C decision classified the
-- resource scale-down or revoke. Readers sum the columns (per unit, per type) with the review's id, which the table's
-- index serves.
CREATE VIEW rv_optimization_usage AS
SELECT o.review_id, o.resource_id, o.unit_code, o.business_system_code, o.type,
       COALESCE(o.vcpu, 0) AS vcpu,
       CASE WHEN o.cpu_avg IS NULL THEN 0 ELSE COALESCE(o.vcpu, 0) * o.cpu_avg / 100 END AS used_vcpu,
       CASE WHEN o.cpu_avg IS NULL THEN 0 ELSE COALESCE(o.vcpu, 0) END AS measured_vcpu,
       COALESCE(o.memory_gb, 0) AS memory_gb,
       CASE WHEN o.memory_avg IS NULL THEN 0 ELSE COALESCE(o.memory_gb, 0) * o.memory_avg / 100 END AS used_memory_gb,
       CASE WHEN o.memory_avg IS NULL THEN 0 ELSE COALESCE(o.memory_gb, 0) END AS measured_memory_gb,
       COALESCE(o.disk_tb, 0) AS disk_tb,
       CASE WHEN o.storage_avg IS NULL THEN 0 ELSE COALESCE(o.disk_tb, 0) * o.storage_avg / 100 END AS used_disk_tb,
       CASE WHEN o.storage_avg IS NULL THEN 0 ELSE COALESCE(o.disk_tb, 0) END AS measured_disk_tb,
       o.cost,
       CASE WHEN o.action IN ('SCALE_DOWN', 'REVOKE') THEN 1 ELSE 0 END AS idle,
       CASE WHEN o.action IN ('SCALE_DOWN', 'REVOKE') THEN o.cost ELSE 0 END AS idle_cost
  FROM optimization_usage o;

-- owner: optimization
CREATE VIEW rv_optimization_candidate AS
SELECT c.id, c.review_id, c.resource_id, c.unit_code, u.name AS unit_name, c.business_system_code,
       s.name AS system_name, c.type, c.action, c.rule_label, c.evidence, c.monthly_cost, c.estimated_saving,
       c.decision, c.unit_status, c.executed_at
  FROM optimization_candidate c
  LEFT JOIN org_unit u ON u.code = c.unit_code
  LEFT JOIN business_system s ON s.code = c.business_system_code;

-- owner: report (the archive without the documents' content)
CREATE VIEW rv_report_document AS
SELECT d.id, d.kind, d.subject_ref, d.title, d.process_instance_id, d.unit_code, d.version, d.file_name,
       d.created_by, d.created_at
  FROM report_document d;

-- owner: drill
CREATE VIEW rv_contingency_plan AS
SELECT p.id, p.plan_no, p.title, p.plan_type, p.unit_code, u.name AS unit_name, p.business_system_code,
       s.name AS system_name, p.owner, p.status, p.last_drilled_at, p.created_at
  FROM contingency_plan p
  LEFT JOIN org_unit u ON u.code = p.unit_code
  LEFT JOIN business_system s ON s.code = p.business_system_code;

-- owner: drill
CREATE VIEW rv_drill AS
SELECT d.id, d.drill_no, d.plan_id, d.process_instance_id, d.status, d.scheduled_at, d.held_at, d.report_id,
       d.created_at, d.closed_at
  FROM drill d;
