-- name: foundation
CREATE TABLE jurisdictions (
  id {{id}},
  code TEXT NOT NULL UNIQUE,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('federal', 'state', 'municipality')),
  parent_id BIGINT REFERENCES jurisdictions(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX jurisdictions_parent ON jurisdictions(parent_id);

CREATE TABLE institutions (
  id {{id}},
  jurisdiction_id BIGINT NOT NULL REFERENCES jurisdictions(id),
  slug TEXT NOT NULL,
  name TEXT NOT NULL,
  acronym TEXT NOT NULL DEFAULT '',
  website TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (jurisdiction_id, slug)
);

CREATE TABLE users (
  id {{id}},
  email TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'official', 'civil_society', 'citizen')),
  institution_id BIGINT REFERENCES institutions(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE password_resets (
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
);

CREATE TABLE login_failures (
  id {{id}},
  subject TEXT NOT NULL,
  failed_at TEXT NOT NULL
);
CREATE INDEX login_failures_subject ON login_failures(subject, failed_at);

CREATE TABLE outbox (
  id {{id}},
  recipient TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  sent_at TEXT
);

CREATE TABLE audit_log (
  seq BIGINT PRIMARY KEY,
  occurred_at TEXT NOT NULL,
  actor_id BIGINT,
  actor_label TEXT NOT NULL,
  actor_role TEXT NOT NULL,
  action TEXT NOT NULL,
  entity_kind TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  jurisdiction_id BIGINT,
  is_public INTEGER NOT NULL,
  before_json TEXT,
  after_json TEXT,
  previous_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_public ON audit_log(is_public, seq);

CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  last_seq BIGINT NOT NULL,
  last_hash TEXT NOT NULL
);
INSERT INTO audit_head (id, last_seq, last_hash) VALUES (1, 0, '');

CREATE TABLE search_documents (
  id {{id}},
  kind TEXT NOT NULL,
  ref_id BIGINT NOT NULL,
  jurisdiction_id BIGINT,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  UNIQUE (kind, ref_id)
);
