-- name: evidence
CREATE TABLE stored_files (
  sha256 TEXT PRIMARY KEY,
  size BIGINT NOT NULL,
  content_base64 TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE evidence (
  id {{id}},
  milestone_id BIGINT NOT NULL REFERENCES milestones(id),
  kind TEXT NOT NULL CHECK (kind IN ('file', 'link')),
  title TEXT NOT NULL,
  url TEXT NOT NULL DEFAULT '',
  file_name TEXT NOT NULL DEFAULT '',
  content_type TEXT NOT NULL DEFAULT '',
  size BIGINT NOT NULL DEFAULT 0,
  sha256 TEXT NOT NULL DEFAULT '',
  storage TEXT NOT NULL DEFAULT '',
  added_by_name TEXT NOT NULL,
  validation TEXT NOT NULL DEFAULT 'pending' CHECK (validation IN ('pending', 'validated', 'contested')),
  validation_comment TEXT NOT NULL DEFAULT '',
  validated_by_name TEXT NOT NULL DEFAULT '',
  validated_at TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX evidence_milestone ON evidence(milestone_id);
