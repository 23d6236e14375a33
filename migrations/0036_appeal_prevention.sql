-- name: the prevención of an appeal: the guarantor asks the appellant, once, to complete it
-- The appellant's term to answer is a new regime term: 5 business days in
-- the 2025 law (art. 147, verified) and in the 2015 one (article not checked
-- against the official text); the state example keeps the general law's.
ALTER TABLE request_appeals ADD COLUMN prevented_on TEXT NOT NULL DEFAULT '';
ALTER TABLE request_appeals ADD COLUMN prevention_due_on TEXT NOT NULL DEFAULT '';
UPDATE request_regimes SET terms = substr(terms, 1, length(terms) - 1) || ',"appeal_prevention":{"value":5,"article":"147"}}'
 WHERE code = 'lgtaip-2025' AND terms NOT LIKE '%appeal_prevention%';
UPDATE request_regimes SET terms = substr(terms, 1, length(terms) - 1) || ',"appeal_prevention":{"value":5,"article":""}}'
 WHERE code IN ('lgtaip-2015', 'nayarit-ltaip') AND terms NOT LIKE '%appeal_prevention%';
