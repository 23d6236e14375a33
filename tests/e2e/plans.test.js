// The action-plan cycle in a real browser: an admin builds and publishes a
// plan of five commitments, an official reports a milestone and the progress
// bar moves, and every page visited passes axe-core.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startPortal, expectAccessible, signIn as signInAt, demo } from './support.js';

let portal;
before(async () => { portal = await startPortal(); });
after(async () => { await portal?.stop(); });
const signIn = (page, email, password, options) => signInAt(portal, page, email, password, options);



async function jaliscoPlanId(page) {
  const response = await page.request.get(`${portal.url}/api/v1/jurisdictions/14/plans`);
  return (await response.json()).data[0].id;
}

test('the national overview and a published plan are public and accessible', async () => {
  const page = await portal.newPage();
  await page.goto(`${portal.url}/planes`);
  assert.match(await page.locator('tbody').innerText(), /Jalisco/);
  await expectAccessible(page);
  await page.getByRole('link', { name: 'En implementación' }).first().click();
  assert.equal(await page.locator('.commitment-list > li').count(), 5);
  await expectAccessible(page);
});

test('an official reports a milestone with evidence and the progress bar moves', async () => {
  const page = await portal.newPage();
  await signIn(page, 'funcionaria@demo.apertura.mx', 'demo-official-2026');
  const planId = await jaliscoPlanId(page);
  await page.goto(`${portal.url}/planes/${planId}`);
  await page.getByRole('link', { name: /Compromiso 1:/ }).click();
  const bar = page.getByRole('progressbar', { name: 'Avance del compromiso' });
  assert.equal(await bar.getAttribute('value'), '66');
  await expectAccessible(page);
  let open = page.locator('.timeline li').filter({ hasText: 'Publicación del 90%' });
  await open.getByLabel('Evidencia').fill('Reporte de procesos publicados');
  await open.getByLabel(/^Archivo/).setInputFiles({
    name: 'reporte.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
  });
  await open.getByRole('button', { name: 'Agregar evidencia' }).click();
  await page.getByRole('status').waitFor();
  open = page.locator('.timeline li').filter({ hasText: 'Publicación del 90%' });
  assert.match(await open.locator('.evidence').innerText(), /Reporte de procesos publicados \(reporte\.pdf\)/);
  await open.getByLabel('Estado del hito').selectOption('completed');
  await open.getByRole('button', { name: 'Informar avance' }).click();
  await page.getByRole('status').waitFor();
  assert.equal(await page.getByRole('progressbar', { name: 'Avance del compromiso' }).getAttribute('value'), '100');
  assert.match(await page.locator('.progress-text').first().innerText(), /Completo/);
});

test('an admin creates a plan with five commitments and publishes it', async () => {
  const page = await portal.newPage();
  await signIn(page, demo.admin.email, demo.admin.password);
  await page.goto(`${portal.url}/jurisdicciones/morelos/secretariado`);
  await expectAccessible(page);
  await page.getByLabel('Inicio (AAAA-MM-DD)').fill('2026-01-01');
  await page.getByLabel('Término: un año después').fill('2026-12-31');
  await page.getByRole('button', { name: 'Crear plan en borrador' }).click();
  await page.getByRole('button', { name: 'Pasar a «En co-creación»' }).click();
  const planUrl = page.url();

  for (let number = 1; number <= 5; number++) {
    await page.getByLabel('Número (1 a 5)').fill(String(number));
    await page.getByLabel('Título').fill(`Compromiso de prueba ${number}`);
    await page.getByLabel('Problema público que atiende').fill('La información pública no se encuentra.');
    await page.getByLabel('Objetivo').fill('Publicar la información en datos abiertos.');
    await page.getByLabel(/k\) Lenguaje ciudadano/).check();
    await page.getByLabel('Institución responsable').selectOption({ label: 'Congreso del Estado de Morelos' });
    await page.getByLabel('Contraparte de la sociedad civil').fill('Colectivo Morelos Abierto');
    await page.getByLabel('Inicio', { exact: true }).fill('2026-02-01');
    await page.getByLabel('Término', { exact: true }).fill('2026-11-30');
    await page.getByRole('button', { name: 'Agregar compromiso' }).click();
    await page.getByRole('status').waitFor();
  }
  const refused = await page.getByRole('button', { name: 'Pasar a «Publicado»' }).click().then(() => page.locator('.form-errors').innerText());
  assert.match(refused, /compromiso 1: necesita al menos un indicador/);
  await expectAccessible(page);

  for (let number = 1; number <= 5; number++) {
    await page.goto(planUrl);
    await page.getByRole('link', { name: `Compromiso ${number}: Compromiso de prueba ${number}` }).click();
    for (const due of ['2026-04-30', '2026-10-31']) {
      await page.getByLabel('Descripción').fill(`Entrega ${due}`);
      await page.getByLabel('Fecha compromiso').fill(due);
      await page.getByRole('button', { name: 'Agregar hito' }).click();
      await page.getByRole('status').waitFor();
    }
    await page.getByLabel('Nombre', { exact: true }).fill('Conjuntos publicados');
    await page.getByLabel('Línea base').fill('0');
    await page.getByLabel('Meta').fill('10');
    await page.getByRole('button', { name: 'Agregar indicador' }).click();
    await page.getByRole('status').waitFor();
  }
  await expectAccessible(page);
  await page.goto(planUrl);
  await page.getByRole('button', { name: 'Pasar a «Publicado»' }).click();
  await page.getByRole('status').waitFor();
  assert.match(await page.locator('.facts').innerText(), /Publicado/);
});

test('a citizen submits a proposal and sees the secretariat\'s answer', async () => {
  const citizen = await portal.newPage();
  await signIn(citizen, 'ciudadana@demo.apertura.mx', 'demo-citizen-2026');
  await citizen.goto(`${portal.url}/jurisdicciones/jalisco/propuestas`);
  await expectAccessible(citizen);
  await citizen.getByLabel('Tipo').selectOption('problem');
  await citizen.getByLabel('Título').fill('Baches sin reparar en la carretera estatal');
  await citizen.getByLabel('Descripción').fill('Nadie publica cuándo se repararán ni cuánto cuesta.');
  await citizen.getByLabel(/e\) Transparentar la asignación/).check();
  await citizen.getByRole('button', { name: 'Enviar' }).click();
  await citizen.getByRole('status').waitFor();
  const proposalUrl = citizen.url();
  assert.match(await citizen.locator('.answer').innerText(), /En espera de respuesta/);
  await expectAccessible(citizen);

  const admin = await portal.newPage();
  await signIn(admin, demo.admin.email, demo.admin.password);
  await admin.goto(proposalUrl);
  await admin.getByLabel('Decisión').selectOption('not_adopted');
  await admin.getByLabel('Respuesta para quien propuso').fill('Las obras estatales entran en el compromiso de contrataciones abiertas del próximo plan.');
  await admin.getByRole('button', { name: 'Registrar respuesta' }).click();
  await admin.getByRole('status').waitFor();

  await citizen.goto(`${portal.url}/propuestas/mias`);
  assert.match(await citizen.locator('tbody').innerText(), /próximo plan/);
  await expectAccessible(citizen);
});
