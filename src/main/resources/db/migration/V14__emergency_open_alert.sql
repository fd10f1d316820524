-- One open case per monitoring alert (issue 17 item 5), kept by the database rather than by check-then-insert:
-- open_alert_ref holds the alert reference while the case is open and is cleared when it closes. A unique index allows
-- any number of NULLs on H2 and PostgreSQL alike. Existing open duplicates keep only the newest case as the open one.
ALTER TABLE emergency ADD COLUMN open_alert_ref VARCHAR(128);

UPDATE emergency SET open_alert_ref = alert_ref
 WHERE alert_ref IS NOT NULL AND status <> 'CLOSED'
   AND id = (SELECT MAX(x.id) FROM emergency x WHERE x.alert_ref = emergency.alert_ref AND x.status <> 'CLOSED');

CREATE UNIQUE INDEX ux_emergency_open_alert ON emergency (open_alert_ref);
