// Following the money in a real browser: a visitor searches a contract, opens
// it and reads its red flags; an official uploads an OCDS file; every page
// visited passes axe-core.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startPortal, expectAccessible, signIn as signInAt } from './support.js';

let portal;
before(async () => { portal = await startPortal(); });
after(async () => { await portal?.stop(); });

test('a visitor searches a contract, opens it and sees why it is flagged', async () => {
  const page = await portal.newPage();
  await page.goto(`${portal.url}/`);
  await page.getByRole('link', { name: 'Contrataciones' }).first().click();
  await expectAccessible(page);
  await page.getByLabel('Buscar', { exact: true }).fill('medicamentos');
  await page.getByLabel('Método', { exact: true }).selectOption('direct');
  await page.getByLabel(/^Monto mínimo/).fill('1000000');
  await page.getByLabel('Orden').selectOption('amount_desc');
  await page.getByRole('button', { name: 'Buscar' }).click();
  const firstResult = page.locator('tbody tr').first();
  assert.match(await firstResult.innerText(), /Medicamentos/);
  assert.match(await firstResult.innerText(), /Adjudicación directa/);
  await firstResult.getByRole('link').first().click();
  await page.getByRole('heading', { name: 'Señales de riesgo' }).waitFor();
  const flags = await page.locator('.flag-list').innerText();
  assert.match(flags, /MX01 · Adjudicación directa de monto alto/);
  assert.match(flags, /sin competencia/);
  await expectAccessible(page);
  // The buyer's page sums its contracts and lists its suppliers.
  await page.locator('.facts').getByRole('link').first().click();
  await page.getByRole('heading', { name: 'Como comprador' }).waitFor();
  assert.ok(await page.locator('table').filter({ hasText: 'Principales proveedores' }).count() === 1);
  await expectAccessible(page);
});

test('the red-flag list is grouped by indicator, each explained once, and links to what it flags', async () => {
  const page = await portal.newPage();
  await page.goto(`${portal.url}/senales`);
  await expectAccessible(page);
  // One card per indicator: its count (a link to its flags) and its one explanation.
  const card = page.locator('#senal-R003');
  assert.match(await card.innerText(), /Plazo corto para presentar ofertas/);
  assert.match(await card.innerText(), /menos de 15 días completos/);
  await card.getByRole('link', { name: /\d+ procesos?/ }).click();
  await page.getByRole('heading', { name: 'R003 · Plazo corto para presentar ofertas' }).waitFor();
  assert.match(page.url(), /code=R003/);
  await expectAccessible(page);
  // The list names what it flags, not the indicator again on every row.
  assert.doesNotMatch(await page.locator('tbody').innerText(), /Plazo corto/);
  await page.locator('tbody tr').first().locator('td').first().getByRole('link').click();
  assert.match(await page.locator('.flag-list').innerText(), /R003/);
  // A state's flags: the filter keeps to its processes.
  await page.goto(`${portal.url}/senales`);
  await page.getByLabel('Entidad').selectOption({ label: 'Jalisco' });
  await page.getByRole('button', { name: 'Filtrar' }).click();
  assert.match(page.url(), /jurisdiction=14/);
  assert.match(await page.locator('main').innerText(), /\d+ señales? de \d+ indicador/);
  await page.setViewportSize({ width: 360, height: 800 });
  await expectAccessible(page);
});

test('an official uploads an OCDS file and sees what was imported', async () => {
  const page = await portal.newPage();
  await signInAt(portal, page, 'funcionaria@demo.apertura.mx', 'demo-official-2026');
  await page.goto(`${portal.url}/contrataciones/importar`);
  await expectAccessible(page);
  const release = {
    ocid: 'ocds-e2e-0001', id: '1', date: '2026-03-01T10:00:00-06:00', tag: ['tender'], initiationType: 'tender',
    tender: { id: 't', title: 'Compra de bicicletas públicas', procurementMethod: 'open' },
  };
  await page.getByLabel('Archivo OCDS').setInputFiles({
    name: 'bicicletas.json', mimeType: 'application/json',
    buffer: Buffer.from(`${JSON.stringify(release)}\n{"ocid": "sin-fecha", "id": "2"}\n`),
  });
  await page.getByRole('button', { name: 'Importar' }).click();
  // The upload opens the page that follows its import; it shows the result once it ends.
  await page.getByRole('heading', { name: 'Resultado de la importación' }).waitFor();
  assert.match(page.url(), /\/contrataciones\/importaciones\/\d+$/);
  assert.match(await page.locator('main').innerText(), /1 entregas importadas/);
  assert.match(await page.locator('tbody').innerText(), /falta `date`/);
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Importaciones' }).click();
  assert.match(await page.locator('tbody').innerText(), /bicicletas\.json\s.*Terminada/);
  await expectAccessible(page);
  await page.goto(`${portal.url}/contrataciones?q=bicicletas`);
  assert.match(await page.locator('tbody').innerText(), /Compra de bicicletas públicas/);
});

test('a file larger than a form may carry is uploaded from the same page and its import followed, under the real CSP', async () => {
  const page = await portal.newPage({ bypassCSP: false });
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await signInAt(portal, page, 'funcionaria@demo.apertura.mx', 'demo-official-2026');
  await page.goto(`${portal.url}/contrataciones/importar`);
  const filler = 'x'.repeat(10000);
  const lines = [];
  for (let i = 0; i < 1700; i += 1) {
    lines.push(JSON.stringify({
      ocid: `ocds-e2e-grande-${i % 500}`, id: String(i), date: '2026-04-01T10:00:00-06:00', tag: ['tender'],
      tender: { id: 't', title: 'Compra de lanchas de rescate', description: filler },
    }));
  }
  lines.push('{"ocid": "sin-fecha", "id": "x"}');
  const buffer = Buffer.from(`${lines.join('\n')}\n`);
  assert.ok(buffer.length > 16 * 1024 * 1024);
  await page.getByLabel('Archivo OCDS').setInputFiles({ name: 'grande.jsonl', mimeType: 'application/x-ndjson', buffer });
  await page.getByRole('button', { name: 'Importar' }).click();
  await page.getByRole('heading', { name: 'Resultado de la importación' }).waitFor({ timeout: 60000 });
  const text = await page.locator('main').innerText();
  assert.match(text, /grande\.jsonl: 1700 entregas importadas/);
  assert.match(text, /500 procesos de contratación compilados/);
  assert.match(await page.locator('tbody').innerText(), /1701\s+sin-fecha\s+x\s+falta `date`/);
  assert.deepEqual(problems, []);
  await page.goto(`${portal.url}/contrataciones?q=lanchas`);
  assert.match(await page.locator('main').innerText(), /500/);
});

test('the money trail draws budget to supplier as a chart beside its tables, under the real CSP', async () => {
  // Without bypassCSP: the bundled chart must run under the portal's own Content-Security-Policy.
  const page = await portal.newPage({ bypassCSP: false });
  const problems = [];
  page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(`${portal.url}/`);
  await page.getByRole('link', { name: 'Presupuesto' }).first().click();
  await page.getByRole('heading', { level: 1, name: /El trayecto del dinero público: Jalisco, 2026/ }).waitFor();
  await page.locator('#grafica-trayecto canvas').first().waitFor();
  assert.ok((await page.locator('#grafica-trayecto').boundingBox()).height > 300);
  assert.deepEqual(problems, []);
  const units = await page.locator('table').filter({ hasText: 'Momentos contables' }).innerText();
  assert.match(units, /Secretaría de Salud del Estado de Jalisco/);
  assert.match(units, /Total/);
  await page.getByLabel('Ejercicio').selectOption('2024');
  await page.getByRole('button', { name: 'Ver' }).click();
  await page.getByRole('heading', { level: 1, name: /Jalisco, 2024/ }).waitFor();
  const suppliers = page.locator('table').filter({ hasText: 'Proveedores por monto adjudicado' });
  assert.ok(await suppliers.locator('tbody tr').count() > 0);
  const checked = await portal.newPage();
  await checked.goto(page.url());
  await expectAccessible(checked);
});

test('an official loads a budget file; a bad row is reported by line and nothing is loaded', async () => {
  const page = await portal.newPage();
  await signInAt(portal, page, 'funcionaria@demo.apertura.mx', 'demo-official-2026');
  await page.goto(`${portal.url}/presupuesto/importar`);
  await expectAccessible(page);
  const header = 'ejercicio,clave,unidad_responsable,aprobado,modificado,comprometido,devengado,ejercido,pagado';
  const upload = async (rows) => {
    await page.getByLabel(/^Jurisdicción/).fill('14');
    await page.getByLabel('Archivo CSV').setInputFiles({
      name: 'presupuesto.csv', mimeType: 'text/csv', buffer: Buffer.from([header, ...rows].join('\n')),
    });
    await page.getByRole('button', { name: 'Cargar' }).click();
  };
  await upload(['2027,E2E-1,Secretaría de Finanzas,1000,1000,900,800,700,600', '2027,E2E-2,Secretaría de Finanzas,1000,1000,900,950,700,600']);
  const errors = await page.locator('.form-errors').innerText();
  assert.match(errors, /línea 3: lo devengado \(950\.00\) pasa de lo comprometido \(900\.00\)/);
  await expectAccessible(page);
  await page.goto(`${portal.url}/presupuesto?jurisdiccion=14&anio=2027`);
  assert.match(await page.locator('main').innerText(), /No hay líneas presupuestarias de 2027/);
  await page.goto(`${portal.url}/presupuesto/importar`);
  await upload(['2027,E2E-1,Secretaría de Finanzas,1000,1000,900,800,700,600']);
  await page.getByRole('heading', { level: 1, name: /Jalisco, 2027/ }).waitFor();
  assert.match(await page.locator('.flash, [role=status]').first().innerText(), /Cargamos 1 líneas nuevas/);
});
