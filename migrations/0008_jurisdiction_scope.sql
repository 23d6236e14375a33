-- name: jurisdiction scope and session documents
-- Accounts limited to one jurisdiction (its admins, its civil society), the
-- secretariat members who have an account here, and the documents of a
-- secretariat session (files kept like evidence: by SHA-256 in the file store).
ALTER TABLE users ADD COLUMN jurisdiction_id BIGINT REFERENCES jurisdictions(id);
CREATE INDEX users_jurisdiction ON users(jurisdiction_id);
ALTER TABLE secretariat_members ADD COLUMN user_id BIGINT REFERENCES users(id);
CREATE INDEX secretariat_members_user ON secretariat_members(user_id);
CREATE TABLE session_documents (
  id {{id}},
  session_id BIGINT NOT NULL REFERENCES secretariat_sessions(id),
  title TEXT NOT NULL,
  file_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  storage TEXT NOT NULL,
  added_by_name TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX session_documents_session ON session_documents(session_id);
