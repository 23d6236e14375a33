-- name: the character encoding of each OCDS import
-- "utf-8" (JSON's own), or "latin1" / "windows-1252" for files converted
-- while they are read (money/ocds/source_encoding.h).
ALTER TABLE ocds_import_jobs ADD COLUMN encoding TEXT NOT NULL DEFAULT 'utf-8';
