-- name: distinct copies of one release; the merge rules of each import
-- A publisher may publish one release (ocid + id) again with other content.
-- Every distinct copy is kept, numbered in the order received (0 for the
-- first), and the process compiles all of them in date order, ties in that
-- order, as the OCDS reference merge library does. An identical copy is
-- still a plain duplicate and is not stored again.
-- A record that only links its releases brings its publisher's
-- compiledRelease: kept beside the releases with publisher_compiled = 1 (in
-- the files for each database), shown while the process has no releases, and
-- never merged as if it were one.
ALTER TABLE ocds_import_jobs ADD COLUMN changed_copies INTEGER NOT NULL DEFAULT 0;
-- The ocids of the first processes with such copies (a JSON array), so that
-- the publisher can be told.
ALTER TABLE ocds_import_jobs ADD COLUMN changed_copy_ocids TEXT NOT NULL DEFAULT '[]';
-- The releases read by the merge rules of each OCDS version, and how many
-- came from packages that state none: {"1.0": n, "1.1": m, "unstated": k}.
ALTER TABLE ocds_import_jobs ADD COLUMN merge_rules TEXT NOT NULL DEFAULT '{}';
