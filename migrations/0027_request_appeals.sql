-- name: appeals (recursos de revisión) against an answer or a missed deadline, and each jurisdiction's guarantor
-- One appeal per request, filed by its requester; its steps join the
-- request's public history (request_events). Dates are ISO days in the
-- jurisdiction's calendar; '' while a step has not happened.
CREATE TABLE request_appeals (
  id {{id}},
  number TEXT NOT NULL UNIQUE,
  request_id BIGINT NOT NULL UNIQUE REFERENCES information_requests(id),
  jurisdiction_id BIGINT NOT NULL REFERENCES jurisdictions(id),
  institution_id BIGINT NOT NULL REFERENCES institutions(id),
  ground TEXT NOT NULL,
  reasons TEXT NOT NULL,
  filed_at TEXT NOT NULL,
  received_on TEXT NOT NULL,
  filing_due_on TEXT NOT NULL,
  status TEXT NOT NULL,
  admitted_on TEXT NOT NULL DEFAULT '',
  allegations_due_on TEXT NOT NULL DEFAULT '',
  resolution_due_on TEXT NOT NULL DEFAULT '',
  extended INTEGER NOT NULL DEFAULT 0,
  result TEXT NOT NULL DEFAULT '',
  resolved_on TEXT NOT NULL DEFAULT '',
  resolved_late INTEGER NOT NULL DEFAULT 0,
  compliance_due_on TEXT NOT NULL DEFAULT '',
  compliance_reported_on TEXT NOT NULL DEFAULT '',
  compliance_late INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX request_appeals_jurisdiction ON request_appeals(jurisdiction_id, status, received_on);
CREATE INDEX request_appeals_institution ON request_appeals(institution_id, status);

-- The institution whose officials work a jurisdiction's appeals (its
-- guarantor: a transparency institute, or since 2025 the executive's
-- comptroller), chosen by an admin. Without one, the jurisdiction's admins do.
CREATE TABLE request_guarantors (
  jurisdiction_id BIGINT PRIMARY KEY REFERENCES jurisdictions(id),
  institution_id BIGINT NOT NULL REFERENCES institutions(id),
  updated_at TEXT NOT NULL
);

-- The parties' term for allegations once an appeal is admitted, a term the
-- regimes did not have yet: 7 business days in the 2025 law (art. 153 fr.
-- II, verified) and in the 2015 one (art. 150, not checked against the
-- official text); the state example keeps the same as the general law.
UPDATE request_regimes SET terms = substr(terms, 1, length(terms) - 1) || ',"appeal_allegations":{"value":7,"article":"153"}}'
 WHERE code = 'lgtaip-2025' AND terms NOT LIKE '%appeal_allegations%';
UPDATE request_regimes SET terms = substr(terms, 1, length(terms) - 1) || ',"appeal_allegations":{"value":7,"article":"150"}}'
 WHERE code = 'lgtaip-2015' AND terms NOT LIKE '%appeal_allegations%';
UPDATE request_regimes SET terms = substr(terms, 1, length(terms) - 1) || ',"appeal_allegations":{"value":7,"article":""}}'
 WHERE code = 'nayarit-ltaip' AND terms NOT LIKE '%appeal_allegations%';
