-- The mainland-China working-day calendar (State Council notices): statutory days off and make-up working days.
-- Any other Monday–Friday is a working day, any other Saturday/Sunday is not. One year is loaded at a time as data
-- (PUT /api/calendar/{year}); a year with no row in calendar_year is "not published yet".
CREATE TABLE calendar_year (
  cal_year     INTEGER      NOT NULL PRIMARY KEY,
  source       VARCHAR(200) NOT NULL,
  loaded_by    VARCHAR(64)  NOT NULL,
  loaded_at    TIMESTAMP    NOT NULL
);

CREATE TABLE calendar_day (
  cal_date     DATE         NOT NULL PRIMARY KEY,
  kind         VARCHAR(10)  NOT NULL CHECK (kind IN ('HOLIDAY', 'WORKDAY')),
  name         VARCHAR(50)
);

INSERT INTO calendar_year (cal_year, source, loaded_by, loaded_at) VALUES
  (2025, '国务院办公厅关于2025年部分节假日安排的通知', 'migration', CURRENT_TIMESTAMP),
  (2026, '国务院办公厅关于2026年部分节假日安排的通知', 'migration', CURRENT_TIMESTAMP);

INSERT INTO calendar_day (cal_date, kind, name) VALUES
  ('2025-01-01', 'HOLIDAY', '元旦'),
  ('2025-01-28', 'HOLIDAY', '春节'), ('2025-01-29', 'HOLIDAY', '春节'), ('2025-01-30', 'HOLIDAY', '春节'),
  ('2025-01-31', 'HOLIDAY', '春节'), ('2025-02-01', 'HOLIDAY', '春节'), ('2025-02-02', 'HOLIDAY', '春节'),
  ('2025-02-03', 'HOLIDAY', '春节'), ('2025-02-04', 'HOLIDAY', '春节'),
  ('2025-04-04', 'HOLIDAY', '清明节'), ('2025-04-05', 'HOLIDAY', '清明节'), ('2025-04-06', 'HOLIDAY', '清明节'),
  ('2025-05-01', 'HOLIDAY', '劳动节'), ('2025-05-02', 'HOLIDAY', '劳动节'), ('2025-05-03', 'HOLIDAY', '劳动节'),
  ('2025-05-04', 'HOLIDAY', '劳动节'), ('2025-05-05', 'HOLIDAY', '劳动节'),
  ('2025-05-31', 'HOLIDAY', '端午节'), ('2025-06-01', 'HOLIDAY', '端午节'), ('2025-06-02', 'HOLIDAY', '端午节'),
  ('2025-10-01', 'HOLIDAY', '国庆节、中秋节'), ('2025-10-02', 'HOLIDAY', '国庆节、中秋节'),
  ('2025-10-03', 'HOLIDAY', '国庆节、中秋节'), ('2025-10-04', 'HOLIDAY', '国庆节、中秋节'),
  ('2025-10-05', 'HOLIDAY', '国庆节、中秋节'), ('2025-10-06', 'HOLIDAY', '国庆节、中秋节'),
  ('2025-10-07', 'HOLIDAY', '国庆节、中秋节'), ('2025-10-08', 'HOLIDAY', '国庆节、中秋节'),
  ('2025-01-26', 'WORKDAY', '春节调休'), ('2025-02-08', 'WORKDAY', '春节调休'),
  ('2025-04-27', 'WORKDAY', '劳动节调休'), ('2025-09-28', 'WORKDAY', '国庆节调休'),
  ('2025-10-11', 'WORKDAY', '国庆节调休'),
  ('2026-01-01', 'HOLIDAY', '元旦'), ('2026-01-02', 'HOLIDAY', '元旦'), ('2026-01-03', 'HOLIDAY', '元旦'),
  ('2026-02-15', 'HOLIDAY', '春节'), ('2026-02-16', 'HOLIDAY', '春节'), ('2026-02-17', 'HOLIDAY', '春节'),
  ('2026-02-18', 'HOLIDAY', '春节'), ('2026-02-19', 'HOLIDAY', '春节'), ('2026-02-20', 'HOLIDAY', '春节'),
  ('2026-02-21', 'HOLIDAY', '春节'), ('2026-02-22', 'HOLIDAY', '春节'), ('2026-02-23', 'HOLIDAY', '春节'),
  ('2026-04-04', 'HOLIDAY', '清明节'), ('2026-04-05', 'HOLIDAY', '清明节'), ('2026-04-06', 'HOLIDAY', '清明节'),
  ('2026-05-01', 'HOLIDAY', '劳动节'), ('2026-05-02', 'HOLIDAY', '劳动节'), ('2026-05-03', 'HOLIDAY', '劳动节'),
  ('2026-05-04', 'HOLIDAY', '劳动节'), ('2026-05-05', 'HOLIDAY', '劳动节'),
  ('2026-06-19', 'HOLIDAY', '端午节'), ('2026-06-20', 'HOLIDAY', '端午节'), ('2026-06-21', 'HOLIDAY', '端午节'),
  ('2026-09-25', 'HOLIDAY', '中秋节'), ('2026-09-26', 'HOLIDAY', '中秋节'), ('2026-09-27', 'HOLIDAY', '中秋节'),
  ('2026-10-01', 'HOLIDAY', '国庆节'), ('2026-10-02', 'HOLIDAY', '国庆节'), ('2026-10-03', 'HOLIDAY', '国庆节'),
  ('2026-10-04', 'HOLIDAY', '国庆节'), ('2026-10-05', 'HOLIDAY', '国庆节'), ('2026-10-06', 'HOLIDAY', '国庆节'),
  ('2026-10-07', 'HOLIDAY', '国庆节'),
  ('2026-01-04', 'WORKDAY', '元旦调休'), ('2026-02-14', 'WORKDAY', '春节调休'), ('2026-02-28', 'WORKDAY', '春节调休'),
  ('2026-05-09', 'WORKDAY', '劳动节调休'), ('2026-09-20', 'WORKDAY', '中秋节调休'),
  ('2026-10-10', 'WORKDAY', '国庆节调休');
