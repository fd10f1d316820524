-- Using units (使用方) and their business systems: the master data every process refers to.
CREATE TABLE org_unit (
  code          VARCHAR(32)  NOT NULL PRIMARY KEY,
  name          VARCHAR(100) NOT NULL,
  contact_name  VARCHAR(50),
  contact_phone VARCHAR(30),
  email         VARCHAR(120),
  created_at    TIMESTAMP    NOT NULL,
  updated_at    TIMESTAMP    NOT NULL
);
CREATE UNIQUE INDEX ux_org_unit_name ON org_unit (name);

CREATE TABLE business_system (
  code          VARCHAR(32)  NOT NULL PRIMARY KEY,
  name          VARCHAR(100) NOT NULL,
  unit_code     VARCHAR(32)  NOT NULL REFERENCES org_unit (code),
  importance    VARCHAR(16)  NOT NULL,
  service_level INTEGER      NOT NULL CHECK (service_level BETWEEN 1 AND 4),
  created_at    TIMESTAMP    NOT NULL,
  updated_at    TIMESTAMP    NOT NULL
);
CREATE INDEX ix_business_system_unit ON business_system (unit_code);
