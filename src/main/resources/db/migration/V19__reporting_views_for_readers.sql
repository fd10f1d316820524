-- Reporting views for the rooms that read other rooms' data (ARCHITECTURE "Data"): the KPIs and the service report
-- (kpi), reconciliation (ledger), the monitoring statistics (monitoring). Each view names the room that owns the table
-- under it; a reader selects from the view, never from the table (ArchitectureTest enforces it), so the owner may
-- change its table as long as the view keeps its columns. Columns are only ever added, at the end.

-- owner: workorder. The columns the KPIs read in addition (paused time of the resolution clock, reopenings).
CREATE OR REPLACE VIEW rv_work_order AS
SELECT w.id, w.order_no, w.process_instance_id, w.unit_code, u.name AS unit_name, w.business_system_code,
       s.name AS system_name, w.type, w.priority, w.service_level, w.channel, w.title, w.status, w.handler_group,
       w.received_at, w.dispatch_due_at, w.dispatched_at, w.recovery_due_at, w.resolved_at, w.closed_at,
       w.satisfaction_score, w.paused_s, w.reopen_count
  FROM work_order w
  LEFT JOIN org_unit u ON u.code = w.unit_code
  LEFT JOIN business_system s ON s.code = w.business_system_code;

-- owner: emergency. The timeline's feedback beats and their punctuality (P6 7.4.2.3.4: feedback every 30 minutes),
-- without the text.
CREATE VIEW rv_emergency_event AS
SELECT ev.id, ev.emergency_id, ev.kind, ev.due_at, ev.on_time, ev.created_at
  FROM emergency_event ev;

-- owner: organization. The using units and the business systems with their unit's name, importance and service level.
CREATE VIEW rv_org_unit AS
SELECT u.code, u.name
  FROM org_unit u;

CREATE VIEW rv_business_system AS
SELECT s.code, s.name, s.unit_code, u.name AS unit_name, s.importance, s.service_level
  FROM business_system s
  JOIN org_unit u ON u.code = s.unit_code;

-- owner: resourceapplication. The order lines with their application's unit and status (what reconciliation
-- compares the ledger with).
CREATE VIEW rv_application_line AS
SELECT al.application_id, al.line_no, al.type, al.quantity, ra.unit_code, ra.status AS application_status
  FROM application_line al
  JOIN resource_application ra ON ra.id = al.application_id;

-- owner: ledger. The resources of the latest inventory import (the platform's own list) with their utilisation.
CREATE VIEW rv_inventory_latest AS
SELECT i.resource_id, i.unit_code, i.type, i.cpu_util
  FROM inventory_item i
 WHERE i.import_id = (SELECT MAX(m.id) FROM inventory_import m);

-- owner: ledger. When each resource entered the ledger and last changed (settlement bills the days it existed).
CREATE OR REPLACE VIEW rv_ledger_resource AS
SELECT l.resource_id, l.unit_code, l.business_system_code, l.type, l.state, l.vcpu, l.memory_gb, l.disk_tb,
       l.powered_off_since, l.created_at, l.updated_at
  FROM ledger_resource l;

-- owner: monitoring. Utilisation per resource: the daily roll-ups and the raw samples not yet rolled up
-- (what the optimisation review measures idle and over-provisioned resources by).
CREATE VIEW rv_monitoring_daily AS
SELECT d.resource_id, d.sample_day, d.sample_count, d.cpu_sum, d.cpu_count, d.cpu_max, d.memory_sum,
       d.memory_count, d.memory_max, d.storage_sum, d.storage_count, d.storage_max, d.power_off_count
  FROM monitoring_daily d;

CREATE VIEW rv_monitoring_sample AS
SELECT m.resource_id, m.sampled_at, m.cpu_pct, m.memory_pct, m.storage_pct, m.power_on
  FROM monitoring_sample m;
