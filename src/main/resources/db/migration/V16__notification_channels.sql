-- Paging channels beside mail (issue 27): every outbox row is delivered over one channel (MAIL, SMS, WECOM, the WeCom
-- application message to a person, or WECOM_ROBOT, a group chat's robot). address is where it goes: the mail address,
-- the mobile number, the WeCom user id, or the Camunda group whose robot posts it. Rows written before are mail.
ALTER TABLE notification ADD COLUMN channel VARCHAR(16) DEFAULT 'MAIL' NOT NULL;
ALTER TABLE notification ADD COLUMN address VARCHAR(200);
UPDATE notification SET address = email WHERE address IS NULL;
CREATE INDEX ix_notification_channel_due ON notification (channel, status, next_attempt_at);

-- How the service reaches a person besides mail: a mobile number for SMS and a WeCom (企业微信 / 粤政易) user id.
-- Camunda's user profile has no such fields; people without a row still get mail.
CREATE TABLE notification_contact (
  user_id        VARCHAR(64)  PRIMARY KEY,
  mobile         VARCHAR(20),
  wecom_user_id  VARCHAR(64),
  updated_at     TIMESTAMP    NOT NULL,
  updated_by     VARCHAR(64)  NOT NULL
);
