// Starts Apertura on a fresh SQLite file with the demo data, and Chromium.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const binary = process.env.APERTURA_BINARY ?? new URL('../../build/apertura', import.meta.url).pathname;

export const demo = {
  admin: { email: 'admin@demo.apertura.mx', password: 'demo-admin-2026' },
};

export { binary };

// Apertura alone (no browser), on a free port: the demo on a fresh SQLite
// file, or a database the caller prepared (`dir` holds it, `db` names it)
// with options before the subcommand (`options`, such as --flags-settings).
export async function startServer({ dir = mkdtempSync(join(tmpdir(), 'apertura-e2e-')), db, options = [] } = {}) {
  if (!db) {
    db = `sqlite:${join(dir, 'e2e.db')}`;
    execFileSync(binary, ['--db', db, '--log-level', 'warn', 'demo']);
  }
  const server = spawn(binary, ['--db', db, ...options, 'serve', '--port', '0', '--access-log', 'false', '--check-links', 'false'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 15000);
    const onData = (chunk) => {
      output += chunk;
      const match = output.match(/listening on (http:\/\/[\d.]+:\d+)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', onData);
    server.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return {
    url,
    dir,
    async stop() {
      const exited = new Promise((resolve) => server.on('exit', resolve));
      server.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function startPortal() {
  const { url, stop } = await startServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    url,
    browser,
    async newPage(options = {}) {
      // bypassCSP lets the test inject axe-core; the portal's own pages run under the real CSP.
      const context = await browser.newContext({ bypassCSP: true, locale: 'es-MX', ...options });
      return context.newPage();
    },
    async stop() {
      await browser.close();
      await stop();
    },
  };
}

// Runs axe-core on the page and returns the serious and critical violations.
export async function seriousViolations(page) {
  await page.evaluate(axeSource);
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

export async function expectAccessible(page) {
  const assert = (await import('node:assert/strict')).default;
  assert.deepEqual(await seriousViolations(page), [], `accessibility violations on ${page.url()}`);
}

// Fills the sign-in form; waits for the signed-in header unless told not to.
export async function signIn(portal, page, email, password, { expectSuccess = true } = {}) {
  await page.goto(`${portal.url}/entrar`);
  await page.getByLabel('Correo electrónico').fill(email);
  await page.getByLabel('Contraseña').fill(password);
  await page.getByRole('button', { name: 'Entrar' }).click();
  if (expectSuccess) await page.getByRole('button', { name: 'Cerrar sesión' }).waitFor();
}
