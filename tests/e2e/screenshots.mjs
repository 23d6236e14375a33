// The README's pictures: the main pages of the demo at desktop and phone
// width, taken with Debian's Chromium so they stay current.
//   node tests/e2e/screenshots.mjs [OUTPUT_DIR=docs/screenshots]
// (scripts/screenshots.sh builds first and runs this.)
import { mkdirSync } from 'node:fs';
import { startPortal } from './support.js';

const output = process.argv[2] ?? new URL('../../docs/screenshots/', import.meta.url).pathname;
mkdirSync(output, { recursive: true });
const portal = await startPortal();
try {
  const api = async (path) => (await fetch(portal.url + path)).json();
  const overview = await api('/api/v1/overview');
  const planId = overview.data.find((row) => row.plan_id && row.plan_published).plan_id;
  const plan = await api(`/api/v1/plans/${planId}`);
  const commitmentId = plan.data.commitments[0].id;
  const flagged = await api('/api/v1/flags?code=R028&scope=process&per_page=1');
  const pages = [
    ['inicio', '/'],
    ['plan', `/planes/${planId}`],
    ['compromiso', `/compromisos/${commitmentId}`],
    ['proceso', `/contrataciones/${flagged.data[0].subject}`],
    ['senales', '/senales'],
    ['presupuesto', '/presupuesto'],
  ];
  for (const [width, height, device] of [[1280, 900, 'escritorio'], [360, 780, 'telefono']]) {
    const page = await portal.newPage({ viewport: { width, height } });
    for (const [name, path] of pages) {
      await page.goto(portal.url + path);
      await page.waitForLoadState('networkidle');
      // The money trail's chart draws itself in about a second.
      if (name === 'presupuesto') await page.waitForTimeout(1500);
      await page.screenshot({ path: `${output}/${name}-${device}.png` });
    }
    await page.context().close();
  }
  console.log(`${pages.length * 2} capturas en ${output}`);
} finally {
  await portal.stop();
}
