-- name: distinct copies of one release
-- A publisher may publish one release (ocid + id) again with other content.
-- Every distinct copy is kept, numbered in the order received (0 for the
-- first), and the process compiles all of them in date order, ties in that
-- order, as the OCDS reference merge library does. An identical copy is
-- still a plain duplicate and is not stored again.
ALTER TABLE ocds_import_jobs ADD COLUMN changed_copies INTEGER NOT NULL DEFAULT 0;
-- The ocids of the first processes with such copies (a JSON array), so that
-- the publisher can be told.
ALTER TABLE ocds_import_jobs ADD COLUMN changed_copy_ocids TEXT NOT NULL DEFAULT '[]';
