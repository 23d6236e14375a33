-- name: co-creation proposals
CREATE TABLE proposals (
  id {{id}},
  jurisdiction_id BIGINT NOT NULL REFERENCES jurisdictions(id),
  author_id BIGINT NOT NULL REFERENCES users(id),
  author_name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('problem', 'proposal')),
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  aims TEXT NOT NULL DEFAULT '',
  location TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'adopted', 'not_adopted')),
  answer TEXT NOT NULL DEFAULT '',
  commitment_id BIGINT REFERENCES commitments(id),
  answered_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX proposals_jurisdiction ON proposals(jurisdiction_id, created_at);
CREATE INDEX proposals_author ON proposals(author_id);

CREATE TABLE proposal_supports (
  proposal_id BIGINT NOT NULL REFERENCES proposals(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  PRIMARY KEY (proposal_id, user_id)
);

CREATE TABLE proposal_comments (
  id {{id}},
  proposal_id BIGINT NOT NULL REFERENCES proposals(id),
  author_id BIGINT NOT NULL REFERENCES users(id),
  author_name TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX proposal_comments_proposal ON proposal_comments(proposal_id, id);
