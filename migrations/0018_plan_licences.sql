-- name: a licence for each action plan
-- Each plan, with its commitments, milestones and indicators, is published
-- under the licence the secretariat chose: CC BY 4.0 unless it chose the
-- Términos de Libre Uso MX (core/license.h lists the ids).
ALTER TABLE action_plans ADD COLUMN license TEXT NOT NULL DEFAULT 'CC-BY-4.0'
  CHECK (license IN ('CC-BY-4.0', 'Libre-Uso-MX'));
