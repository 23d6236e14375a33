-- name: documents of an answer replaced by their redacted version, with the original kept private
-- The public row of request_files then points to the redacted bytes; the
-- original's digest stays only here (its bytes in the file store, which
-- nothing public serves by digest).
CREATE TABLE request_file_redactions (
  id {{id}},
  request_id BIGINT NOT NULL REFERENCES information_requests(id),
  file_id BIGINT NOT NULL REFERENCES request_files(id),
  original_name TEXT NOT NULL,
  original_sha256 TEXT NOT NULL,
  original_size BIGINT NOT NULL,
  redacted_sha256 TEXT NOT NULL,
  reason TEXT NOT NULL,
  created_by BIGINT REFERENCES users(id),
  created_by_name TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX request_file_redactions_request ON request_file_redactions(request_id, id);
