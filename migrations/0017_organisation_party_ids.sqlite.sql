-- name: organisations' party ids apart from process parties
-- On SQLite the party rows become a table keyed by process (WITHOUT ROWID):
-- an import appends to it, where its rowid table had a second tree, its key,
-- to write as well.
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
