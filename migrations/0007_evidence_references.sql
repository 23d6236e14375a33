-- name: evidence references
-- Evidence that points at a record of another domain (a contracting process
-- by its ocid, later a dataset or an information request): a typed
-- reference, never a join into that domain's tables.
ALTER TABLE evidence ADD COLUMN ref_kind TEXT NOT NULL DEFAULT '';
ALTER TABLE evidence ADD COLUMN ref_id TEXT NOT NULL DEFAULT '';
