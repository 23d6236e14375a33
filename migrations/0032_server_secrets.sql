-- name: server secrets: keys every server sharing the database signs with
-- Created on first use, never shown; private (no page, API, download or
-- data version sees them).
CREATE TABLE server_secrets (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  created_at TEXT NOT NULL
);
