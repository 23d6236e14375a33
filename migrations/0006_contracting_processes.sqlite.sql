-- name: contracting processes (OCDS)
CREATE VIRTUAL TABLE process_fts USING fts5(body, tokenize = 'unicode61 remove_diacritics 2');
