-- name: red-flag list indexes
-- Red-flag lists: they name tenderers by the publisher's party id (the
-- organisation of a party id is one seek in the first index; a supplier's id
-- is on thousands of rows), and list in the order of the second.
CREATE INDEX process_parties_party ON process_parties(party_id, organization_id);
CREATE INDEX red_flags_listing ON red_flags(code, value DESC, subject);
