#include "store/migrations.h"

#include <spdlog/spdlog.h>

#include <regex>

#include "core/clock.h"

namespace apertura::store {

namespace {

const char* kFoundationSql = R"SQL(
CREATE TABLE jurisdictions (
  id {{id}},
  code TEXT NOT NULL UNIQUE,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('federal', 'state', 'municipality')),
  parent_id BIGINT REFERENCES jurisdictions(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX jurisdictions_parent ON jurisdictions(parent_id);

CREATE TABLE institutions (
  id {{id}},
  jurisdiction_id BIGINT NOT NULL REFERENCES jurisdictions(id),
  slug TEXT NOT NULL,
  name TEXT NOT NULL,
  acronym TEXT NOT NULL DEFAULT '',
  website TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (jurisdiction_id, slug)
);

CREATE TABLE users (
  id {{id}},
  email TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'official', 'civil_society', 'citizen')),
  institution_id BIGINT REFERENCES institutions(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE password_resets (
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
);

CREATE TABLE login_failures (
  id {{id}},
  subject TEXT NOT NULL,
  failed_at TEXT NOT NULL
);
CREATE INDEX login_failures_subject ON login_failures(subject, failed_at);

CREATE TABLE outbox (
  id {{id}},
  recipient TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  sent_at TEXT
);

CREATE TABLE audit_log (
  seq BIGINT PRIMARY KEY,
  occurred_at TEXT NOT NULL,
  actor_id BIGINT,
  actor_label TEXT NOT NULL,
  actor_role TEXT NOT NULL,
  action TEXT NOT NULL,
  entity_kind TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  jurisdiction_id BIGINT,
  is_public INTEGER NOT NULL,
  before_json TEXT,
  after_json TEXT,
  previous_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_public ON audit_log(is_public, seq);

CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  last_seq BIGINT NOT NULL,
  last_hash TEXT NOT NULL
);
INSERT INTO audit_head (id, last_seq, last_hash) VALUES (1, 0, '');

CREATE TABLE search_documents (
  id {{id}},
  kind TEXT NOT NULL,
  ref_id BIGINT NOT NULL,
  jurisdiction_id BIGINT,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  UNIQUE (kind, ref_id)
);
)SQL";

// FTS5 indexes search_documents as external content (no second copy of the
// text); SearchIndex keeps the two in step.
const char* kFoundationSqlite = R"SQL(
CREATE VIRTUAL TABLE search_fts USING fts5(
  title, body, content='search_documents', content_rowid='id',
  tokenize = 'unicode61 remove_diacritics 2');
)SQL";

const char* kFoundationPostgresql = R"SQL(
ALTER TABLE search_documents ADD COLUMN document tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('spanish', title), 'A') || setweight(to_tsvector('spanish', body), 'B')
) STORED;
CREATE INDEX search_documents_document ON search_documents USING GIN (document);
)SQL";

const char* kPlansSql = R"SQL(
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
)SQL";

const char* kProposalsSql = R"SQL(
CREATE TABLE proposals (
  id {{id}},
  jurisdiction_id BIGINT NOT NULL REFERENCES jurisdictions(id),
  author_id BIGINT NOT NULL REFERENCES users(id),
  author_name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('problem', 'proposal')),
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  aims TEXT NOT NULL DEFAULT '',
  location TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'adopted', 'not_adopted')),
  answer TEXT NOT NULL DEFAULT '',
  commitment_id BIGINT REFERENCES commitments(id),
  answered_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX proposals_jurisdiction ON proposals(jurisdiction_id, created_at);
CREATE INDEX proposals_author ON proposals(author_id);

CREATE TABLE proposal_supports (
  proposal_id BIGINT NOT NULL REFERENCES proposals(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  PRIMARY KEY (proposal_id, user_id)
);

CREATE TABLE proposal_comments (
  id {{id}},
  proposal_id BIGINT NOT NULL REFERENCES proposals(id),
  author_id BIGINT NOT NULL REFERENCES users(id),
  author_name TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX proposal_comments_proposal ON proposal_comments(proposal_id, id);
)SQL";

const char* kEvidenceSql = R"SQL(
CREATE TABLE stored_files (
  sha256 TEXT PRIMARY KEY,
  size BIGINT NOT NULL,
  content_base64 TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE evidence (
  id {{id}},
  milestone_id BIGINT NOT NULL REFERENCES milestones(id),
  kind TEXT NOT NULL CHECK (kind IN ('file', 'link')),
  title TEXT NOT NULL,
  url TEXT NOT NULL DEFAULT '',
  file_name TEXT NOT NULL DEFAULT '',
  content_type TEXT NOT NULL DEFAULT '',
  size BIGINT NOT NULL DEFAULT 0,
  sha256 TEXT NOT NULL DEFAULT '',
  storage TEXT NOT NULL DEFAULT '',
  added_by_name TEXT NOT NULL,
  validation TEXT NOT NULL DEFAULT 'pending' CHECK (validation IN ('pending', 'validated', 'contested')),
  validation_comment TEXT NOT NULL DEFAULT '',
  validated_by_name TEXT NOT NULL DEFAULT '',
  validated_at TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX evidence_milestone ON evidence(milestone_id);
)SQL";

const char* kSessionsSql = R"SQL(
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
)SQL";

// Contracting processes (OCDS). Releases are kept as received; each process
// keeps its compiled release and the columns that search, filters and red
// flags read, so lists never parse JSON.
const char* kContractingSql = R"SQL(
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
)SQL";

const char* kContractingSqlite = R"SQL(
CREATE VIRTUAL TABLE process_fts USING fts5(body, tokenize = 'unicode61 remove_diacritics 2');
)SQL";

const char* kContractingPostgresql = R"SQL(
ALTER TABLE contracting_processes ADD COLUMN search_vector tsvector;
CREATE INDEX contracting_processes_search ON contracting_processes USING GIN (search_vector);
)SQL";

// Evidence that points at a record of another domain (a contracting process
// by its ocid, later a dataset or an information request): a typed
// reference, never a join into that domain's tables.
const char* kEvidenceReferencesSql = R"SQL(
ALTER TABLE evidence ADD COLUMN ref_kind TEXT NOT NULL DEFAULT '';
ALTER TABLE evidence ADD COLUMN ref_id TEXT NOT NULL DEFAULT '';
)SQL";

// Accounts limited to one jurisdiction (its admins, its civil society), the
// secretariat members who have an account here, and the documents of a
// secretariat session (files kept like evidence: by SHA-256 in the file store).
const char* kJurisdictionScopeSql = R"SQL(
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
)SQL";

// Budget execution: lines of each jurisdiction's expenditure budget by year
// with the six accounting moments, and manual links from contracting
// processes to lines (the automatic link is planning.budget.id = line_key).
const char* kBudgetSql = R"SQL(
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
)SQL";

// Red-flag lists: they name tenderers by the publisher's party id (the
// organisation of a party id is one seek in the first index; a supplier's id
// is on thousands of rows), and list in the order of the second.
const char* kPartyIdIndexSql = R"SQL(
CREATE INDEX process_parties_party ON process_parties(party_id, organization_id);
CREATE INDEX red_flags_listing ON red_flags(code, value DESC, subject);
)SQL";

// Search over contracting processes reads its index in the order lists show:
// each row's id is the latest release date's seconds (as written, without its
// offset) above the process id, so the newest matches come first without
// sorting them (the same key as ContractingRepository's search_key_sql).
const char* kProcessSearchSqlite = R"SQL(
CREATE VIRTUAL TABLE process_search USING fts5(body, tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO process_search (rowid, body)
SELECT MIN(MAX(COALESCE(CAST(strftime('%s', substr(p.last_date, 1, 19)) AS INTEGER), 0), 0), 4294967295)
         * 2147483648 + p.id, f.body
FROM process_fts f JOIN contracting_processes p ON p.id = f.rowid ORDER BY 1;
DROP TABLE process_fts;
-- The columns a filter on top of words checks, for each match, in entries a
-- tenth the size of a process row (so that they stay in the cache).
CREATE INDEX contracting_processes_filters
  ON contracting_processes(id, procurement_method, status, jurisdiction_id, amount);
)SQL";

// zstd dictionaries for the JSON documents SQLite keeps compressed (see
// money/json_dictionaries.h). PostgreSQL keeps those documents as text.
const char* kZstdDictionariesSqlite = R"SQL(
CREATE TABLE zstd_dictionaries (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  dict_id INTEGER NOT NULL UNIQUE,
  dictionary BLOB NOT NULL,
  created_at TEXT NOT NULL
);
)SQL";

// OCDS files uploaded through the portal are imported in the background, one
// at a time: each upload is a job whose file waits in the upload folder. A job
// left running by a stopped server is queued again at the next start (its
// batches already stored count then as duplicates).
const char* kImportJobsSql = R"SQL(
CREATE TABLE ocds_import_jobs (
  id {{id}},
  file_name TEXT NOT NULL,
  stored_path TEXT NOT NULL,
  size_bytes BIGINT NOT NULL,
  jurisdiction_id BIGINT REFERENCES jurisdictions(id),
  requested_by BIGINT REFERENCES users(id),
  requested_by_name TEXT NOT NULL,
  requested_role TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
  starts INTEGER NOT NULL DEFAULT 0,
  imported BIGINT NOT NULL DEFAULT 0,
  duplicates BIGINT NOT NULL DEFAULT 0,
  rejected BIGINT NOT NULL DEFAULT 0,
  processes BIGINT NOT NULL DEFAULT 0,
  problems_total BIGINT NOT NULL DEFAULT 0,
  problems TEXT NOT NULL DEFAULT '[]',
  error TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  started_at TEXT,
  finished_at TEXT
);
CREATE INDEX ocds_import_jobs_status ON ocds_import_jobs(status, id);
)SQL";

// PostgreSQL compresses a release or compiled release over 2 KB (TOAST)
// with lz4 instead of pglz: an import of 313,414 releases took 25-31 s
// instead of 30-36 s, for a database 3% larger. Rows already stored keep
// their compression. A server built without lz4 keeps pglz.
const char* kLz4Postgresql = R"SQL(
DO $$
BEGIN
  ALTER TABLE ocds_releases ALTER COLUMN data SET COMPRESSION lz4;
  ALTER TABLE compiled_releases ALTER COLUMN compiled SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
  RAISE NOTICE 'this PostgreSQL has no lz4; documents stay compressed with pglz';
END
$$;
)SQL";

// The search index without its own copy of each text (contentless): keyed
// by date, the copy's rows fell all over its table, and at 200,000 releases
// an import rewrote most of that table's pages in every batch: 40% of all the
// bytes it wrote. The texts stay, in process id order, for taking a row out
// of the index (a contentless index needs the text it was given).
const char* kContentlessSearchSqlite = R"SQL(
CREATE TABLE process_search_bodies (
  process_id INTEGER PRIMARY KEY,
  body TEXT NOT NULL
);
INSERT INTO process_search_bodies (process_id, body)
SELECT rowid & 2147483647, body FROM process_search ORDER BY 1;
CREATE VIRTUAL TABLE process_search_contentless
  USING fts5(body, content = '', tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO process_search_contentless (rowid, body) SELECT rowid, body FROM process_search ORDER BY rowid;
DROP TABLE process_search;
ALTER TABLE process_search_contentless RENAME TO process_search;
)SQL";

// The search index without its table of document sizes (columnsize=0):
// nothing ranks process search by bm25, and keyed by date like the index,
// that table's rows fell all over it, so at 1M releases an import rewrote
// most of its pages in every batch: a quarter of the bytes it wrote.
const char* kLeanSearchSqlite = R"SQL(
CREATE VIRTUAL TABLE process_search_lean
  USING fts5(body, content = '', columnsize = 0, tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO process_search_lean (rowid, body)
SELECT MIN(MAX(COALESCE(CAST(strftime('%s', substr(p.last_date, 1, 19)) AS INTEGER), 0), 0), 4294967295)
         * 2147483648 + p.id, b.body
FROM process_search_bodies b JOIN contracting_processes p ON p.id = b.process_id ORDER BY 1;
DROP TABLE process_search;
ALTER TABLE process_search_lean RENAME TO process_search;
)SQL";

// The party ids an organisation goes by, apart from the process parties:
// looking an organisation up by party id needed an index over every party
// row (1.5 million at 1M releases), which an import rebuilt at its end for
// 0.9 s while nothing else ran; the pairs are a few per organisation.
const char* kPartyIdsSql = R"SQL(
CREATE TABLE organization_party_ids (
  party_id TEXT NOT NULL,
  organization_id BIGINT NOT NULL REFERENCES ocds_organizations(id),
  PRIMARY KEY (party_id, organization_id)
);
INSERT INTO organization_party_ids (party_id, organization_id)
SELECT DISTINCT party_id, organization_id FROM process_parties WHERE party_id <> '';
CREATE INDEX organization_party_ids_organization ON organization_party_ids(organization_id);
)SQL";

// On SQLite the party rows become a table keyed by process (WITHOUT ROWID):
// an import appends to it, where its rowid table had a second tree, its key,
// to write as well.
const char* kPartyIdsSqlite = R"SQL(
CREATE TABLE process_parties_keyed (
  process_id BIGINT NOT NULL REFERENCES contracting_processes(id) ON DELETE CASCADE,
  organization_id BIGINT NOT NULL REFERENCES ocds_organizations(id),
  role TEXT NOT NULL CHECK (role IN ('buyer', 'supplier', 'tenderer')),
  amount DOUBLE PRECISION,
  PRIMARY KEY (process_id, organization_id, role)
) WITHOUT ROWID;
INSERT INTO process_parties_keyed (process_id, organization_id, role, amount)
SELECT process_id, organization_id, role, amount FROM process_parties ORDER BY process_id, organization_id, role;
DROP TABLE process_parties;
ALTER TABLE process_parties_keyed RENAME TO process_parties;
CREATE INDEX process_parties_organization ON process_parties(organization_id, role);
)SQL";

const char* kPartyIdsPostgresql = R"SQL(
DROP INDEX IF EXISTS process_parties_party;
ALTER TABLE process_parties DROP COLUMN party_id;
)SQL";

std::string for_dialect(const std::string& sql, Dialect dialect) {
  static const std::regex id_token(R"(\{\{id\}\})");
  return std::regex_replace(sql, id_token,
                            dialect == Dialect::sqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT"
                                                       : "BIGSERIAL PRIMARY KEY");
}

}  // namespace

const std::vector<Migration>& all_migrations() {
  static const std::vector<Migration> migrations = {
      {1, "foundation", kFoundationSql, kFoundationSqlite, kFoundationPostgresql},
      {2, "action plans", kPlansSql, "", ""},
      {3, "co-creation proposals", kProposalsSql, "", ""},
      {4, "evidence", kEvidenceSql, "", ""},
      {5, "secretariat sessions", kSessionsSql, "", ""},
      {6, "contracting processes (OCDS)", kContractingSql, kContractingSqlite, kContractingPostgresql},
      {7, "evidence references", kEvidenceReferencesSql, "", ""},
      {8, "jurisdiction scope and session documents", kJurisdictionScopeSql, "", ""},
      {9, "budget execution", kBudgetSql, "", ""},
      {10, "red-flag list indexes", kPartyIdIndexSql, "", ""},
      {11, "process search in date order", "", kProcessSearchSqlite, ""},
      {12, "zstd dictionaries", "", kZstdDictionariesSqlite, ""},
      {13, "OCDS import jobs", kImportJobsSql, "", ""},
      {14, "lz4 for large documents (PostgreSQL)", "", "", kLz4Postgresql},
      {15, "contentless process search (SQLite)", "", kContentlessSearchSqlite, ""},
      {16, "process search without document sizes (SQLite)", "", kLeanSearchSqlite, ""},
      {17, "organisations' party ids apart from process parties", kPartyIdsSql, kPartyIdsSqlite,
       kPartyIdsPostgresql},
  };
  return migrations;
}

int current_schema_version(Connection& connection) {
  connection.execute_script(
      "CREATE TABLE IF NOT EXISTS schema_migrations ("
      " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
  auto row = connection.query_one("SELECT COALESCE(MAX(version), 0) AS version FROM schema_migrations");
  return row ? static_cast<int>(row->integer("version")) : 0;
}

int apply_migrations(Database& database) {
  auto connection = database.connect();
  Transaction transaction(*connection);
  if (database.dialect() == Dialect::postgresql) {
    // Serialises concurrent start-ups of several app servers.
    connection->query("SELECT pg_advisory_xact_lock(7274361)");
  }
  int current = current_schema_version(*connection);
  int applied = 0;
  for (const Migration& migration : all_migrations()) {
    if (migration.version <= current) continue;
    const std::string& extra =
        database.dialect() == Dialect::sqlite ? migration.sqlite_sql : migration.postgresql_sql;
    std::string sql = migration.shared_sql + extra;
    // A migration may concern one database only.
    if (!sql.empty()) connection->execute_script(for_dialect(sql, database.dialect()));
    connection->execute(
        "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
        {migration.version, migration.name, now_timestamp()});
    spdlog::info("applied migration {} ({})", migration.version, migration.name);
    ++applied;
  }
  transaction.commit();
  return applied;
}

}  // namespace apertura::store
