// The API as its document promises it: the OpenAPI document passes Redocly's
// strict OpenAPI 3.0 lint, and every documented operation, called anonymously
// and signed in with real bodies on the demo, answers with a status the
// document lists and a body its schema accepts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { startServer } from './support.js';

const require = createRequire(import.meta.url);
let server;
let document;

before(async () => {
  server = await startServer();
  document = await (await fetch(`${server.url}/api/v1/openapi.json`)).json();
});
after(async () => { await server?.stop(); });

// A client with a cookie jar that sends the CSRF header on writes, as the portal's own scripts do.
class Client {
  constructor(url) { this.url = url; this.cookies = new Map(); }
  cookieHeader() { return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '); }
  async call(method, path, body, contentType = 'application/json') {
    if (method !== 'GET' && !this.cookies.has('apertura_csrf')) await this.call('GET', '/api/v1/overview');
    const headers = { Accept: 'application/json', Cookie: this.cookieHeader() };
    if (method !== 'GET') headers['X-CSRF-Token'] = this.cookies.get('apertura_csrf');
    let payload;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers['Content-Type'] = contentType;
      payload = typeof body === 'string' ? body : JSON.stringify(body);
    }
    const response = await fetch(this.url + path, { method, headers, body: payload });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    const text = await response.text();
    let json;
    try { json = text ? JSON.parse(text) : undefined; } catch { json = undefined; }
    return { status: response.status, type: response.headers.get('content-type') ?? '', text, json };
  }
  async signIn(email, password) {
    const answer = await this.call('POST', '/api/v1/session', { email, password });
    assert.equal(answer.status, 201, answer.text);
    return this;
  }
}

test('the OpenAPI document passes a strict OpenAPI 3.0 lint', () => {
  const file = join(server.dir, 'openapi.json');
  writeFileSync(file, JSON.stringify(document));
  const redocly = join(require.resolve('@redocly/cli/package.json'), '..', 'bin', 'cli.js');
  const output = execFileSync(process.execPath, [redocly, 'lint', '--extends', 'recommended-strict',
    '--format', 'json', file], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
  });
  const problems = JSON.parse(output.slice(output.indexOf('{'))).problems;
  assert.deepEqual(problems.map((p) => `${p.ruleId} ${p.location[0].pointer}: ${p.message}`), []);
});

test('every documented operation answers as its document says', async () => {
  // Every "#/…" reference made absolute, so a schema taken from anywhere resolves it.
  const absolute = (node) => {
    if (Array.isArray(node)) return node.map(absolute);
    if (node && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([k, v]) =>
        [k, k === '$ref' && typeof v === 'string' && v.startsWith('#') ? `openapi${v}` : absolute(v)]));
    }
    return node;
  };
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'openapi', components: absolute(document.components) });
  const resolve = (node) => {
    while (node?.$ref) node = node.$ref.split('/').slice(1).reduce((at, key) => at[key], document);
    return node;
  };

  const answered = new Map();  // "GET /plans/{id}" -> statuses seen
  const failures = [];
  let validated = 0;
  // The checker itself tells a wrong body from a right one.
  const listSchema = absolute(resolve(document.paths['/jurisdictions'].get.responses['200']).content['application/json'].schema);
  assert.equal(ajv.validate(listSchema, { data: 'no' }), false);
  assert.equal(ajv.validate(listSchema, { data: [{ id: 'uno' }], meta: {}, links: {} }), false);
  const routes = Object.entries(document.paths).flatMap(([template, operations]) =>
    Object.keys(operations).filter((m) => m !== 'parameters').map((m) => ({ method: m.toUpperCase(), template })));
  const templateOf = (method, path) => routes.find((r) => r.method === method &&
    new RegExp(`^${r.template.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path.split('?')[0]))?.template;

  async function call(client, method, path, body, contentType) {
    const answer = await client.call(method, `/api/v1${path}`, body, contentType);
    const template = templateOf(method, path);
    const where = `${method} ${template ?? path} (${answer.status})`;
    if (!template) { failures.push(`${where}: not documented`); return answer; }
    const key = `${method} ${template}`;
    if (!answered.has(key)) answered.set(key, new Set());
    answered.get(key).add(answer.status);
    const documented = resolve(document.paths[template][method.toLowerCase()].responses[String(answer.status)]);
    if (!documented) { failures.push(`${where}: status not documented — ${answer.text.slice(0, 200)}`); return answer; }
    const schema = documented.content?.['application/json']?.schema;
    if (schema && answer.type.includes('json')) {
      const validate = ajv.compile(absolute(schema));
      validated += 1;
      if (!validate(answer.json)) {
        failures.push(`${where}: ${ajv.errorsText(validate.errors, { dataVar: 'respuesta' }).slice(0, 400)}`);
      }
    } else if (schema) {
      failures.push(`${where}: documented as JSON, answered ${answer.type}`);
    }
    return answer;
  }

  const anonymous = new Client(server.url);
  const admin = new Client(server.url);
  assert.equal((await call(admin, 'POST', '/session', { email: 'admin@demo.apertura.mx', password: 'demo-admin-2026' })).status, 201);
  const official = await new Client(server.url).signIn('funcionaria@demo.apertura.mx', 'demo-official-2026');
  const civil = await new Client(server.url).signIn('sociedad@demo.apertura.mx', 'demo-civil-2026');

  // Reads, first anonymous, which also finds the demo's records for the writes.
  const id = {};
  const plan = (await call(anonymous, 'GET', '/jurisdictions/14/plans')).json.data[0];
  id.plan = plan.id;
  const commitment = (await call(anonymous, 'GET', `/plans/${id.plan}`)).json.data.commitments[0];
  id.commitment = commitment.id;
  id.milestone = commitment.milestones[0].id;
  id.indicator = commitment.indicators[0].id;
  id.institution = (await call(anonymous, 'GET', '/jurisdictions/14/institutions')).json.data[0].id;
  id.proposal = (await call(anonymous, 'GET', '/jurisdictions/14/proposals')).json.data[0].id;
  const process = (await call(anonymous, 'GET', '/processes?per_page=5')).json.data[0];
  id.ocid = process.ocid;
  id.organization = process.buyer_id;
  id.folio = (await call(anonymous, 'GET', '/requests?per_page=1')).json.data[0].folio;
  const regime = (await call(anonymous, 'GET', '/request-regimes')).json.data.items[1];
  const reads = ['/overview', '/openapi.json', '/jurisdictions', '/jurisdictions/14', '/jurisdictions/99',
    `/institutions/${id.institution}`, '/jurisdictions/14/secretariat', '/jurisdictions/14/secretariat/sessions',
    `/commitments/${id.commitment}`, `/milestones/${id.milestone}/evidence`, `/proposals/${id.proposal}`,
    '/processes?q=agua&sort=amount', '/processes?per_page=abc', `/processes/${id.ocid}`,
    `/processes/${id.ocid}/versioned`, `/processes/${id.ocid}/changes`, `/processes/${id.ocid}/flags`,
    `/processes/${id.ocid}/budget-lines`, '/processes/ocds-no-existe', `/organizations/${id.organization}`,
    '/ocds/records?per_page=2', '/ocds/releases?per_page=2', '/flags', '/flags?per_page=2&page=2',
    '/budget/trail?jurisdiction=14', '/budget/lines?jurisdiction=14', '/audit', '/audit?per_page=3',
    '/me', '/users', '/outbox', '/ocds/imports', '/requests?q=vehiculos&status=received', '/requests?status=nada', '/requests?topic=bienes', '/requests?topic=nada', '/request-topics',
    `/requests/${id.folio}`, '/requests/2026-NADA-000001', '/closed-days', '/requests/stats?jurisdiction=14',
    '/requests/stats?year=abc', '/requests/stats?jurisdiction=99'];
  for (const path of reads) await call(anonymous, 'GET', path);
  for (const path of ['/me', '/users', '/outbox', '/ocds/imports', '/audit']) await call(admin, 'GET', path);

  // Writes: anonymous (refused), then with the role that may make each one.
  const ndjson = `${JSON.stringify({ ocid: 'ocds-apdemo-api-1', id: 'api-1', date: '2026-02-01T00:00:00Z',
    tag: ['tender'], tender: { id: 't', title: 'Compra de patrullas' } })}\n`;
  const writes = [
    [admin, 'POST', '/users', { email: 'nueva@example.mx', display_name: 'Persona Nueva', password: 'una-contrasena-larga' }],
    [anonymous, 'POST', '/users', { email: 'x' }],
    [anonymous, 'POST', '/session', { email: 'admin@demo.apertura.mx', password: 'no-es' }],
    [admin, 'POST', '/jurisdictions', { code: '31', name: 'Yucatán', level: 'state' }],
    [admin, 'POST', '/jurisdictions/14/institutions', { name: 'Instituto de Transparencia de Prueba', acronym: 'ITP' }],
    [admin, 'POST', '/jurisdictions/14/plans', { starts_on: '2028-01-01', ends_on: '2028-12-31', license: 'CC-BY-4.0' }],
    [admin, 'POST', '/jurisdictions/14/secretariat/members', { name: 'Ana Ruiz', sector: 'civil_society',
      organization: 'Observatorio Ciudadano', starts_on: '2026-01-15' }],
    [admin, 'POST', '/jurisdictions/14/secretariat/sessions', { held_on: '2026-03-02', place: 'Guadalajara',
      agenda: 'Revisión de avances', attendance: [] }],
    // Published commitments no longer change (409); the draft plan's one does, below.
    [official, 'PUT', `/commitments/${id.commitment}`, { number: commitment.number, title: commitment.title }],
    [official, 'POST', `/milestones/${id.milestone}/report`, { status: 'in_progress' }],
    [official, 'POST', `/indicators/${id.indicator}/values`, { value: 12, measured_on: '2026-06-30' }],
    [official, 'POST', `/milestones/${id.milestone}/evidence`, { title: 'Acta de la sesión', url: 'https://example.mx/acta.pdf' }],
    [civil, 'POST', `/jurisdictions/14/proposals`, { title: 'Datos de obra pública', description: 'Publicar cada obra con su avance.', kind: 'proposal' }],
    [civil, 'POST', `/proposals/${id.proposal}/supports`, {}],
    [civil, 'POST', `/proposals/${id.proposal}/comments`, { body: 'De acuerdo con la propuesta.' }],
    [admin, 'POST', `/proposals/${id.proposal}/answer`, { status: 'not_adopted', answer: 'No cabe en este plan.' }],
    [anonymous, 'POST', '/readability', { text: 'El plan de acción se publica en lenguaje claro.' }],
    [official, 'POST', '/budget/imports?jurisdiction=14', 'ejercicio,clave,unidad_responsable,aprobado,modificado,'
      + 'comprometido,devengado,ejercido,pagado\n2026,API-1,Salud,100,100,50,40,30,20\n', 'text/csv'],
    [admin, 'POST', `/processes/${id.ocid}/budget-lines`, { year: 2026, key: 'API-1' }],
    [official, 'POST', '/ocds/imports?name=api.jsonl', ndjson, 'application/x-ndjson'],
    [anonymous, 'POST', '/requests', { institution_ids: [id.institution], description: 'Solicito el padrón de proveedores vigente.' }],
    [anonymous, 'POST', '/requests', { institution_ids: [], description: '' }],
    [admin, 'POST', '/request-regimes', { code: 'prueba-api', name: 'Ley de prueba', jurisdiction_code: '14',
      effective_from: '2030-01-01', guarantor: 'Órgano garante de prueba', legal_basis: 'Publicación de prueba',
      terms: regime.terms }],
    [admin, 'PUT', `/request-regimes/${regime.id}`, { ...regime, legal_basis: `${regime.legal_basis} (revisado)` }],
    [admin, 'POST', '/closed-days', { jurisdiction: '14', from: '2026-12-24', to: '2026-12-24', kind: 'non_working',
      basis: 'Calendario de prueba' }],
    [official, 'POST', `/commitments/${id.commitment}/withdrawal`, { reason: 'La dependencia responsable desapareció en la reforma administrativa.' }],
  ];
  for (const [client, method, path, body, type] of writes) {
    if (client !== anonymous) await call(anonymous, method, path, body, type);
    const answer = await call(client, method, path, body, type);
    if (path === '/jurisdictions/14/plans' && answer.status === 201) id.newPlan = answer.json.data.id;
    if (path.endsWith('/secretariat/sessions') && answer.status === 201) id.session = answer.json.data.id;
    if (path.endsWith('/evidence') && answer.status === 201) id.evidence = answer.json.data.id;
    if (path.startsWith('/ocds/imports') && answer.status >= 200 && answer.status < 300) id.import = answer.json.data.id;
  }
  // The ones that need what the writes made.
  await call(anonymous, 'GET', `/plans/${id.newPlan}`);
  await call(admin, 'POST', `/plans/${id.newPlan}/status`, { status: 'co_creation' });
  const created = await call(admin, 'POST', `/plans/${id.newPlan}/commitments`, { number: 1, title: 'Compromiso de prueba' });
  id.newCommitment = created.json.data.id;
  await call(admin, 'PUT', `/commitments/${id.newCommitment}`, { number: 1, title: 'Compromiso de prueba, con nombre claro' });
  await call(admin, 'POST', `/commitments/${id.newCommitment}/milestones`, { description: 'Publicar el tablero', due_on: '2028-11-30' });
  await call(admin, 'POST', `/commitments/${id.newCommitment}/indicators`,
    { name: 'Contratos publicados', unit: 'contratos', baseline: 0, target: 100 });
  await call(anonymous, 'GET', `/secretariat-sessions/${id.session}`);
  await call(admin, 'POST', `/secretariat-sessions/${id.session}/agreements`,
    { description: 'Publicar la minuta', owner: 'Secretaría técnica', due_on: '2026-04-01' });
  const form = new FormData();
  form.append('title', 'Minuta firmada');
  form.append('file', new Blob(['%PDF-1.4\n%minuta\n'], { type: 'application/pdf' }), 'minuta.pdf');
  await call(anonymous, 'POST', `/secretariat-sessions/${id.session}/documents`, new FormData());
  await call(admin, 'POST', `/secretariat-sessions/${id.session}/documents`, form);
  await call(civil, 'POST', `/evidence/${id.evidence}/validation`, { validation: 'validated' });
  await call(official, 'GET', `/ocds/imports/${id.import}`);
  await call(official, 'DELETE', `/ocds/imports/${id.import}`);  // ended already: 409
  const queued = await call(official, 'POST', '/ocds/imports?name=otra.jsonl', ndjson.repeat(2000), 'application/x-ndjson');
  await call(official, 'DELETE', `/ocds/imports/${queued.json.data.id}`);
  // A unit's queue, and a request worked through it: clarified with the key given at filing, then answered.
  await call(anonymous, 'GET', '/requests/queue');
  const queue = (await call(official, 'GET', '/requests/queue')).json.data.items;
  assert.ok(queue.length > 0, 'the demo official has open requests');
  const ours = (await call(anonymous, 'POST', '/requests', { institution_ids: [queue[0].institution_id],
    description: 'Solicito el calendario de pagos a proveedores de este año.' })).json.data.items[0];
  const steps = `/requests/${ours.folio}/steps`;
  await call(anonymous, 'POST', steps, { action: 'clarify', text: 'Precise de qué año y de qué proveedores.', version: ours.version });
  await call(official, 'POST', steps, { action: 'clarify', text: 'Precise de qué año y de qué proveedores.', version: ours.version });
  await call(anonymous, 'POST', `/requests/${ours.folio}/clarification`, { key: 'no-es', text: 'De 2026, de todos.' });
  await call(anonymous, 'POST', `/requests/${ours.folio}/clarification`, { key: ours.requester_key, text: 'De 2026, de todos.' });
  const answer = { action: 'answer', outcome: 'delivered', text: 'Se entrega el calendario de pagos de 2026.' };
  await call(official, 'POST', steps, answer);
  await call(official, 'POST', steps, answer);  // answered already: 409
  // Appealed with the key; the guarantor (an admin here) admits and resolves; the unit reports compliance.
  await call(anonymous, 'POST', `/requests/${ours.folio}/appeal`, { ground: 'no_answer', reasons: 'No me dieron nada.', key: ours.requester_key });
  await call(anonymous, 'POST', `/requests/${ours.folio}/appeal`, { ground: 'incomplete', reasons: 'Falta el calendario de diciembre.',
    key: ours.requester_key });
  const appealSteps = `/requests/${ours.folio}/appeal/steps`;
  await call(official, 'POST', appealSteps, { action: 'admit', text: 'Se admite el recurso de revisión.' });  // not the guarantor: 403
  await call(admin, 'POST', appealSteps, { action: 'admit', text: 'Se admite el recurso de revisión.' });
  await call(admin, 'POST', appealSteps, { action: 'resolve', result: 'revoke', text: 'Se revoca: debe entregarlo completo.' });
  const compliance = new FormData();
  compliance.append('action', 'report_compliance');
  compliance.append('text', 'Se entregó el calendario completo.');
  compliance.append('files', new Blob(['mes,monto\ndiciembre,10\n'], { type: 'text/csv' }), 'calendario.csv');
  await call(official, 'POST', appealSteps, compliance);
  // The compliance's document, replaced by its redacted version.
  const reported = (await call(anonymous, 'GET', `/requests/${ours.folio}`)).json.data.files.at(-1);
  const redactedFile = new FormData();
  redactedFile.append('reason', 'nombre de un proveedor');
  redactedFile.append('file', new Blob(['mes,monto\n[testado],10\n'], { type: 'text/csv' }), 'calendario-publico.csv');
  await call(anonymous, 'POST', `/requests/${ours.folio}/files/${reported.id}/redaction`, new FormData());
  await call(official, 'POST', `/requests/${ours.folio}/files/${reported.id}/redaction`, redactedFile);
  await call(anonymous, 'POST', `/requests/${ours.folio}/redactions`, { target: 'description', text: 'x', reason: 'nombre' });
  await call(official, 'POST', `/requests/${ours.folio}/redactions`, { target: 'description',
    text: 'Solicito el calendario de pagos a [testado] de este año.', reason: 'nombre de un proveedor' });
  // Copies priced on the answer, then paid; the fee schedules admins keep.
  const copies = (await call(anonymous, 'POST', '/requests', { institution_ids: [queue[0].institution_id], delivery: 'copies',
    description: 'Solicito copia de los contratos de arrendamiento de este año.' })).json.data.items[0];
  await call(official, 'POST', `/requests/${copies.folio}/steps`, { action: 'answer', outcome: 'delivered', pages: 60,
    shipping: true, text: 'Se entregan los contratos en copia simple.' });
  const cost = `/requests/${copies.folio}/cost`;
  await call(anonymous, 'POST', cost, { action: 'paid', reference: 'LC-100200' });
  await call(official, 'POST', cost, { action: 'paid', reference: 'LC-100200' });
  await call(official, 'POST', cost, { action: 'paid', reference: 'LC-100200' });  // paid already: 422
  await call(anonymous, 'GET', '/request-fees');
  await call(anonymous, 'PUT', `/requests/${copies.folio}/topic`, { topic: 'contrataciones' });
  await call(official, 'PUT', `/requests/${copies.folio}/topic`, { topic: 'contrataciones' });
  await call(official, 'PUT', `/requests/${copies.folio}/topic`, { topic: 'nada' });
  const fees = { jurisdiction: '14', year: 2027, simple_page_cents: 150, certified_page_cents: 3000, medium_cents: 2500,
    shipping_cents: 20000, payment_instructions: 'En la recaudadora del estado.', legal_basis: 'Ley de Ingresos de prueba' };
  await call(official, 'POST', '/request-fees', fees);
  await call(admin, 'POST', '/request-fees', fees);
  await call(admin, 'POST', '/request-fees', { ...fees, simple_page_cents: -1 });
  // The official's inbox holds the unit's notices; one is marked read, then all.
  await call(anonymous, 'GET', '/inbox');
  const inbox = (await call(official, 'GET', '/inbox?unread=1')).json.data;
  assert.ok(inbox.length > 0, 'the unit was told of the new requests');
  await call(official, 'POST', '/inbox/read', { id: inbox[0].id });
  await call(official, 'POST', '/inbox/read', { id: inbox[0].id });  // read already: 404
  await call(official, 'POST', '/inbox/read', {});
  await call(anonymous, 'GET', '/appeals?status=open');
  await call(anonymous, 'GET', '/appeals?jurisdiction=14&status=nada');
  await call(anonymous, 'GET', '/request-guarantors');
  const jalisco = (await call(anonymous, 'GET', '/jurisdictions/14/institutions')).json.data;
  await call(official, 'PUT', '/request-guarantors/14', { institution_id: jalisco[0].id });
  const itei = jalisco.find((i) => i.acronym === 'ITEI');
  await call(admin, 'PUT', '/request-guarantors/14', { institution_id: itei.id });
  // The open-data catalog: search, a draft made, filled, published, versioned and edited.
  await call(anonymous, 'GET', '/datasets?q=presupuesto&format=CSV');
  await call(anonymous, 'GET', '/datasets?sort=nada');
  await call(anonymous, 'GET', '/dataset-groups');
  await call(anonymous, 'POST', '/datasets', { title: 'Sin sesión' });
  await call(official, 'POST', '/datasets', { title: '', license: 'GPL' });
  const dataset = (await call(official, 'POST', '/datasets', { title: 'Proveedores sancionados', tags: ['proveedores'], groups: ['dinero-publico'] })).json.data;
  await call(official, 'POST', '/datasets', { title: 'Otro', slug: dataset.slug });
  await call(anonymous, 'GET', `/datasets/${dataset.slug}`);
  await call(official, 'GET', `/datasets/${dataset.slug}`);
  await call(official, 'POST', `/datasets/${dataset.slug}/publication`, {});
  await call(official, 'POST', `/datasets/${dataset.slug}/versions`, { notes: 'Antes de publicar' });
  await call(official, 'POST', `/datasets/${dataset.slug}/resources`, { name: 'Malo', url: 'ftp://x' });
  const upload = new FormData();
  upload.append('name', 'Sancionados');
  upload.append('file', new Blob(['rfc,sancion\nAAA010101AAA,inhabilitación\n'], { type: 'text/csv' }), 'sancionados.csv');
  const file = (await call(official, 'POST', `/datasets/${dataset.slug}/resources`, upload)).json.data;
  await call(official, 'POST', `/datasets/${dataset.slug}/resources`, { name: 'Fuente', url: 'https://www.gob.mx/sfp' });
  await call(official, 'POST', `/datasets/${dataset.slug}/publication`, {});
  await call(official, 'POST', `/datasets/${dataset.slug}/versions`, { version_label: '2', notes: 'Actualización' });
  const current = (await call(anonymous, 'GET', `/datasets/${dataset.slug}`)).json.data;
  await call(official, 'DELETE', `/datasets/${dataset.slug}/resources/${file.id}`);
  await call(official, 'DELETE', `/datasets/${dataset.slug}/resources/${current.resources[0].id}`);
  const latest = (await call(anonymous, 'GET', `/datasets/${dataset.slug}`)).json.data;
  await call(official, 'PUT', `/datasets/${dataset.slug}`, { title: 'Proveedores sancionados', version: latest.version - 1 });
  await call(official, 'PUT', `/datasets/${dataset.slug}`, { title: 'Proveedores y contratistas sancionados', version: latest.version });
  await call(civil, 'PUT', `/datasets/${dataset.slug}`, { title: 'Ajeno', version: latest.version + 1 });
  // API tokens: made, listed, used without CSRF, revoked.
  await call(anonymous, 'GET', '/tokens');
  await call(official, 'POST', '/tokens', { name: '' });
  const made = (await call(official, 'POST', '/tokens', { name: 'Pruebas de la API' })).json.data;
  await call(official, 'GET', '/tokens');
  const me = await fetch(`${server.url}/api/v1/me`, { headers: { Authorization: `Bearer ${made.token}`, Accept: 'application/json' } });
  assert.equal(me.status, 200);
  await call(official, 'DELETE', `/tokens/${made.id}`);
  await call(official, 'DELETE', `/tokens/${made.id}`);
  await call(anonymous, 'DELETE', '/session');
  await call(admin, 'DELETE', '/session');

  assert.deepEqual(failures, []);
  assert.ok(validated > 80, `${validated} bodies checked against their schemas`);
  const never = routes.map((r) => `${r.method} ${r.template}`).filter((key) => !answered.has(key));
  assert.deepEqual(never, [], 'every documented operation was called');
  const succeeded = [...answered].filter(([, statuses]) => [...statuses].some((s) => s < 300)).length;
  assert.ok(succeeded >= routes.length - 3,
    `most operations answered with success at least once: ${[...answered].filter(([, s]) => ![...s].some((x) => x < 300)).map(([k, s]) => `${k} ${[...s]}`).join(', ')}`);
});
