-- name: action plans
CREATE TABLE secretariat_members (
  id {{id}},
  jurisdiction_id BIGINT NOT NULL REFERENCES jurisdictions(id),
  name TEXT NOT NULL,
  sector TEXT NOT NULL CHECK (sector IN ('government', 'civil_society', 'guarantor')),
  organization TEXT NOT NULL,
  position TEXT NOT NULL DEFAULT '',
  starts_on TEXT NOT NULL,
  ends_on TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX secretariat_members_jurisdiction ON secretariat_members(jurisdiction_id);

CREATE TABLE action_plans (
  id {{id}},
  jurisdiction_id BIGINT NOT NULL REFERENCES jurisdictions(id),
  title TEXT NOT NULL,
  starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL,
  period_exception TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('draft', 'co_creation', 'published', 'in_progress', 'closed')),
  self_assessment TEXT NOT NULL DEFAULT '',
  published_at TEXT,
  closed_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (jurisdiction_id, starts_on)
);

CREATE TABLE commitments (
  id {{id}},
  plan_id BIGINT NOT NULL REFERENCES action_plans(id),
  number INTEGER NOT NULL CHECK (number BETWEEN 1 AND 5),
  title TEXT NOT NULL,
  problem TEXT NOT NULL DEFAULT '',
  objective TEXT NOT NULL DEFAULT '',
  aims TEXT NOT NULL DEFAULT '',
  institution_id BIGINT REFERENCES institutions(id),
  counterpart TEXT NOT NULL DEFAULT '',
  starts_on TEXT NOT NULL DEFAULT '',
  ends_on TEXT NOT NULL DEFAULT '',
  progress_method TEXT NOT NULL DEFAULT 'even' CHECK (progress_method IN ('even', 'weighted')),
  withdrawn_reason TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (plan_id, number)
);

CREATE TABLE milestones (
  id {{id}},
  commitment_id BIGINT NOT NULL REFERENCES commitments(id),
  description TEXT NOT NULL,
  responsible TEXT NOT NULL DEFAULT '',
  due_on TEXT NOT NULL DEFAULT '',
  weight INTEGER NOT NULL DEFAULT 1 CHECK (weight >= 0),
  status TEXT NOT NULL CHECK (status IN ('pending', 'in_progress', 'completed', 'cancelled')),
  completed_on TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX milestones_commitment ON milestones(commitment_id);

CREATE TABLE indicators (
  id {{id}},
  commitment_id BIGINT NOT NULL REFERENCES commitments(id),
  name TEXT NOT NULL,
  unit TEXT NOT NULL DEFAULT '',
  baseline DOUBLE PRECISION,
  target DOUBLE PRECISION,
  current_value DOUBLE PRECISION,
  source TEXT NOT NULL DEFAULT '',
  measured_on TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX indicators_commitment ON indicators(commitment_id);
