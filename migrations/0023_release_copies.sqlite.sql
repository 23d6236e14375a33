-- name: distinct copies of one release
-- SQLite cannot change a table's UNIQUE constraint: the table is rebuilt
-- with a copy number in its key (once; rows keep their ids and order).
CREATE TABLE ocds_releases_copies (
  id INTEGER PRIMARY KEY,
  ocid TEXT NOT NULL,
  release_id TEXT NOT NULL,
  copy_number INTEGER NOT NULL DEFAULT 0,
  release_date TEXT NOT NULL,
  tags TEXT NOT NULL DEFAULT '[]',
  ocds_version TEXT NOT NULL DEFAULT '1.1',
  package_id BIGINT NOT NULL REFERENCES ocds_packages(id),
  data TEXT NOT NULL,
  publisher_compiled INTEGER NOT NULL DEFAULT 0,
  UNIQUE (ocid, release_id, copy_number)
);
-- A record that only links its releases gave its compiledRelease, stored as
-- a release with an id made of its ocid and date: it becomes the
-- publisher's compiled release it is.
INSERT INTO ocds_releases_copies (id, ocid, release_id, copy_number, release_date, tags, ocds_version, package_id, data,
                                  publisher_compiled)
SELECT id, ocid, release_id, 0, release_date, tags, ocds_version, package_id, data,
       CASE WHEN tags LIKE '%"compiled"%' THEN 1 ELSE 0 END
FROM ocds_releases ORDER BY id;
DROP TABLE ocds_releases;
ALTER TABLE ocds_releases_copies RENAME TO ocds_releases;
CREATE INDEX ocds_releases_package ON ocds_releases(package_id);
