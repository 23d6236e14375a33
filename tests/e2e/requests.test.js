// An information request from the citizen's side and the unit's: filed
// without an account (with similar answered requests shown while typing),
// clarified with the key, answered by the official, appealed by the
// requester and resolved by the guarantor. Every page axe-clean.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startPortal, expectAccessible, signIn } from './support.js';

let portal;
before(async () => { portal = await startPortal(); });
after(async () => { await portal?.stop(); });

test('a citizen files a request anonymously, clarifies it, the unit answers, the citizen appeals and the guarantor resolves', async () => {
  const citizen = await portal.newPage();
  await citizen.goto(`${portal.url}/solicitudes/nueva`);
  await citizen.getByLabel('¿Qué información buscas?')
    .fill('Necesito la relación de vehículos oficiales asignados a la Secretaría de Finanzas, con el área que los usa.');
  // The demo has answered requests about official vehicles.
  await citizen.locator('#solicitudes-parecidas li').first().waitFor();
  assert.match(await citizen.locator('#solicitudes-parecidas').innerText(), /ya se respondieron/);
  // The picker narrows the list to what one types, accents and case aside.
  await citizen.getByLabel('Buscar la institución por su nombre o siglas').fill('zzzz');
  assert.match(await citizen.locator('.institution-filter').innerText(), /Ninguna institución coincide/);
  await citizen.getByLabel('Buscar la institución por su nombre o siglas').fill('finanzas del estado de jalisco');
  assert.match(await citizen.locator('.institution-filter').innerText(), /Una institución coincide/);
  await citizen.getByLabel('Secretaría de Finanzas del Estado de Jalisco', { exact: false }).first().check();
  // The page's script proves a person is here, so the question goes away.
  await citizen.getByText('Tu navegador ya hizo la comprobación').waitFor();
  await expectAccessible(citizen);
  await citizen.getByRole('button', { name: /Enviar/ }).click();
  const flash = await citizen.getByRole('status').innerText();
  const [, folio] = flash.match(/folio (\S+?)\./);
  const [, key] = flash.match(/clave \(no se vuelve a mostrar\): (\S+)/);
  assert.match(await citizen.locator('h1').innerText(), new RegExp(folio));
  await expectAccessible(citizen);

  const official = await portal.newPage();
  await signIn(portal, official, 'funcionaria@demo.apertura.mx', 'demo-official-2026');
  await official.goto(`${portal.url}/solicitudes/unidad`);
  await expectAccessible(official);
  await official.getByRole('link', { name: folio }).click();
  await official.getByLabel('Paso').selectOption('clarify');
  await official.getByLabel('Texto para quien solicita').fill('Indique si busca los vehículos propios, los arrendados o ambos.');
  await official.getByRole('button', { name: 'Registrar el paso' }).click();
  assert.match(await official.locator('.status-line').innerText(), /Se pidió aclarar/);
  await expectAccessible(official);

  await citizen.reload();
  await citizen.getByLabel('Clave que recibiste al presentar la solicitud').fill(key);
  await citizen.getByLabel('Tu aclaración').fill('Ambos: los propios y los arrendados, en 2026.');
  await citizen.getByRole('button', { name: 'Enviar la aclaración' }).click();
  assert.match(await citizen.getByRole('status').innerText(), /Recibimos tu aclaración/);
  await expectAccessible(citizen);

  await official.reload();
  await official.getByLabel('Paso').selectOption('answer');
  await official.getByLabel('Sentido de la respuesta (al responder)').selectOption('delivered');
  await official.getByLabel('Texto para quien solicita').fill('Se entrega la relación de los vehículos propios y arrendados de 2026.');
  await official.getByLabel(/Documentos de la respuesta/).setInputFiles(
    { name: 'vehiculos-2026.csv', mimeType: 'text/csv', buffer: Buffer.from('placa,area\nJAL-001,Tesorería\n') });
  await official.getByRole('button', { name: 'Registrar el paso' }).click();
  await citizen.reload();
  assert.match(await citizen.locator('.status-line').innerText(), /Respondida/);
  assert.match(await citizen.locator('.timeline').innerText(), /propios y arrendados de 2026/);
  const csv = await citizen.request.get(portal.url + await citizen.getByRole('link', { name: 'vehiculos-2026.csv' }).getAttribute('href'));
  assert.match(await csv.text(), /JAL-001,Tesorería/);
  await expectAccessible(citizen);

  // Not satisfied, the requester appeals with the key.
  await citizen.getByLabel('Clave que recibiste al presentar la solicitud').fill(key);
  await citizen.getByLabel('Motivo').selectOption('incomplete');
  await citizen.getByLabel('Por qué no estás de acuerdo').fill('Faltan los vehículos arrendados por la Tesorería.');
  await citizen.getByRole('button', { name: 'Presentar el recurso' }).click();
  assert.match(await citizen.getByRole('status').innerText(), /Recibimos tu recurso de revisión RR-/);
  assert.match(await citizen.locator('#recurso').innerText(), /En espera de admisión/);
  await expectAccessible(citizen);

  // The guarantor admits and resolves it; the unit reports compliance.
  const guarantor = await portal.newPage();
  await signIn(portal, guarantor, 'garante@demo.apertura.mx', 'demo-guarantor-2026');
  await guarantor.goto(`${portal.url}/solicitudes/recursos?status=open`);
  await expectAccessible(guarantor);
  await guarantor.getByRole('link', { name: `RR-${folio}` }).click();
  await guarantor.getByLabel('Paso').selectOption('admit');
  await guarantor.getByLabel('Acuerdo o resolución (texto público)').fill('Se admite el recurso; las partes pueden alegar.');
  await guarantor.getByRole('button', { name: 'Registrar el paso del recurso' }).click();
  assert.match(await guarantor.locator('#recurso').innerText(), /Admitido/);
  await guarantor.getByLabel('Paso').selectOption('resolve');
  await guarantor.getByLabel('Sentido (al resolver)').selectOption('modify');
  await guarantor.getByLabel('Acuerdo o resolución (texto público)').fill('Se modifica: debe entregar también los arrendados.');
  await guarantor.getByRole('button', { name: 'Registrar el paso del recurso' }).click();
  assert.match(await guarantor.locator('#recurso').innerText(), /la institución debe cumplir/);
  await expectAccessible(guarantor);

  await official.reload();
  await official.getByLabel('Cómo se cumplió').fill('Se entregó la relación de los vehículos arrendados.');
  await official.getByRole('button', { name: 'Informar el cumplimiento' }).click();
  await citizen.reload();
  assert.match(await citizen.locator('#recurso').innerText(), /Cumplimiento informado/);
  assert.match(await citizen.locator('.timeline').innerText(), /modifica la respuesta/);
  await expectAccessible(citizen);
  await citizen.setViewportSize({ width: 360, height: 780 });
  await expectAccessible(citizen);
});

test('without JavaScript the filing form asks a sum instead, and answering it files the request', async () => {
  const page = await portal.newPage({ javaScriptEnabled: false });
  await page.goto(`${portal.url}/solicitudes/nueva`);
  await page.getByLabel('¿Qué información buscas?').fill('Solicito el padrón de beneficiarios del programa de becas de 2026.');
  await page.locator('details.institution-group', { hasText: 'Jalisco' }).first().locator('summary').click();
  await page.getByLabel('Secretaría de Finanzas del Estado de Jalisco', { exact: false }).first().check();
  const words = ['cero', 'uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve'];
  const question = await page.locator('label[for="campo-proof"]').innerText();
  const [, a, b] = question.match(/Cuánto es (\S+) más (\S+)\?/);
  await page.getByLabel(/Cuánto es/).fill('5000');
  await page.getByRole('button', { name: /Enviar/ }).click();
  assert.match(await page.locator('.field-error').first().innerText(), /no pudimos comprobar que eres una persona/);
  const again = await page.locator('label[for="campo-proof"]').innerText();
  const [, c, d] = again.match(/Cuánto es (\S+) más (\S+)\?/);
  await page.getByLabel(/Cuánto es/).fill(String(words.indexOf(c) + words.indexOf(d)));
  await page.getByRole('button', { name: /Enviar/ }).click();
  assert.match(await page.getByRole('status').innerText(), /Recibimos tu solicitud con el folio/);
  assert.ok(words.includes(a) && words.includes(b));
});
