-- name: API tokens: programs act as an account with a token in the Authorization header
-- Only the token's SHA-256 is kept; the token itself is shown once, when created.
CREATE TABLE api_tokens (
  id {{id}},
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  last_used_at TEXT,
  revoked_at TEXT
);
CREATE INDEX api_tokens_user ON api_tokens(user_id);
