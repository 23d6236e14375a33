-- name: budget execution
-- Budget execution: lines of each jurisdiction's expenditure budget by year
-- with the six accounting moments, and manual links from contracting
-- processes to lines (the automatic link is planning.budget.id = line_key).
CREATE TABLE budget_lines (
  id {{id}},
  jurisdiction_id BIGINT NOT NULL REFERENCES jurisdictions(id),
  year INTEGER NOT NULL,
  line_key TEXT NOT NULL,
  institution TEXT NOT NULL,
  institution_id BIGINT REFERENCES institutions(id),
  description TEXT NOT NULL DEFAULT '',
  program TEXT NOT NULL DEFAULT '',
  spending_object TEXT NOT NULL DEFAULT '',
  funding_source TEXT NOT NULL DEFAULT '',
  approved DOUBLE PRECISION NOT NULL,
  modified DOUBLE PRECISION NOT NULL,
  committed DOUBLE PRECISION NOT NULL,
  accrued DOUBLE PRECISION NOT NULL,
  exercised DOUBLE PRECISION NOT NULL,
  paid DOUBLE PRECISION NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (jurisdiction_id, year, line_key)
);
CREATE INDEX budget_lines_institution ON budget_lines(jurisdiction_id, year, institution);
CREATE TABLE budget_line_links (
  budget_line_id BIGINT NOT NULL REFERENCES budget_lines(id) ON DELETE CASCADE,
  ocid TEXT NOT NULL,
  linked_by_name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (budget_line_id, ocid)
);
CREATE INDEX budget_line_links_ocid ON budget_line_links(ocid);
CREATE INDEX contracting_processes_budget ON contracting_processes(jurisdiction_id, budget_id);
