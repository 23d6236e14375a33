-- name: information requests, their legal regimes and the guarantors' closed days
-- A regime is the procedure's terms as data, per jurisdiction and date: a
-- request keeps the regime in force on the day it was received. A regime
-- with jurisdiction_code '' applies to every jurisdiction that has none of
-- its own for that date. Terms are JSON: {"response": {"value": 20,
-- "article": "134"}, ...}; "value" is business days (pages for free_pages,
-- 0 for steps that run inside the response term).
CREATE TABLE request_regimes (
  id {{id}},
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  jurisdiction_code TEXT NOT NULL DEFAULT '',
  effective_from TEXT NOT NULL,
  effective_to TEXT NOT NULL DEFAULT '',
  guarantor TEXT NOT NULL,
  legal_basis TEXT NOT NULL,
  verified INTEGER NOT NULL DEFAULT 0,
  utc_offset_minutes INTEGER NOT NULL DEFAULT -360,
  terms TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 0
);

-- Days a guarantor closed: its published non-working days and suspensions of
-- terms. jurisdiction_code '' closes them everywhere.
CREATE TABLE closed_days (
  id {{id}},
  jurisdiction_code TEXT NOT NULL DEFAULT '',
  starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('non_working', 'suspension')),
  basis TEXT NOT NULL,
  created_by_name TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX closed_days_span ON closed_days(jurisdiction_code, starts_on);

CREATE TABLE information_requests (
  id {{id}},
  folio TEXT NOT NULL UNIQUE,
  jurisdiction_id BIGINT NOT NULL REFERENCES jurisdictions(id),
  institution_id BIGINT NOT NULL REFERENCES institutions(id),
  regime_id BIGINT NOT NULL REFERENCES request_regimes(id),
  requester_id BIGINT REFERENCES users(id),
  requester_name TEXT NOT NULL DEFAULT '',
  show_name INTEGER NOT NULL DEFAULT 0,
  contact TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL,
  location_hint TEXT NOT NULL DEFAULT '',
  delivery TEXT NOT NULL CHECK (delivery IN ('electronic', 'copies', 'certified_copies', 'consultation')),
  notify_by TEXT NOT NULL CHECK (notify_by IN ('portal', 'email', 'in_person')),
  channel TEXT NOT NULL CHECK (channel IN ('web', 'in_person', 'phone', 'mail', 'email')),
  captured_by BIGINT REFERENCES users(id),
  filed_at TEXT NOT NULL,
  received_on TEXT NOT NULL,
  status TEXT NOT NULL,
  response_due_on TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX information_requests_institution ON information_requests(institution_id, status, response_due_on);
CREATE INDEX information_requests_jurisdiction ON information_requests(jurisdiction_id, received_on);
CREATE INDEX information_requests_received ON information_requests(received_on, id);

-- Each request's history, public: filing, each step, each due date moved.
CREATE TABLE request_events (
  id {{id}},
  request_id BIGINT NOT NULL REFERENCES information_requests(id),
  kind TEXT NOT NULL,
  at TEXT NOT NULL,
  actor_name TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  due_on TEXT NOT NULL DEFAULT ''
);
CREATE INDEX request_events_request ON request_events(request_id, id);

-- The last number given after each folio prefix ("2026-SSJ"): institutions
-- that share an acronym share its numbers, so folios stay unique.
CREATE TABLE request_folio_counters (
  prefix TEXT PRIMARY KEY,
  last_number BIGINT NOT NULL
);

INSERT INTO request_regimes (code, name, jurisdiction_code, effective_from, effective_to, guarantor, legal_basis,
                             verified, terms, created_at, updated_at) VALUES
('lgtaip-2015', 'Ley General de Transparencia y Acceso a la Información Pública (2015)', '', '2015-05-05', '2025-03-20',
 'El organismo garante: el INAI para la Federación, el instituto de transparencia de cada estado',
 'LGTAIP, DOF 04-05-2015, última reforma DOF 20-05-2021; abrogada el 21-03-2025. Los plazos coinciden con la ley de 2025; varios números de artículo no se han cotejado con el texto oficial.',
 0,
 '{"response":{"value":20,"article":"132"},"extension":{"value":10,"article":"132"},"clarification_issue":{"value":5,"article":"128"},"clarification_answer":{"value":10,"article":"128"},"incompetence":{"value":3,"article":"136"},"already_public":{"value":5,"article":"130"},"classification":{"value":0,"article":"137"},"inexistence":{"value":0,"article":"138-139"},"payment":{"value":30,"article":"134"},"availability":{"value":60,"article":"134"},"free_pages":{"value":20,"article":"141"},"appeal_filing":{"value":15,"article":"142"},"appeal_resolution":{"value":40,"article":"146"},"appeal_extension":{"value":20,"article":"146"},"appeal_compliance":{"value":10,"article":"151"}}',
 '2026-12-07T00:00:00Z', '2026-12-07T00:00:00Z'),
('lgtaip-2025', 'Ley General de Transparencia y Acceso a la Información Pública (2025)', '', '2025-03-21', '',
 'La autoridad garante: en los estados, la contraloría del Poder Ejecutivo para el Ejecutivo y los municipios, y los órganos internos de control de los demás poderes y órganos autónomos (art. 3 fr. IV y V)',
 'LGTAIP, DOF 20-03-2025, en vigor desde el 21-03-2025. Plazos en días hábiles contados desde el día siguiente a la notificación (art. 128).',
 1,
 '{"response":{"value":20,"article":"134"},"extension":{"value":10,"article":"134"},"clarification_issue":{"value":5,"article":"130"},"clarification_answer":{"value":10,"article":"130"},"incompetence":{"value":3,"article":"138"},"already_public":{"value":5,"article":"132"},"classification":{"value":0,"article":"139"},"inexistence":{"value":0,"article":"140-141"},"payment":{"value":30,"article":"137"},"availability":{"value":60,"article":"137"},"free_pages":{"value":20,"article":"143"},"appeal_filing":{"value":15,"article":"144"},"appeal_resolution":{"value":40,"article":"148"},"appeal_extension":{"value":20,"article":"148"},"appeal_compliance":{"value":10,"article":"154"}}',
 '2026-12-07T00:00:00Z', '2026-12-07T00:00:00Z'),
('nayarit-ltaip', 'Ley de Transparencia y Acceso a la Información Pública del Estado de Nayarit (ejemplo de régimen estatal)', '18', '2016-05-05', '',
 'El Instituto de Transparencia y Acceso a la Información Pública del Estado de Nayarit (ITAI)',
 'Ejemplo de régimen estatal con plazo de respuesta más corto: 15 días hábiles más 10, según el ITAI (itainayarit.org, «Pasos para realizar una solicitud de información»). Sin cotejar con el Periódico Oficial: la fecha de entrada en vigor y los demás plazos (tomados de la ley general de 2015) deben verificarse antes de usarlo.',
 0,
 '{"response":{"value":15,"article":""},"extension":{"value":10,"article":""},"clarification_issue":{"value":5,"article":""},"clarification_answer":{"value":10,"article":""},"incompetence":{"value":3,"article":""},"already_public":{"value":5,"article":""},"classification":{"value":0,"article":""},"inexistence":{"value":0,"article":""},"payment":{"value":30,"article":""},"availability":{"value":60,"article":""},"free_pages":{"value":20,"article":""},"appeal_filing":{"value":15,"article":""},"appeal_resolution":{"value":40,"article":""},"appeal_extension":{"value":20,"article":""},"appeal_compliance":{"value":10,"article":""}}',
 '2026-12-07T00:00:00Z', '2026-12-07T00:00:00Z');
