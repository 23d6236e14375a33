// The open-data catalog in a real browser: an official publishes a CSV and
// corrects a column's type, a visitor finds it by a facet, browses its table
// and downloads it; every page axe-clean.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { startPortal, expectAccessible, signIn as signInAt } from './support.js';

let portal;
before(async () => { portal = await startPortal(); });
after(async () => { await portal?.stop(); });

test('an official publishes a CSV, fixes a column type, and a visitor finds it by a facet', async () => {
  const page = await portal.newPage();
  await signInAt(portal, page, 'funcionaria@demo.apertura.mx', 'demo-official-2026');
  await page.goto(`${portal.url}/datos`);
  await page.getByRole('link', { name: 'Publicar un conjunto de datos' }).click();
  await expectAccessible(page);
  // A form sent without a title says so beside the field.
  await page.getByRole('button', { name: 'Guardar el borrador' }).click();
  await page.locator('.form-errors').waitFor();
  assert.equal(await page.getByLabel('Título').getAttribute('aria-invalid'), 'true');
  await expectAccessible(page);

  await page.getByLabel('Título').fill('Obras terminadas en 2026');
  await page.getByLabel('Descripción').fill('Cada obra pública **terminada**, con su monto y su municipio.');
  await page.getByLabel('Cada cuánto se actualiza').selectOption('monthly');
  await page.getByLabel('Etiquetas (opcional)').fill('obra pública, municipios');
  await page.getByLabel('Movilidad y obra pública').check();
  await page.getByRole('button', { name: 'Guardar el borrador' }).click();
  await page.getByRole('heading', { level: 1, name: 'Obras terminadas en 2026' }).waitFor();
  assert.match(await page.locator('main').innerText(), /Borrador/);

  const dir = mkdtempSync(join(tmpdir(), 'apertura-catalog-'));
  const csv = join(dir, 'obras-2026.csv');
  writeFileSync(csv, 'obra,clave_municipio,municipio,monto_mxn\nPuente vehicular,120,Zapopan,12500000\nAulas,101,Tonalá,3400000\n');
  await page.getByLabel('Archivo (hasta 15 MB)').setInputFiles(csv);
  await page.getByRole('button', { name: 'Agregar', exact: true }).click();
  await page.getByRole('link', { name: 'obras-2026.csv', exact: true }).waitFor();
  assert.match(await page.locator('main').innerText(), /Tabla consultable/);
  await expectAccessible(page);

  // The municipality's INEGI key was read as a number; it is a code, so the official makes it text.
  const draft = page.url();
  await page.getByRole('link', { name: 'obras-2026.csv', exact: true }).click();
  assert.match(await page.locator('#tabla').innerText(), /clave_municipio\s+Número entero/);
  await page.getByRole('link', { name: 'Corregir los tipos de las columnas' }).click();
  await expectAccessible(page);
  await page.getByLabel('Columna 2: clave_municipio').selectOption('string');
  await page.getByRole('button', { name: 'Guardar y revisar el archivo' }).click();
  await page.getByRole('status').waitFor();
  assert.match(await page.getByRole('status').innerText(), /cargamos la tabla: 2 filas/);
  assert.match(await page.locator('#tabla').innerText(), /clave_municipio\s+Texto/);
  await expectAccessible(page);
  await page.goto(draft);
  await page.getByRole('button', { name: 'Publicar el conjunto de datos' }).click();
  await page.getByRole('status').waitFor();
  assert.match(await page.getByRole('status').innerText(), /Publicamos el conjunto de datos/);
  const address = page.url();

  // A visitor, without an account, filters by format and by the group.
  const visitor = await portal.newPage();
  await visitor.goto(`${portal.url}/datos`);
  await expectAccessible(visitor);
  await visitor.getByText('Grupo temático').click();
  await visitor.getByRole('link', { name: 'Movilidad y obra pública' }).click();
  await visitor.getByRole('link', { name: 'Obras terminadas en 2026' }).waitFor();
  assert.match(await visitor.locator('main').innerText(), /Grupo temático: Movilidad y obra pública/);
  await visitor.getByText('Formato', { exact: true }).click();
  await visitor.locator('.facets').getByRole('link', { name: 'CSV' }).click();
  await visitor.getByRole('link', { name: 'Obras terminadas en 2026' }).click();
  assert.equal(visitor.url(), address);
  assert.match(await visitor.locator('main').innerText(), /Creative Commons/);
  await expectAccessible(visitor);
  const [download] = await Promise.all([
    visitor.waitForEvent('download'),
    visitor.getByRole('link', { name: /Descargar/ }).first().click(),
  ]);
  assert.equal(download.suggestedFilename(), 'obras-2026.csv');
  await visitor.getByRole('link', { name: 'obras-2026.csv', exact: true }).click();
  await visitor.getByRole('heading', { level: 1, name: 'obras-2026.csv' }).waitFor();
  assert.match(await visitor.locator('main').innerText(), /SHA-256/);
  await expectAccessible(visitor);
  // Its table, sorted by a heading and searched.
  await visitor.getByRole('link', { name: 'Explorar la tabla' }).click();
  await visitor.getByRole('link', { name: 'monto_mxn' }).click();
  assert.equal(await visitor.locator('th[aria-sort="ascending"]').innerText(), 'monto_mxn ↑');
  assert.match(await visitor.locator('tbody tr').first().innerText(), /Aulas/);
  await visitor.getByLabel('Buscar en la tabla').fill('zapopan');
  await visitor.getByRole('button', { name: 'Buscar' }).click();
  assert.match(await visitor.getByRole('status').innerText(), /1 fila con «zapopan»/);
  for (const width of [1280, 360]) {
    await visitor.setViewportSize({ width, height: 900 });
    await expectAccessible(visitor);
  }
  for (const width of [1280, 360]) {
    await visitor.setViewportSize({ width, height: 900 });
    await visitor.goto(`${portal.url}/datos`);
    await expectAccessible(visitor);
  }
});

test('an account makes an API token, sees it once and revokes it', async () => {
  const page = await portal.newPage();
  await signInAt(portal, page, 'funcionaria@demo.apertura.mx', 'demo-official-2026');
  await page.goto(`${portal.url}/cuenta/tokens`);
  await expectAccessible(page);
  await page.getByLabel('Para qué programa es').fill('Cosechador nacional');
  await page.getByRole('button', { name: 'Crear el token' }).click();
  const token = await page.locator('#token-nuevo').innerText();
  assert.match(token, /^apertura_/);
  await expectAccessible(page);
  const answer = await fetch(`${portal.url}/api/3/action/package_search?rows=0`, { headers: { Authorization: token } });
  assert.equal(answer.status, 200);
  await page.goto(`${portal.url}/cuenta/tokens`);
  assert.doesNotMatch(await page.locator('main').innerText(), new RegExp(token));
  await page.getByRole('button', { name: /Revocar/ }).click();
  await page.getByRole('status').waitFor();
  const refused = await fetch(`${portal.url}/api/3/action/package_search?rows=0`, { headers: { Authorization: token } });
  assert.equal(refused.status, 401);
});
