// Every role's pages: signed in as each demo account (and as a visitor), the
// suite follows the portal's own links from the home page and runs axe-core
// on every kind of page that role can reach, forms included, at 1280 and at
// 360 px; on a phone no page may scroll sideways. A page a role sees with the
// same forms as a role checked before is not checked twice.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { startPortal, seriousViolations, signIn } from './support.js';

let portal;
const checked = new Set();  // kind of page + the forms on it, for every role
before(async () => { portal = await startPortal(); });
after(async () => { await portal?.stop(); });

const roles = [
  { name: 'visitante' },
  { name: 'ciudadana', email: 'ciudadana@demo.apertura.mx', password: 'demo-citizen-2026' },
  { name: 'sociedad civil', email: 'sociedad@demo.apertura.mx', password: 'demo-civil-2026' },
  { name: 'funcionaria', email: 'funcionaria@demo.apertura.mx', password: 'demo-official-2026' },
  { name: 'administración', email: 'admin@demo.apertura.mx', password: 'demo-admin-2026' },
];

// Files and machine answers are not pages.
const notAPage = /^\/(api|static)\/|\.(csv|json|jsonl|pdf|png|jpe?g|zip)$|\/archivo$|\/contenido$/;

// One page of each kind: /contrataciones/ocds-x-1 and /contrataciones/ocds-x-2
// are the same page; so are two searches with the same parameters.
function kindOf(url) {
  const path = url.pathname.split('/').map((part) => (/\d/.test(part) ? ':id' : part)).join('/');
  const keys = [...new Set([...url.searchParams.keys()])].filter((key) => key !== 'page').sort();
  return keys.length ? `${path}?${keys.join('&')}` : path;
}

async function linksOf(page, origin) {
  const hrefs = await page.$$eval('a[href]', (anchors) => anchors.map((a) => a.href));
  return hrefs
    .map((href) => new URL(href))
    .filter((url) => url.origin === origin && !notAPage.test(url.pathname))
    .map((url) => { url.hash = ''; return url; });
}

for (const role of roles) {
  test(`every page a ${role.name} can reach passes axe at 1280 and 360 px`, async (t) => {
    const page = await portal.newPage({ viewport: { width: 1280, height: 900 } });
    if (role.email) await signIn(portal, page, role.email, role.password);
    const origin = new URL(portal.url).origin;
    const seen = new Set();
    const queue = [new URL('/', portal.url)];
    const problems = [];
    let visited = 0;
    let checks = 0;
    while (queue.length > 0 && visited < 90) {
      const url = queue.shift();
      const kind = kindOf(url);
      if (seen.has(kind)) continue;
      seen.add(kind);
      let response;
      try {
        response = await page.goto(url.href);
      } catch (error) {
        if (String(error.message).includes('Download is starting')) continue;  // a file, such as evidence
        throw error;
      }
      if (!response || !(response.headers()['content-type'] ?? '').includes('text/html')) continue;
      visited += 1;
      queue.push(...(await linksOf(page, origin)));
      const forms = await page.$$eval('main form', (list) => list.map((f) => `${f.method} ${f.getAttribute('action')}`).sort().join(','));
      if (checked.has(`${kind}|${forms}`)) continue;
      checked.add(`${kind}|${forms}`);
      checks += 1;
      if (role.email && url.pathname !== '/salir') {
        // Still signed in: no link on the way signs out.
        assert.ok(await page.getByRole('button', { name: 'Cerrar sesión' }).count() > 0, `signed out at ${url.href}`);
      }
      for (const width of [1280, 360]) {
        await page.setViewportSize({ width, height: 900 });
        for (const violation of await seriousViolations(page)) problems.push(`${url.pathname}${url.search} @${width}: ${violation}`);
        if (width === 360) {
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          if (overflow > 0) problems.push(`${url.pathname}${url.search} @360: ${overflow} px wider than the screen`);
        }
      }
      await page.setViewportSize({ width: 1280, height: 900 });
    }
    t.diagnostic(`${visited} pages reached, ${checks} checked as ${role.name}`);
    // The crawl reached the portal, not just its home page.
    assert.ok(visited >= 20, `only ${visited} pages reached as ${role.name}`);
    assert.ok(checks > 0, `no page checked as ${role.name}`);
    assert.deepEqual(problems, [], `${problems.length} problems on ${checks} pages checked as ${role.name}`);
  });
}
