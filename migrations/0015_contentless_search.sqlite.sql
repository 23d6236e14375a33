-- name: contentless process search (SQLite)
-- The search index without its own copy of each text (contentless): keyed
-- by date, the copy's rows fell all over its table, and at 200,000 releases
-- an import rewrote most of that table's pages in every batch: 40% of all the
-- bytes it wrote. The texts stay, in process id order, for taking a row out
-- of the index (a contentless index needs the text it was given).
CREATE TABLE process_search_bodies (
  process_id INTEGER PRIMARY KEY,
  body TEXT NOT NULL
);
INSERT INTO process_search_bodies (process_id, body)
SELECT rowid & 2147483647, body FROM process_search ORDER BY 1;
CREATE VIRTUAL TABLE process_search_contentless
  USING fts5(body, content = '', tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO process_search_contentless (rowid, body) SELECT rowid, body FROM process_search ORDER BY rowid;
DROP TABLE process_search;
ALTER TABLE process_search_contentless RENAME TO process_search;
