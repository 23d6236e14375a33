-- name: contracting processes (OCDS)
-- Contracting processes (OCDS). Releases are kept as received; each process
-- keeps its compiled release and the columns that search, filters and red
-- flags read, so lists never parse JSON.
CREATE TABLE ocds_packages (
  id {{id}},
  jurisdiction_id BIGINT REFERENCES jurisdictions(id),
  source TEXT NOT NULL,
  uri TEXT NOT NULL DEFAULT '',
  publisher_name TEXT NOT NULL DEFAULT '',
  license TEXT NOT NULL DEFAULT '',
  publication_policy TEXT NOT NULL DEFAULT '',
  published_date TEXT NOT NULL DEFAULT '',
  version TEXT NOT NULL DEFAULT '',
  metadata TEXT NOT NULL DEFAULT '{}',
  imported_at TEXT NOT NULL
);

CREATE TABLE ocds_releases (
  id {{id}},
  ocid TEXT NOT NULL,
  release_id TEXT NOT NULL,
  release_date TEXT NOT NULL,
  tags TEXT NOT NULL DEFAULT '[]',
  ocds_version TEXT NOT NULL DEFAULT '1.1',
  package_id BIGINT NOT NULL REFERENCES ocds_packages(id),
  data TEXT NOT NULL,
  UNIQUE (ocid, release_id)
);
CREATE INDEX ocds_releases_package ON ocds_releases(package_id);

CREATE TABLE ocds_organizations (
  id {{id}},
  org_key TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  identifier TEXT NOT NULL DEFAULT ''
);

CREATE TABLE contracting_processes (
  id {{id}},
  ocid TEXT NOT NULL UNIQUE,
  jurisdiction_id BIGINT REFERENCES jurisdictions(id),
  title TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  buyer_id BIGINT REFERENCES ocds_organizations(id),
  buyer_name TEXT NOT NULL DEFAULT '',
  procurement_method TEXT NOT NULL DEFAULT '',
  procurement_method_details TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT '',
  stage TEXT NOT NULL DEFAULT '',
  currency TEXT NOT NULL DEFAULT '',
  tender_amount DOUBLE PRECISION,
  award_amount DOUBLE PRECISION,
  contract_amount DOUBLE PRECISION,
  initial_contract_amount DOUBLE PRECISION,
  amount DOUBLE PRECISION,
  tenderers INTEGER,
  budget_id TEXT NOT NULL DEFAULT '',
  first_date TEXT NOT NULL,
  last_date TEXT NOT NULL,
  year INTEGER,
  release_count INTEGER NOT NULL,
  supplier_names TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL
);
CREATE INDEX contracting_processes_buyer ON contracting_processes(buyer_id, year);
CREATE INDEX contracting_processes_date ON contracting_processes(last_date);
CREATE INDEX contracting_processes_amount ON contracting_processes(amount);
CREATE INDEX contracting_processes_method ON contracting_processes(procurement_method);
CREATE INDEX contracting_processes_jurisdiction ON contracting_processes(jurisdiction_id, year);

-- The compiled release apart from the columns lists read, so that sorting and
-- counting thousands of processes reads narrow rows.
CREATE TABLE compiled_releases (
  process_id BIGINT PRIMARY KEY REFERENCES contracting_processes(id) ON DELETE CASCADE,
  compiled TEXT NOT NULL
);

CREATE TABLE process_parties (
  process_id BIGINT NOT NULL REFERENCES contracting_processes(id) ON DELETE CASCADE,
  organization_id BIGINT NOT NULL REFERENCES ocds_organizations(id),
  role TEXT NOT NULL CHECK (role IN ('buyer', 'supplier', 'tenderer')),
  amount DOUBLE PRECISION,
  party_id TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (process_id, organization_id, role)
);
CREATE INDEX process_parties_organization ON process_parties(organization_id, role);

-- Red flags: scope 'process' has the ocid as subject; 'buyer',
-- 'procuring_entity' and 'tenderer' have the organisation's id as the
-- publisher wrote it in its releases (Cardinal's keys) or, for Apertura's own
-- indicators, 'org:<organization id>'.
CREATE TABLE red_flags (
  id {{id}},
  code TEXT NOT NULL,
  scope TEXT NOT NULL CHECK (scope IN ('process', 'buyer', 'procuring_entity', 'tenderer')),
  subject TEXT NOT NULL,
  value DOUBLE PRECISION NOT NULL,
  detail TEXT NOT NULL DEFAULT '',
  computed_at TEXT NOT NULL,
  UNIQUE (scope, subject, code)
);
CREATE INDEX red_flags_code ON red_flags(code, scope);
