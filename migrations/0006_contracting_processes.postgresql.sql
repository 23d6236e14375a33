-- name: contracting processes (OCDS)
ALTER TABLE contracting_processes ADD COLUMN search_vector tsvector;
CREATE INDEX contracting_processes_search ON contracting_processes USING GIN (search_vector);
