-- name: topics of information requests, to browse the archive by subject
-- The requester may name one when filing, and the institution's officials
-- correct it; '' is none yet.
CREATE TABLE request_topics (
  slug TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  position INTEGER NOT NULL
);
INSERT INTO request_topics (slug, name, position) VALUES
('personal', 'Personal, plazas y sueldos', 1),
('gasto', 'Presupuesto, gasto y viáticos', 2),
('contrataciones', 'Contrataciones, adquisiciones y arrendamientos', 3),
('obra', 'Obra pública', 4),
('bienes', 'Bienes, vehículos e inmuebles', 5),
('programas', 'Programas sociales y apoyos', 6),
('salud', 'Salud', 7),
('educacion', 'Educación', 8),
('seguridad', 'Seguridad y justicia', 9),
('ambiente', 'Medio ambiente y agua', 10),
('movilidad', 'Movilidad y transporte', 11),
('desempeno', 'Desempeño, indicadores y resultados', 12),
('atencion', 'Quejas y atención ciudadana', 13),
('transparencia', 'Transparencia, archivos y datos personales', 14),
('otro', 'Otro tema', 15);
ALTER TABLE information_requests ADD COLUMN topic TEXT NOT NULL DEFAULT '';
CREATE INDEX information_requests_topic ON information_requests(topic, received_on);
