-- name: foundation
ALTER TABLE search_documents ADD COLUMN document tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('spanish', title), 'A') || setweight(to_tsvector('spanish', body), 'B')
) STORED;
CREATE INDEX search_documents_document ON search_documents USING GIN (document);
