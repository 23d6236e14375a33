-- name: OCDS import jobs
-- OCDS files uploaded through the portal are imported in the background, one
-- at a time: each upload is a job whose file waits in the upload folder. A job
-- left running by a stopped server is queued again at the next start (its
-- batches already stored count then as duplicates).
CREATE TABLE ocds_import_jobs (
  id {{id}},
  file_name TEXT NOT NULL,
  stored_path TEXT NOT NULL,
  size_bytes BIGINT NOT NULL,
  jurisdiction_id BIGINT REFERENCES jurisdictions(id),
  requested_by BIGINT REFERENCES users(id),
  requested_by_name TEXT NOT NULL,
  requested_role TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
  starts INTEGER NOT NULL DEFAULT 0,
  imported BIGINT NOT NULL DEFAULT 0,
  duplicates BIGINT NOT NULL DEFAULT 0,
  rejected BIGINT NOT NULL DEFAULT 0,
  processes BIGINT NOT NULL DEFAULT 0,
  problems_total BIGINT NOT NULL DEFAULT 0,
  problems TEXT NOT NULL DEFAULT '[]',
  error TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  started_at TEXT,
  finished_at TEXT
);
CREATE INDEX ocds_import_jobs_status ON ocds_import_jobs(status, id);
