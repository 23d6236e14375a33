-- name: the in-site inbox: each account reads there the messages sent to its address
-- A message is also an inbox entry unless it is meant for e-mail only (a
-- password-reset link); read_at says when its reader marked it read.
ALTER TABLE outbox ADD COLUMN read_at TEXT;
ALTER TABLE outbox ADD COLUMN in_inbox INTEGER NOT NULL DEFAULT 1;
UPDATE outbox SET in_inbox = 0 WHERE body LIKE '%/contrasena/restablecer?token=%';
CREATE INDEX outbox_inbox ON outbox(recipient, id);
