-- name: the steps a transparency unit takes on a request (clarification, extension, answer) and the requester's key
-- The response term counts from term_start_on (the day received, or the day
-- the requester answered a request to clarify) for the regime's days plus
-- extended_days.
ALTER TABLE information_requests ADD COLUMN term_start_on TEXT NOT NULL DEFAULT '';
UPDATE information_requests SET term_start_on = received_on;
ALTER TABLE information_requests ADD COLUMN extended_days INTEGER NOT NULL DEFAULT 0;
ALTER TABLE information_requests ADD COLUMN clarification_asked_on TEXT NOT NULL DEFAULT '';
ALTER TABLE information_requests ADD COLUMN clarification_due_on TEXT NOT NULL DEFAULT '';
ALTER TABLE information_requests ADD COLUMN outcome TEXT NOT NULL DEFAULT '';
ALTER TABLE information_requests ADD COLUMN answered_on TEXT NOT NULL DEFAULT '';
-- 1 when the answer or the notice of incompetence came after its term.
ALTER TABLE information_requests ADD COLUMN answered_late INTEGER NOT NULL DEFAULT 0;
-- A requester without an account acts on the request with a key given at
-- filing; only its hash is kept.
ALTER TABLE information_requests ADD COLUMN requester_key_hash TEXT NOT NULL DEFAULT '';
-- The day each institution's officials were last warned of the cases about
-- to fall due, so that the daily warning goes once a day whatever the number
-- of servers.
CREATE TABLE request_reminders (
  institution_id BIGINT NOT NULL,
  sent_on TEXT NOT NULL,
  PRIMARY KEY (institution_id, sent_on)
);
-- Rate limits kept in the database, so that every server counts the same
-- events: one row per counted event (a filing by an address, to an
-- institution), dropped once older than the longest window.
CREATE TABLE rate_events (
  subject TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX rate_events_subject ON rate_events(subject, at);
-- Files a unit attaches to a step (the documents of an answer), public like
-- the request; the bytes are in the file store under their SHA-256.
CREATE TABLE request_files (
  id {{id}},
  request_id BIGINT NOT NULL REFERENCES information_requests(id),
  event_kind TEXT NOT NULL,
  file_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  storage TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX request_files_request ON request_files(request_id, id);
