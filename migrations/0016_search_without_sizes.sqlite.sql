-- name: process search without document sizes (SQLite)
-- The search index without its table of document sizes (columnsize=0):
-- nothing ranks process search by bm25, and keyed by date like the index,
-- that table's rows fell all over it, so at 1M releases an import rewrote
-- most of its pages in every batch: a quarter of the bytes it wrote.
CREATE VIRTUAL TABLE process_search_lean
  USING fts5(body, content = '', columnsize = 0, tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO process_search_lean (rowid, body)
SELECT MIN(MAX(COALESCE(CAST(strftime('%s', substr(p.last_date, 1, 19)) AS INTEGER), 0), 0), 4294967295)
         * 2147483648 + p.id, b.body
FROM process_search_bodies b JOIN contracting_processes p ON p.id = b.process_id ORDER BY 1;
DROP TABLE process_search;
ALTER TABLE process_search_lean RENAME TO process_search;
