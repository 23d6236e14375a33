-- name: distinct copies of one release
ALTER TABLE ocds_releases ADD COLUMN copy_number INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ocds_releases DROP CONSTRAINT ocds_releases_ocid_release_id_key;
ALTER TABLE ocds_releases ADD COLUMN publisher_compiled INTEGER NOT NULL DEFAULT 0;
UPDATE ocds_releases SET publisher_compiled = 1 WHERE tags LIKE '%"compiled"%';
ALTER TABLE ocds_releases ADD CONSTRAINT ocds_releases_ocid_release_id_copy_key UNIQUE (ocid, release_id, copy_number);
