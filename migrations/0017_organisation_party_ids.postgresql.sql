-- name: organisations' party ids apart from process parties
DROP INDEX IF EXISTS process_parties_party;
ALTER TABLE process_parties DROP COLUMN party_id;
