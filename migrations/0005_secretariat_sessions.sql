-- name: secretariat sessions
CREATE TABLE secretariat_sessions (
  id {{id}},
  jurisdiction_id BIGINT NOT NULL REFERENCES jurisdictions(id),
  held_on TEXT NOT NULL,
  place TEXT NOT NULL,
  agenda TEXT NOT NULL,
  minutes TEXT NOT NULL DEFAULT '',
  attendance TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX secretariat_sessions_jurisdiction ON secretariat_sessions(jurisdiction_id, held_on);

CREATE TABLE session_agreements (
  id {{id}},
  session_id BIGINT NOT NULL REFERENCES secretariat_sessions(id),
  description TEXT NOT NULL,
  owner TEXT NOT NULL,
  due_on TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX session_agreements_session ON session_agreements(session_id);
