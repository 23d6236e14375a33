-- name: a version number on records that several people may change at once
-- A change is written only if the record still has the version it was read
-- with (UPDATE ... WHERE version = ?), and bumps it; a change made on a
-- stale copy is refused as a conflict instead of silently undoing another.
ALTER TABLE commitments ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE milestones ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE indicators ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE evidence ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE proposals ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
