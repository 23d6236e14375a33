-- name: foundation
-- FTS5 indexes search_documents as external content (no second copy of the
-- text); SearchIndex keeps the two in step.
CREATE VIRTUAL TABLE search_fts USING fts5(
  title, body, content='search_documents', content_rowid='id',
  tokenize = 'unicode61 remove_diacritics 2');
