-- name: organisations' party ids apart from process parties
-- The party ids an organisation goes by, apart from the process parties:
-- looking an organisation up by party id needed an index over every party
-- row (1.5 million at 1M releases), which an import rebuilt at its end for
-- 0.9 s while nothing else ran; the pairs are a few per organisation.
CREATE TABLE organization_party_ids (
  party_id TEXT NOT NULL,
  organization_id BIGINT NOT NULL REFERENCES ocds_organizations(id),
  PRIMARY KEY (party_id, organization_id)
);
INSERT INTO organization_party_ids (party_id, organization_id)
SELECT DISTINCT party_id, organization_id FROM process_parties WHERE party_id <> '';
CREATE INDEX organization_party_ids_organization ON organization_party_ids(organization_id);
