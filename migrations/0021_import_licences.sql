-- name: the licence chosen for each OCDS import
-- A release is republished under its package's licence; when the publisher
-- states none, under the licence chosen for its import (an id of
-- License::offered(): CC-BY-4.0 by default, or Libre-Uso-MX).
ALTER TABLE ocds_import_jobs ADD COLUMN license TEXT NOT NULL DEFAULT 'CC-BY-4.0';
