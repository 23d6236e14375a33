-- name: delivery of outgoing messages by SMTP
-- Each message of the outbox keeps how its delivery went: the attempts made,
-- the last error, and when the next attempt is due (NULL: due now, unless
-- the attempts ran out). sent_at stays NULL until a server accepted it.
ALTER TABLE outbox ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN last_error TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN next_attempt_at TEXT;
CREATE INDEX outbox_unsent ON outbox(id) WHERE sent_at IS NULL;
