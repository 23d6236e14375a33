-- name: reproduction costs: fee schedules per jurisdiction and year, and each answer's cost and payment
-- Prices are data an admin keeps current (the Ley Federal de Derechos and
-- each state's revenue law change every year); an answer keeps the quote it
-- was given, line by line, so a later schedule never rewrites it.
CREATE TABLE request_fee_schedules (
  id {{id}},
  jurisdiction_code TEXT NOT NULL,  -- '' for every jurisdiction without its own
  year INTEGER NOT NULL,
  simple_page_cents BIGINT NOT NULL CHECK (simple_page_cents >= 0),
  certified_page_cents BIGINT NOT NULL CHECK (certified_page_cents >= 0),
  medium_cents BIGINT NOT NULL CHECK (medium_cents >= 0),
  shipping_cents BIGINT NOT NULL CHECK (shipping_cents >= 0),
  payment_instructions TEXT NOT NULL,
  legal_basis TEXT NOT NULL,
  verified INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  UNIQUE (jurisdiction_code, year)
);

CREATE TABLE request_costs (
  request_id BIGINT PRIMARY KEY REFERENCES information_requests(id),
  fee_schedule_id BIGINT REFERENCES request_fee_schedules(id),
  pages INTEGER NOT NULL,
  media INTEGER NOT NULL,
  shipping INTEGER NOT NULL,
  lines TEXT NOT NULL,  -- the quote as JSON: [{"label", "quantity", "unit_cents", "cents"}]
  amount_cents BIGINT NOT NULL CHECK (amount_cents >= 0),
  free_reason TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('awaiting_payment', 'available', 'collected', 'unpaid')),
  payment_due_on TEXT NOT NULL,
  paid_on TEXT NOT NULL,
  payment_reference TEXT NOT NULL,
  available_until TEXT NOT NULL,
  collected_on TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX request_costs_due ON request_costs(status, payment_due_on);

INSERT INTO request_fee_schedules (jurisdiction_code, year, simple_page_cents, certified_page_cents, medium_cents,
                                   shipping_cents, payment_instructions, legal_basis, verified, created_at, updated_at)
VALUES ('', 2025, 200, 2800, 2000, 18000,
 'Paga en la ventanilla bancaria o por transferencia con la línea de captura que te entrega la Unidad de Transparencia, y entrégale el comprobante.',
 'Cifras de ejemplo, por cotejar: las cuotas federales son las de la Ley Federal de Derechos del año (art. 5) y ninguna institución puede cobrar más (LGTAIP 2025, art. 143). Un administrador debe corregirlas antes de cobrar.',
 0, '2026-12-07T00:00:00Z', '2026-12-07T00:00:00Z');
