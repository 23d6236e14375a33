-- name: zstd dictionaries
-- zstd dictionaries for the JSON documents SQLite keeps compressed (see
-- money/json_dictionaries.h). PostgreSQL keeps those documents as text.
CREATE TABLE zstd_dictionaries (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  dict_id INTEGER NOT NULL UNIQUE,
  dictionary BLOB NOT NULL,
  created_at TEXT NOT NULL
);
