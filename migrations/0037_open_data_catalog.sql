-- name: the open-data catalog: datasets, their resources by version, topic groups and tags
-- A dataset's `edition` is the number of its current version; each resource
-- belongs to one edition, so the files of earlier versions stay downloadable.
CREATE TABLE dataset_groups (
  id {{id}},
  slug TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
INSERT INTO dataset_groups (slug, title, description, created_at) VALUES
  ('dinero-publico', 'Dinero público', 'Presupuestos, contrataciones, pagos, subsidios y deuda.', '2026-12-07T00:00:00Z'),
  ('gobierno-abierto', 'Gobierno abierto', 'Planes de acción locales, sus compromisos y su avance.', '2026-12-07T00:00:00Z'),
  ('transparencia', 'Transparencia y acceso a la información', 'Solicitudes de información, obligaciones de transparencia y archivos.', '2026-12-07T00:00:00Z'),
  ('participacion', 'Participación ciudadana', 'Propuestas, consultas y resultados de la participación.', '2026-12-07T00:00:00Z'),
  ('salud', 'Salud', 'Servicios de salud, medicamentos, hospitales y personal.', '2026-12-07T00:00:00Z'),
  ('agua-y-medio-ambiente', 'Agua y medio ambiente', 'Agua potable, saneamiento, calidad del aire y residuos.', '2026-12-07T00:00:00Z'),
  ('educacion', 'Educación', 'Escuelas, matrícula, becas y resultados educativos.', '2026-12-07T00:00:00Z'),
  ('seguridad-y-justicia', 'Seguridad y justicia', 'Incidencia delictiva, procuración de justicia y protección civil.', '2026-12-07T00:00:00Z'),
  ('movilidad-y-obra-publica', 'Movilidad y obra pública', 'Transporte, vialidades y obra pública.', '2026-12-07T00:00:00Z');

CREATE TABLE datasets (
  id {{id}},
  slug TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  jurisdiction_id BIGINT NOT NULL REFERENCES jurisdictions(id),
  institution_id BIGINT REFERENCES institutions(id),
  license_id TEXT NOT NULL,
  frequency TEXT NOT NULL,
  temporal_start TEXT NOT NULL DEFAULT '',
  temporal_end TEXT NOT NULL DEFAULT '',
  spatial TEXT NOT NULL DEFAULT '',
  contact_name TEXT NOT NULL DEFAULT '',
  contact_email TEXT NOT NULL DEFAULT '',
  version_label TEXT NOT NULL DEFAULT '',
  edition INTEGER NOT NULL DEFAULT 1,
  status TEXT NOT NULL CHECK (status IN ('draft', 'published')),
  created_by BIGINT REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  published_at TEXT,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX datasets_status_updated ON datasets(status, updated_at);
CREATE INDEX datasets_jurisdiction ON datasets(jurisdiction_id, status);
CREATE INDEX datasets_institution ON datasets(institution_id, status);

-- The versions published so far: the current one is datasets.edition.
CREATE TABLE dataset_editions (
  dataset_id BIGINT NOT NULL REFERENCES datasets(id),
  edition INTEGER NOT NULL,
  version_label TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  published_at TEXT NOT NULL,
  PRIMARY KEY (dataset_id, edition)
);

CREATE TABLE dataset_group_members (
  dataset_id BIGINT NOT NULL REFERENCES datasets(id),
  group_id BIGINT NOT NULL REFERENCES dataset_groups(id),
  PRIMARY KEY (dataset_id, group_id)
);
CREATE INDEX dataset_group_members_group ON dataset_group_members(group_id);

CREATE TABLE dataset_tags (
  dataset_id BIGINT NOT NULL REFERENCES datasets(id),
  tag TEXT NOT NULL,
  PRIMARY KEY (dataset_id, tag)
);
CREATE INDEX dataset_tags_tag ON dataset_tags(tag);

CREATE TABLE dataset_resources (
  id {{id}},
  dataset_id BIGINT NOT NULL REFERENCES datasets(id),
  edition INTEGER NOT NULL,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  format TEXT NOT NULL,
  media_type TEXT NOT NULL DEFAULT '',
  url TEXT NOT NULL DEFAULT '',
  file_sha256 TEXT NOT NULL DEFAULT '',
  file_name TEXT NOT NULL DEFAULT '',
  size_bytes BIGINT,
  last_modified TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX dataset_resources_dataset ON dataset_resources(dataset_id, edition, position);
CREATE INDEX dataset_resources_format ON dataset_resources(format);
