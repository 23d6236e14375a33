-- name: process search in date order
-- Search over contracting processes reads its index in the order lists show:
-- each row's id is the latest release date's seconds (as written, without its
-- offset) above the process id, so the newest matches come first without
-- sorting them (the same key as ContractingRepository's search_key_sql).
CREATE VIRTUAL TABLE process_search USING fts5(body, tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO process_search (rowid, body)
SELECT MIN(MAX(COALESCE(CAST(strftime('%s', substr(p.last_date, 1, 19)) AS INTEGER), 0), 0), 4294967295)
         * 2147483648 + p.id, f.body
FROM process_fts f JOIN contracting_processes p ON p.id = f.rowid ORDER BY 1;
DROP TABLE process_fts;
-- The columns a filter on top of words checks, for each match, in entries a
-- tenth the size of a process row (so that they stay in the cache).
CREATE INDEX contracting_processes_filters
  ON contracting_processes(id, procurement_method, status, jurisdiction_id, amount);
