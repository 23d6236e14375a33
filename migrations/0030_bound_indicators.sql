-- name: indicators bound to a figure the platform computes from its own data
-- bound_measure names the figure ('' for an indicator typed by hand);
-- bound_institution_id narrows it to one institution of the plan's
-- jurisdiction (NULL: all of them).
ALTER TABLE indicators ADD COLUMN bound_measure TEXT NOT NULL DEFAULT '';
ALTER TABLE indicators ADD COLUMN bound_institution_id BIGINT REFERENCES institutions(id);
