-- name: personal data redacted from a request's public texts, with the original kept private
-- An official replaces a public text (the description, the location hint, a
-- step's note, an appeal's reasons) with a version whose personal data is
-- blacked out; the original stays only here, never on a page, in the API,
-- a download or the search index.
CREATE TABLE request_redactions (
  id {{id}},
  request_id BIGINT NOT NULL REFERENCES information_requests(id),
  target TEXT NOT NULL CHECK (target IN ('description', 'location_hint', 'event', 'appeal_reasons')),
  event_id BIGINT,
  original TEXT NOT NULL,
  redacted TEXT NOT NULL,
  reason TEXT NOT NULL,
  created_by BIGINT REFERENCES users(id),
  created_by_name TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX request_redactions_request ON request_redactions(request_id, id);
