-- name: the catalog's link checks and download counts
-- A link resource's last check: when, the HTTP status (0 when nothing
-- answered) and what went wrong. Downloads are counted in a private table,
-- so counting them does not make cached pages stale.
ALTER TABLE dataset_resources ADD COLUMN link_checked_at TEXT;
ALTER TABLE dataset_resources ADD COLUMN link_status INTEGER;
ALTER TABLE dataset_resources ADD COLUMN link_error TEXT NOT NULL DEFAULT '';
CREATE TABLE resource_downloads (
  resource_id BIGINT PRIMARY KEY REFERENCES dataset_resources(id) ON DELETE CASCADE,
  downloads BIGINT NOT NULL DEFAULT 0
);
