-- name: the catalog's datastore: each CSV resource's table and validation report
-- A resource's file is loaded into a table of its own (datastore_r<id>),
-- created by the datastore when the file validates; this records its
-- schema (Frictionless Table Schema, JSON), the last validation's report
-- (JSON) and whether the rows are loaded ('loaded') or not ('invalid').
CREATE TABLE datastore_tables (
  resource_id BIGINT PRIMARY KEY REFERENCES dataset_resources(id),
  status TEXT NOT NULL CHECK (status IN ('loaded', 'invalid')),
  table_name TEXT NOT NULL DEFAULT '',
  schema_json TEXT NOT NULL,
  schema_corrected INTEGER NOT NULL DEFAULT 0,
  report_json TEXT NOT NULL,
  row_count BIGINT NOT NULL DEFAULT 0,
  loaded_at TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1
);
