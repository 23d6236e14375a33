// End to end in a real browser: sign up, sign in, the home page, an admin
// adding an institution, and an accessibility check on every page visited.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startPortal, expectAccessible, signIn as signInAt, demo } from './support.js';

let portal;
before(async () => { portal = await startPortal(); });
after(async () => { await portal?.stop(); });
const signIn = (page, email, password, options) => signInAt(portal, page, email, password, options);



test('the home page lists the states that signed the declaration', async () => {
  const page = await portal.newPage();
  const response = await page.goto(portal.url);
  assert.equal(response.status(), 200);
  assert.equal(await page.getAttribute('html', 'lang'), 'es-MX');
  await assert.doesNotReject(page.getByRole('heading', { level: 1 }).waitFor());
  assert.equal(await page.locator('.card-list > li').count(), 12);
  // Each card says where the state stands: its secretariat, its plan, its red flags.
  const jalisco = page.locator('.card-list > li', { hasText: 'Jalisco' });
  assert.match(await jalisco.innerText(), /Secretariado técnico tripartito constituido/);
  assert.match(await jalisco.innerText(), /Plan de acción · .* · avance \d+ %/);
  assert.match(await jalisco.innerText(), /contrataciones con señales de riesgo/);
  await expectAccessible(page);
});

test('a citizen signs up, sees the form errors, then their account', async () => {
  const page = await portal.newPage();
  await page.goto(`${portal.url}/registro`);
  await expectAccessible(page);
  await page.getByLabel('Nombre').fill('Rosa Martínez');
  await page.getByLabel('Correo electrónico').fill('no-es-un-correo');
  await page.getByLabel('Contraseña', { exact: true }).fill('corta');
  await page.getByLabel('Repite la contraseña').fill('corta');
  await page.getByRole('button', { name: 'Crear cuenta' }).click();
  await page.locator('.form-errors').waitFor();
  assert.equal(await page.getByLabel('Correo electrónico').getAttribute('aria-invalid'), 'true');
  await expectAccessible(page);

  await page.getByLabel('Correo electrónico').fill('rosa@example.mx');
  await page.getByLabel('Contraseña', { exact: true }).fill('una-frase-bastante-larga');
  await page.getByLabel('Repite la contraseña').fill('una-frase-bastante-larga');
  await page.getByRole('button', { name: 'Crear cuenta' }).click();
  await page.getByRole('status').waitFor();
  assert.match(await page.getByRole('status').innerText(), /tu cuenta está lista/);
  await page.getByRole('link', { name: 'Rosa Martínez' }).click();
  assert.match(await page.locator('main').innerText(), /rosa@example\.mx/);
  await expectAccessible(page);
});

test('a user signs out and signs in again', async () => {
  const page = await portal.newPage();
  await page.goto(`${portal.url}/registro`);
  await page.getByLabel('Nombre').fill('Luis');
  await page.getByLabel('Correo electrónico').fill('luis@example.mx');
  await page.getByLabel('Contraseña', { exact: true }).fill('otra-frase-muy-larga');
  await page.getByLabel('Repite la contraseña').fill('otra-frase-muy-larga');
  await page.getByRole('button', { name: 'Crear cuenta' }).click();
  await page.getByRole('button', { name: 'Cerrar sesión' }).click();
  await page.getByRole('link', { name: 'Iniciar sesión' }).waitFor();

  await signIn(page, 'luis@example.mx', 'contraseña-equivocada', { expectSuccess: false });
  await page.locator('.form-errors').waitFor();
  await expectAccessible(page);
  await signIn(page, 'luis@example.mx', 'otra-frase-muy-larga');
  await page.getByRole('button', { name: 'Cerrar sesión' }).waitFor();
  assert.match(await page.getByRole('status').innerText(), /Hola, Luis/);
});

test('an admin adds an institution to a state and it is listed and audited', async () => {
  const page = await portal.newPage();
  await signIn(page, demo.admin.email, demo.admin.password);
  await page.goto(`${portal.url}/jurisdicciones/jalisco`);
  await expectAccessible(page);
  await page.getByLabel('Nombre').fill('Contraloría del Estado de Jalisco');
  await page.getByLabel('Siglas (opcional)').fill('CEJ');
  await page.getByRole('button', { name: 'Registrar institución' }).click();
  await page.getByRole('status').waitFor();
  assert.match(await page.locator('table').innerText(), /Contraloría del Estado de Jalisco/);

  await page.goto(`${portal.url}/bitacora`);
  assert.match(await page.locator('tbody tr').first().innerText(), /institution/);
  await expectAccessible(page);
});

test('lists, search and error pages are accessible', async () => {
  const page = await portal.newPage();
  await page.goto(`${portal.url}/jurisdicciones?q=oaxaca`);
  assert.equal(await page.locator('tbody tr').count(), 1);
  await expectAccessible(page);
  const missing = await page.goto(`${portal.url}/no-existe`);
  assert.equal(missing.status(), 404);
  await expectAccessible(page);
});

test('the home page fits a 360 px phone without sideways scrolling', async () => {
  const page = await portal.newPage({ viewport: { width: 360, height: 740 } });
  await page.goto(portal.url);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
  await page.goto(`${portal.url}/jurisdicciones`);
  const listOverflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(listOverflow <= 0, `list is ${listOverflow}px wider than the screen`);
});
